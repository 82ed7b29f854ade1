/**
 * Translators by locale, for server code (pages get theirs per request from app/_server/requestLocale.ts;
 * e-mails use the recipient's). Holds both catalogues: never import it from browser code (use
 * `useT()` there).
 */
import { catalogues, DEFAULT_LOCALE, type Locale } from './messages';
import { translatorFor, type Translate } from './t';

export function translator(locale: Locale): Translate {
  return translatorFor(catalogues[locale]);
}

/** Danish, for what has no person or request behind it (a log line, a signed-out reader's presence name). */
export const t: Translate = translator(DEFAULT_LOCALE);
