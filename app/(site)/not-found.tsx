import type { Metadata } from 'next';
import { getT } from '../_server/requestLocale';
import { NotFoundMessage } from '../_components/NotFoundMessage';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('notFound.heading') };
}

/**
 * notFound() inside the site, within the site layout. The browser draws it (Next.js sends an empty
 * error shell for a notFound() during a page load): a page load of a missing document's page is
 * rewritten to the root not-found page by the proxy instead (app/_server/isMissingPage.ts).
 */
export default async function SiteNotFound() {
  return <NotFoundMessage />;
}
