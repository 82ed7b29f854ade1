import type { Metadata } from 'next';
import { t } from '../lib/i18n/t';
import { NotFoundMessage } from './_components/NotFoundMessage';
import { SiteShell } from './_components/SiteShell';

export const metadata: Metadata = { title: t('notFound.heading') };

/** URLs that match no route. */
export default function NotFound() {
  return (
    <SiteShell person={null}>
      <NotFoundMessage />
    </SiteShell>
  );
}
