/**
 * The request's language, for server components, metadata and route handlers: lib/i18n/resolveLocale
 * decides (the person's stored choice > the switch's cookie > Accept-Language > Danish); this reads
 * the person, the cookie and the header. Resolved once per render (React `cache`; in route
 * handlers each call resolves afresh, as readPrincipal does).
 */
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { LOCALE_COOKIE, type Locale } from '../../lib/i18n/locales';
import { resolveLocale } from '../../lib/i18n/resolveLocale';
import type { Translate } from '../../lib/i18n/t';
import { translator } from '../../lib/i18n/translator';
import { readPrincipal } from './readPrincipal';

export const requestLocale = cache(async (): Promise<Locale> => {
  const [principal, cookieStore, headerList] = await Promise.all([readPrincipal(), cookies(), headers()]);
  return resolveLocale({
    preference: principal?.resolved.person.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  });
});

/** The translator in the request's language (server code's replacement for the fixed Danish `t`). */
export async function getT(): Promise<Translate> {
  return translator(await requestLocale());
}

/** The request's language, or Danish when it cannot be read (outside a request, or the session store failing). */
export async function requestLocaleOrDefault(): Promise<Locale> {
  try {
    return await requestLocale();
  } catch {
    return 'da';
  }
}
