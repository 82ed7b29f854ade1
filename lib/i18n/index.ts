// Extensionless relative imports in lib/i18n and lib/sync: the app bundles them, and Turbopack
// (next build) does not resolve "./x.js" to x.ts the way tsc and esbuild do.
export { da, en, catalogues, LOCALES, DEFAULT_LOCALE, type Locale, type MessageKey, type Messages } from './messages';
export { translatorFor, errorMessage, isMessageKey, type Translate, type MessageArgs, type PlainMessageKey } from './t';
export { t, translator } from './translator';
export { formatDateTime, formatTime, TIME_ZONE } from './format';
