/**
 * What the two OpenID Connect routes share: the callback address registered at the provider, the
 * flow cookie, and their answers. They are browser navigations, so they answer with redirects,
 * never JSON: to the provider, to where the person was going, or to a page that says in plain words
 * what went wrong (never a stack trace).
 */
import { cookies } from 'next/headers';
import { FLOW_COOKIE, FLOW_COOKIE_PATH, FLOW_LIFETIME_MS } from '../../lib/oidc/flowCookie';
import { isOidcErrorCode, OidcError, type OidcErrorCode } from '../../lib/oidc/OidcError';
import { getServices } from '../../lib/services';
import { isHttps } from './http';
import { requestOrigin } from './siteOrigin';

/** Where the error page lives; `?kode=` names the error. */
export const OIDC_ERROR_PAGE = '/konto/log-ind/fejl';

/** The redirect URI to register at the provider: `<PUBLIC_URL or this host>/api/auth/oidc/<id>/callback`. */
export function callbackUri(request: Request, providerId: string): string {
  return `${requestOrigin(request)}/api/auth/oidc/${encodeURIComponent(providerId)}/callback`;
}

export function redirectTo(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

export async function setFlowCookie(request: Request, value: string): Promise<void> {
  (await cookies()).set(FLOW_COOKIE, value, {
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET from another site, which Lax lets through.
    sameSite: 'lax',
    secure: isHttps(request),
    path: FLOW_COOKIE_PATH,
    maxAge: FLOW_LIFETIME_MS / 1000,
  });
}

export async function readFlowCookie(): Promise<string | undefined> {
  return (await cookies()).get(FLOW_COOKIE)?.value;
}

/** One flow, one answer: the cookie goes whatever the outcome. */
export async function clearFlowCookie(request: Request): Promise<void> {
  (await cookies()).set(FLOW_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: isHttps(request), path: FLOW_COOKIE_PATH, maxAge: 0 });
}

/** The error page for what went wrong; unexpected errors are logged and shown as `oidc_failed`. */
export function errorRedirect(error: unknown, providerId: string): Response {
  const { logger } = getServices();
  let code: OidcErrorCode = 'oidc_failed';
  if (error instanceof OidcError || (error instanceof Error && error.name === 'OidcError' && isOidcErrorCode((error as OidcError).code))) {
    code = (error as OidcError).code;
    logger.info({ event: 'oidc_refused', code, provider: providerId.slice(0, 40), reason: error.message }, 'single sign-on refused');
  } else {
    logger.error({ err: error, provider: providerId.slice(0, 40) }, 'single sign-on failed');
  }
  return redirectTo(`${OIDC_ERROR_PAGE}?kode=${code}`);
}
