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

/**
 * "2027-03-05 14:00" in the product's time zone (Danish time, summer time included), for CSV
 * files: spreadsheets read it as a date and time; the column's heading names the zone.
 */
export function formatSpreadsheetDateTime(value: string | number | Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: TIME_ZONE,
    })
      .formatToParts(new Date(value))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
