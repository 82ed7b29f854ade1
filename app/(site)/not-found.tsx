import type { Metadata } from 'next';
import { t } from '../../lib/i18n/t';
import { NotFoundMessage } from '../_components/NotFoundMessage';

export const metadata: Metadata = { title: t('notFound.heading') };

/** notFound() inside the site (an unknown document): within the site layout. */
export default function SiteNotFound() {
  return <NotFoundMessage />;
}
