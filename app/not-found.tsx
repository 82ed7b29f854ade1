import type { Metadata } from 'next';
import { getT } from './_server/requestLocale';
import { NotFoundMessage } from './_components/NotFoundMessage';
import { SiteShell } from './_components/SiteShell';
import { readShellPerson } from './_server/readShellPerson';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('notFound.heading') };
}

/**
 * URLs that match no route, and document pages the visitor may not see (the proxy rewrites those
 * here, so the page is HTML without JavaScript: app/_server/isMissingPage.ts). The header names
 * whoever is signed in, as the site layout does.
 */
export default async function NotFound() {
  return (
    <SiteShell person={await readShellPerson()}>
      <NotFoundMessage />
    </SiteShell>
  );
}
