import type { Metadata } from 'next';
import { t } from '../../../../lib/i18n/t';

export const metadata: Metadata = { title: t('account.deleted.notice') };

/** Where deleting one's account ends: the session is gone, so this page needs none. */
export default function AccountDeletedPage() {
  return (
    <section className="card">
      <h1>{t('account.deleted.notice')}</h1>
      <p>{t('account.deleted.after')}</p>
      <p>
        <a href="/">{t('nav.allDocuments')}</a>
      </p>
    </section>
  );
}
