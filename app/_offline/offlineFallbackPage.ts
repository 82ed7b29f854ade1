/**
 * The page the service worker shows for a navigation that cannot reach the server and has no
 * kept copy (an account page, a document never opened on this device). Self-contained: inline
 * styles only, no scripts, its own CSP. In the browser's language (the service worker knows no account or cookie).
 */
import type { Locale } from '../../lib/i18n/locales';
import type { PlainMessageKey } from '../../lib/i18n/t';
import { translator } from '../../lib/i18n/translator';
import { FROM_CACHE_TIMING } from './offlineRoutes';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function offlineFallbackHtml(locale: Locale): string {
  const t = translator(locale);
  const e = (key: PlainMessageKey) => escapeHtml((t as (key: PlainMessageKey) => string)(key));
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e('offline.fallback.title')} · ${e('app.name')}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#f6f5f2}
main{max-width:36rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:6px;border:1px solid #d4d2cc}
h1{font-size:1.5rem;margin-top:0}
a{color:#0b5cad}
a:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${e('offline.fallback.heading')}</h1>
<p>${e('offline.fallback.body')}</p>
<p><a href="/">${e('offline.fallback.link')}</a></p>
</main>
</body>
</html>`;
}

/** The fallback as a response: 503, never stored, marked like a page from the cache (the notice reads it on real pages). */
export function offlineFallbackResponse(locale: Locale): Response {
  return new Response(offlineFallbackHtml(locale), {
    status: 503,
    statusText: 'Offline',
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'Server-Timing': `${FROM_CACHE_TIMING};desc="fallback"`,
    },
  });
}
