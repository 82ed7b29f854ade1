import type { Metadata } from 'next';
import { t } from '../../lib/i18n/t';
import { NotFoundMessage } from '../_components/NotFoundMessage';

export const metadata: Metadata = { title: t('notFound.heading') };

/**
 * notFound() inside the site, within the site layout. The browser draws it (Next.js sends an empty
 * error shell for a notFound() during a page load): a page load of a missing document's page is
 * rewritten to the root not-found page by the proxy instead (app/_server/isMissingPage.ts).
 */
export default function SiteNotFound() {
  return <NotFoundMessage />;
}
