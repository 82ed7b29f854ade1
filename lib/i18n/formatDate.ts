import { intlLocale, type Locale } from './locales';
import { TIME_ZONE } from './format';

/** "4. dec. 2026" (the date alone, in the product's time zone, so server and browser agree). */
export function formatDate(value: string | number | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(value));
}
