'use client';
import { useT } from '../lib/i18n/useT';

/** A page that threw while rendering. */
export default function PageError({ reset }: { error: Error; reset: () => void }) {
  const t = useT();
  return (
    <main id="main" className="page-message">
      <h1>{t('error.heading')}</h1>
      <p>{t('error.body')}</p>
      <button type="button" className="button" onClick={reset}>
        {t('error.retry')}
      </button>
    </main>
  );
}
