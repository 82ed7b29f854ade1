import type { ReactNode } from 'react';
import { colourFor } from '../../lib/auth/colourFor';
import { SiteShell } from '../_components/SiteShell';
import { readPrincipal } from '../_server/readPrincipal';
import { isAdmin } from '../_server/requireAdmin';

export const dynamic = 'force-dynamic';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const principal = await readPrincipal();
  return (
    <SiteShell person={principal && { name: principal.label, color: colourFor(principal.personId), admin: isAdmin(principal) }}>
      {children}
    </SiteShell>
  );
}
