import Link from 'next/link';
import { getT } from '../_server/requestLocale';

export async function NotFoundMessage() {
  const t = await getT();
  return (
    <div className="page-message">
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
