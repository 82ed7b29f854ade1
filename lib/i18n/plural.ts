/** The plural category of a count in a locale (Danish and English both have `one` and `other`). */
import { intlLocale, type Locale } from './locales';

const rules = new Map<Locale, Intl.PluralRules>();

export function pluralCategory(locale: Locale, count: number): 'one' | 'other' {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(intlLocale(locale));
    rules.set(locale, rule);
  }
  return rule.select(count) === 'one' ? 'one' : 'other';
}

/** A count as people read it in the locale ("1.234" in Danish, "1,234" in English). */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}
