import type { Metadata } from 'next';
import { t } from '../lib/i18n/t';
import { NotFoundMessage } from './_components/NotFoundMessage';
import { SiteShell } from './_components/SiteShell';
import { readShellPerson } from './_server/readShellPerson';

export const metadata: Metadata = { title: t('notFound.heading') };

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
