/**
 * Both catalogues together, for server code (translators by locale: lib/i18n/translator.ts) and
 * tests. The strings live in `da.ts` (the source) and `en.ts`; the types in `messageTypes.ts`.
 * Never import this from browser code: a page gets its one catalogue from LocaleProvider.
 */
import { da } from './da';
import { en } from './en';
import type { Locale } from './locales';
import type { Messages } from './messageTypes';

export { da, en };
export type { MessageKey, Messages } from './messageTypes';
export { LOCALES, DEFAULT_LOCALE, type Locale } from './locales';

export const catalogues: { readonly [L in Locale]: Messages } = { da, en };
