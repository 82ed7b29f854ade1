/**
 * The request's language, for server components, metadata and route handlers: lib/i18n/resolveLocale
 * decides (the person's stored choice > the switch's cookie > Accept-Language > Danish); this reads
 * the person, the cookie and the header. Resolved once per render (React `cache`; in route
 * handlers each call resolves afresh, as readPrincipal does).
 */
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { DEFAULT_LOCALE, LOCALE_COOKIE, type Locale } from '../../lib/i18n/locales';
import { resolveLocale } from '../../lib/i18n/resolveLocale';
import type { Translate } from '../../lib/i18n/t';
import { translator } from '../../lib/i18n/translator';
import { readPrincipal } from './readPrincipal';

export const requestLocale = cache(async (): Promise<Locale> => {
  try {
    const cookieStore = await cookies();
    const headerList = await headers();
    const principal = await readPrincipal();
    return resolveLocale({
      preference: principal?.resolved.person.locale,
      cookie: cookieStore.get(LOCALE_COOKIE)?.value,
      acceptLanguage: headerList.get('accept-language'),
    });
  } catch {
    // Outside a request (a unit test calling a helper) or the session store failing: Danish, and
    // whatever else needs the session reports the failure itself.
    return DEFAULT_LOCALE;
  }
});

/** The translator in the request's language (server code's replacement for the fixed Danish `t`). */
export async function getT(): Promise<Translate> {
  return translator(await requestLocale());
}
