/**
 * What a browser does with redirects and cookies, for HTTP tests of sign-in flows that cross sites:
 * `fetch` with `redirect: 'manual'`, cookies kept per origin and path (Max-Age=0 or a past Expires
 * deletes), each Location followed until `stopAt` says a URL is where the test takes over.
 */
export class CookieJar {
  /** origin → "name\npath" → { value, path } */
  private readonly cookies = new Map<string, Map<string, { name: string; value: string; path: string }>>();

  store(url: URL, setCookies: readonly string[]): void {
    const jar = this.cookies.get(url.origin) ?? new Map<string, { name: string; value: string; path: string }>();
    this.cookies.set(url.origin, jar);
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', raw = ''] = attribute.split('=');
        const lower = key.trim().toLowerCase();
        if (lower === 'path') path = raw.trim() || '/';
        if (lower === 'max-age' && Number(raw) <= 0) expired = true;
        if (lower === 'expires' && Date.parse(raw) <= Date.now()) expired = true;
      }
      const key = `${name}\n${path}`;
      if (expired || value === '') jar.delete(key);
      else jar.set(key, { name, value, path });
    }
  }

  header(url: URL): string {
    const jar = this.cookies.get(url.origin);
    if (!jar) return '';
    return [...jar.values()]
      .filter(
        (cookie) => url.pathname === cookie.path || url.pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`),
      )
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  get(url: URL, name: string): string | undefined {
    return [...(this.cookies.get(url.origin)?.values() ?? [])].find((cookie) => cookie.name === name)?.value;
  }

  set(url: URL, name: string, value: string, path = '/'): void {
    this.store(url, [`${name}=${value}; Path=${path}`]);
  }
}

export interface Visit {
  readonly url: URL;
  readonly status: number;
  readonly location: URL | null;
  readonly body: string;
}

/** One request as a browser makes it (GET, its cookies); the answer's cookies are kept. */
export async function visit(jar: CookieJar, url: URL): Promise<Visit> {
  const cookie = jar.header(url);
  const response = await fetch(url, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
  jar.store(url, response.headers.getSetCookie());
  const location = response.headers.get('location');
  return { url, status: response.status, location: location === null ? null : new URL(location, url), body: await response.text() };
}

/** Follows redirects from `start` until `stopAt(url)` (that URL is returned, not requested) or a page that is no redirect. */
export async function followRedirects(
  jar: CookieJar,
  start: URL,
  stopAt: (url: URL) => boolean = () => false,
): Promise<{ url: URL; last: Visit | null }> {
  let url = start;
  for (let hops = 0; hops < 20; hops += 1) {
    if (stopAt(url)) return { url, last: null };
    const answer = await visit(jar, url);
    if (answer.status < 300 || answer.status > 399 || !answer.location) return { url, last: answer };
    url = answer.location;
  }
  throw new Error(`more than 20 redirects from ${start.href}`);
}
