import type { ReactNode } from 'react';
import { ServiceWorkerRegistration } from '../_offline/ServiceWorkerRegistration';
import { SiteShell } from '../_components/SiteShell';
import { readShellPerson } from '../_server/readShellPerson';

export const dynamic = 'force-dynamic';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <ServiceWorkerRegistration>
      <SiteShell person={await readShellPerson()}>{children}</SiteShell>
    </ServiceWorkerRegistration>
  );
}
