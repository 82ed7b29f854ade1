/** The languages Samskriv speaks, and how a value from outside (a cookie, a form, a stored record) becomes one. */
export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'da';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The cookie the language switch sets (signed-out visitors; signed-in people have it on the account too). */
export const LOCALE_COOKIE = 'samskriv_lang';

/** One year: a choice a visitor made should outlast the session. */
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** The locale's name in its own language (the switch labels each option in the language it selects). */
export const LOCALE_NAMES: { readonly [L in Locale]: string } = { da: 'Dansk', en: 'English' };

/** The BCP 47 tag Intl formats with. */
export function intlLocale(locale: Locale): string {
  return locale === 'da' ? 'da-DK' : 'en-GB';
}
