/**
 * Where to go after signing in: a path on this site, or `/`. Anything that could leave the site
 * (`//evil.dk`, `/\evil.dk`, `https://…`, control characters a browser strips) or land on the API is
 * refused, so the sign-in link cannot be used as an open redirect.
 */
const MAX_LENGTH = 500;
const BASE = 'http://samskriv.invalid';

export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || url.pathname.startsWith('/api/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
