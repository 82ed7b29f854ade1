/**
 * The three sentences of app/global-error.tsx, in both languages. That page replaces the root
 * layout (no LocaleProvider above it) and is part of every page's bundle, so it carries these
 * alone rather than a catalogue; tests/unit/i18n/messages.test.ts checks they equal the catalogues'.
 */
import type { Locale } from './locales';

export const GLOBAL_ERROR_TEXT: { readonly [L in Locale]: { heading: string; body: string; retry: string } } = {
  da: { heading: 'Noget gik galt', body: 'Siden kunne ikke vises. Prøv igen om lidt.', retry: 'Prøv igen' },
  en: { heading: 'Something went wrong', body: 'The page could not be shown. Try again in a moment.', retry: 'Try again' },
};
