/**
 * Next.js decodes a route's dynamic segments with decodeURIComponent and answers 500 when that
 * throws (`/d/%E0%A4%A`, `/api/documents/%ff%fe/comments`): a broken escape or escaped bytes that
 * are not UTF-8. Such a path names nothing here, so it is settled before Next sees it: API routes
 * answer 400 `bad_url` in the usual JSON error shape, pages get the site's not-found page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorMessage } from '../../lib/i18n/t';
import { t } from '../../lib/i18n/translator';

/**
 * Where a malformed page path is sent instead: a leading underscore makes a folder private in the
 * App Router, so this path can never be a route and always renders the not-found page.
 */
export const MALFORMED_PAGE_PATH = '/_bad-url';

/** True when the path (without its query) does not decode: a broken escape or invalid UTF-8. */
export function isMalformedPath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * Answers a request whose path does not decode and returns true (an API route: 400 JSON), or
 * points it at the not-found page and returns false (a page: Next renders it); false otherwise.
 */
export function refuseMalformedUrl(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (!isMalformedPath(path)) return false;
  if (!path.startsWith('/api/')) {
    req.url = MALFORMED_PAGE_PATH;
    return false;
  }
  const json = JSON.stringify({ error: { code: 'bad_url', message: errorMessage(t, 'bad_url') } });
  res.writeHead(400, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    // As every other API answer (next.config.mjs): it loads nothing and is never framed.
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
  return true;
}
