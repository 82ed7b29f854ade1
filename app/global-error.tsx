'use client';
import { t } from '../lib/i18n/t';

/** Last resort when the root layout itself fails. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="da">
      <body>
        <main id="main" className="page-message">
          <h1>{t('error.heading')}</h1>
          <p>{t('error.body')}</p>
          <button type="button" className="button" onClick={reset}>
            {t('error.retry')}
          </button>
        </main>
      </body>
    </html>
  );
}
