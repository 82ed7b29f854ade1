export { da, en, catalogues, LOCALES, DEFAULT_LOCALE, type Locale, type MessageKey, type Messages } from './messages.js';
export { t, translator, errorMessage, isMessageKey, type Translate, type MessageArgs, type PlainMessageKey } from './t.js';
export { formatDateTime, formatTime, TIME_ZONE } from './format.js';
