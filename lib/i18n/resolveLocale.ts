/**
 * Which language a request is answered in, decided in one place: the signed-in person's stored
 * choice, else the cookie the language switch set, else the browser's Accept-Language (by
 * q-value; `en-GB` counts as `en`), else Danish. Pure: the adapters (app/_server/requestLocale.ts)
 * read the person, the cookie and the header.
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

export interface LocaleSources {
  /** The signed-in person's stored choice (none: never chose, or signed out). */
  readonly preference?: string | null;
  /** The language cookie's value, if any (unvalidated). */
  readonly cookie?: string | null;
  /** The Accept-Language header, if any. */
  readonly acceptLanguage?: string | null;
}

export function resolveLocale({ preference, cookie, acceptLanguage }: LocaleSources): Locale {
  if (isLocale(preference)) return preference;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** Longer headers are cut (a header is not a place to spend time on). */
const MAX_HEADER_LENGTH = 1000;
const MAX_RANGES = 50;

/**
 * The supported locale the browser prefers most, or null when it names none we speak. Ranges are
 * ordered by q (stable for equal q); `q=0` means "not this"; `*` matches the default.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .slice(0, MAX_HEADER_LENGTH)
    .split(',')
    .slice(0, MAX_RANGES)
    .map((part, index) => parseRange(part, index))
    .filter((range): range is Range => range !== null && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === '*') return DEFAULT_LOCALE;
    const primary = tag.split('-')[0] ?? '';
    if (isLocale(primary)) return primary;
  }
  return null;
}

interface Range {
  readonly tag: string;
  readonly q: number;
  readonly index: number;
}

function parseRange(part: string, index: number): Range | null {
  const [rawTag, ...params] = part.split(';');
  const tag = rawTag?.trim().toLowerCase() ?? '';
  if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) return null;
  let q = 1;
  for (const param of params) {
    const match = /^\s*q\s*=\s*([0-9](\.[0-9]{0,3})?)\s*$/i.exec(param);
    if (match) q = Math.min(1, Number(match[1]));
  }
  return { tag, q, index };
}
