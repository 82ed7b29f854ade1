import Link from 'next/link';
import { t } from '../../lib/i18n/t';

export function NotFoundMessage() {
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
