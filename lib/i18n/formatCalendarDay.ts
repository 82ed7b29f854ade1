import { intlLocale, type Locale } from './locales';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date field's value ("2026-12-15") in words: "15. december 2026" / "15 December 2026", or null
 * when it is not a whole, real day. A calendar day has no time zone: it is formatted as it is.
 */
export function formatCalendarDay(day: string, locale: Locale): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(Date.UTC(year, month - 1, date));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== date) return null;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}
