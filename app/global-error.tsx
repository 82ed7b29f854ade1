'use client';
import { GLOBAL_ERROR_TEXT } from '../lib/i18n/globalErrorText';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../lib/i18n/locales';

/** The language of the page that failed (the root layout set `<html lang>`), else Danish. */
function pageLocale(): Locale {
  const lang = typeof document === 'undefined' ? null : document.documentElement.lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** Last resort when the root layout itself fails. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  const locale = pageLocale();
  const text = GLOBAL_ERROR_TEXT[locale];
  return (
    <html lang={locale}>
      <body>
        <main id="main" className="page-message">
          <h1>{text.heading}</h1>
          <p>{text.body}</p>
          <button type="button" className="button" onClick={reset}>
            {text.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
