import type { Metadata } from 'next';
import { getT } from '../../../_server/requestLocale';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('account.deleted.notice') };
}

/** Where deleting one's account ends: the session is gone, so this page needs none. */
export default async function AccountDeletedPage() {
  const t = await getT();
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
