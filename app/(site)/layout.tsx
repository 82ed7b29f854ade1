import type { ReactNode } from 'react';
import { SiteShell } from '../_components/SiteShell';
import { readSession } from '../_server/readSession';

export const dynamic = 'force-dynamic';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const session = await readSession();
  return <SiteShell person={session && { name: session.name, color: session.color }}>{children}</SiteShell>;
}
