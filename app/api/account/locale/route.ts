/**
 * Choosing the language (the switch in the header and on /konto). Two shapes:
 * - PUT `{ locale }` (JSON): sets the cookie, and stores the choice on the account when signed in;
 *   answers `{ locale }`.
 * - POST form `locale=en&next=/path` (the switch without JavaScript): the same, then 303 to `next`
 *   (a path on this site; anything else goes to `/`).
 * Same-origin only, bodies of at most 1 KiB.
 */
import { profileLocaleSchema, localeSchema } from '../../../../lib/account/schemas';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, type Locale } from '../../../../lib/i18n/locales';
import { safeReturnTo } from '../../../../lib/oidc/safeReturnTo';
import { getServices } from '../../../../lib/services';
import { cookies } from 'next/headers';
import { HttpError, assertSameOrigin, handle, isHttps, readJson } from '../../../_server/http';
import { PRIVATE_NO_STORE } from '../../../_server/noStore';
import { readPrincipal } from '../../../_server/readPrincipal';
import { readSmallForm } from '../../../_server/readSmallForm';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 1024;

export function PUT(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { locale } = await readJson(request, profileLocaleSchema, MAX_BODY_BYTES);
    await choose(request, locale);
    return Response.json({ locale }, { headers: PRIVATE_NO_STORE });
  });
}

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const form = await readSmallForm(request, MAX_BODY_BYTES);
    const parsed = localeSchema.safeParse(form.get('locale'));
    if (!parsed.success) throw new HttpError(400, 'locale_invalid');
    await choose(request, parsed.data);
    return new Response(null, { status: 303, headers: { Location: safeReturnTo(form.get('next')), 'Cache-Control': 'no-store' } });
  });
}

async function choose(request: Request, locale: Locale): Promise<void> {
  const principal = await readPrincipal();
  if (principal) await getServices().selfService.changeLocale(principal.personId, principal.personId, locale);
  // httpOnly: nothing in the browser reads it (pages arrive rendered in the language).
  (await cookies()).set(LOCALE_COOKIE, locale, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE_S,
  });
}
