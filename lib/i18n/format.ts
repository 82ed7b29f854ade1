/**
 * Dates and times for people. A fixed time zone (the product is Danish-first) keeps the server's
 * render and the browser's hydration identical.
 */
import { intlLocale, type Locale } from './locales';

export const TIME_ZONE = 'Europe/Copenhagen';

/** "26. nov. 2026 kl. 20.22" */
export function formatDateTime(value: string | number | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(
    new Date(value),
  );
}

/** "20.22" */
export function formatTime(value: string | number | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(value));
}
