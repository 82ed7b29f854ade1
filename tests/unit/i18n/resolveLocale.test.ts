import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, resolveLocale } from '../../../lib/i18n/resolveLocale';
import { formatNumber, pluralCategory } from '../../../lib/i18n/plural';

describe('resolveLocale', () => {
  it('prefers the stored choice, then the cookie, then the browser, then Danish', () => {
    expect(resolveLocale({ preference: 'en', cookie: 'da', acceptLanguage: 'da' })).toBe('en');
    expect(resolveLocale({ preference: 'da', cookie: 'en', acceptLanguage: 'en' })).toBe('da');
    expect(resolveLocale({ preference: null, cookie: 'en', acceptLanguage: 'da' })).toBe('en');
    expect(resolveLocale({ cookie: 'da', acceptLanguage: 'en' })).toBe('da');
    expect(resolveLocale({ acceptLanguage: 'en-GB,en;q=0.9' })).toBe('en');
    expect(resolveLocale({})).toBe('da');
  });

  it('ignores values it does not speak', () => {
    expect(resolveLocale({ preference: 'fr', cookie: 'xx', acceptLanguage: 'en' })).toBe('en');
    expect(resolveLocale({ cookie: 'EN', acceptLanguage: 'de' })).toBe('da');
    expect(resolveLocale({ cookie: '__proto__' })).toBe('da');
  });
});

describe('localeFromAcceptLanguage', () => {
  it('maps regional tags to the language', () => {
    expect(localeFromAcceptLanguage('en-GB')).toBe('en');
    expect(localeFromAcceptLanguage('en-US,en;q=0.5')).toBe('en');
    expect(localeFromAcceptLanguage('da-DK')).toBe('da');
    expect(localeFromAcceptLanguage('EN')).toBe('en');
  });

  it('orders by q-value, keeping the header order for equal q', () => {
    expect(localeFromAcceptLanguage('da;q=0.5, en;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('en;q=0.5, da')).toBe('da');
    expect(localeFromAcceptLanguage('en, da')).toBe('en');
    expect(localeFromAcceptLanguage('de, fr;q=0.9, en;q=0.1')).toBe('en');
  });

  it('skips refused and unsupported languages', () => {
    expect(localeFromAcceptLanguage('en;q=0, da;q=0.1')).toBe('da');
    expect(localeFromAcceptLanguage('de, fr')).toBeNull();
    expect(localeFromAcceptLanguage('')).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage('*')).toBe('da');
    expect(localeFromAcceptLanguage('en;q=abc')).toBe('en');
    expect(localeFromAcceptLanguage('<script>, en')).toBe('en');
  });

  it('stays bounded on a huge header', () => {
    expect(localeFromAcceptLanguage(`${'de,'.repeat(10_000)}en`)).toBeNull();
  });
});

describe('plurals and numbers', () => {
  it('picks one or other by the locale’s rules', () => {
    expect(pluralCategory('da', 1)).toBe('one');
    expect(pluralCategory('da', 0)).toBe('other');
    expect(pluralCategory('da', 2)).toBe('other');
    expect(pluralCategory('en', 1)).toBe('one');
    expect(pluralCategory('en', 0)).toBe('other');
  });

  it('formats numbers in the locale', () => {
    expect(formatNumber(1234, 'da')).toBe('1.234');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });
});
