/**
 * Next.js proxy (runs before every page): a fresh nonce per request and the Content-Security-Policy
 * built from it. Next.js reads the CSP from the request headers and puts the nonce on its own
 * inline scripts, so pages must render dynamically (they do: force-dynamic in the root layout).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { isMissingPage } from './app/_server/isMissingPage';
import { SESSION_COOKIE } from './lib/auth/sessionCookie';
import { contentSecurityPolicy } from './lib/security/contentSecurityPolicy';
import { parseEmbedOrigins } from './lib/security/embedOrigins';

function embedOrigins(): string[] {
  try {
    return parseEmbedOrigins(process.env.EMBED_ORIGINS);
  } catch {
    // The server refuses to start with a bad EMBED_ORIGINS; this only guards against surprises.
    return [];
  }
}

/**
 * Where a document page the visitor may not see is sent (a rewrite, the address stays): a path no
 * route matches, so Next.js renders the not-found page as HTML with status 404 (see isMissingPage).
 */
const NOT_FOUND_PATH = '/_samskriv/ikke-fundet';

/** Page loads only (a browser's client navigations and prefetches ask with `RSC: 1` and draw not-found themselves). */
function isDocumentLoad(request: NextRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !request.headers.has('rsc');
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const { host, protocol } = request.nextUrl;
  const forwardedHost = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? host;
  const secure = protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  const csp = contentSecurityPolicy({
    nonce,
    syncOrigin: `${secure ? 'wss' : 'ws'}://${forwardedHost}`,
    frameAncestors: request.nextUrl.pathname.startsWith('/embed/') ? embedOrigins() : [],
    dev: process.env.NODE_ENV === 'development',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const missing = isDocumentLoad(request) && (await isMissingPage(request.nextUrl.pathname, request.cookies.get(SESSION_COOKIE)?.value));
  const response = missing
    ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Pages only: API routes and the service worker get a fixed policy from next.config.mjs, static files need none.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|icon.svg|favicon.ico|sw.js).*)' }],
};
