/// <reference lib="webworker" />
/**
 * The service worker (built by `serwist build serwist.config.mjs` into public/sw.js after
 * `next build`). It keeps the app openable without a network:
 * - the app shell: every file of this build under `/_next/static/` and `public/` (precache);
 * - the pages that work offline (the document list and the editor, see offlineRoutes.ts):
 *   network first, the cached copy after 3 s or when the server cannot be reached;
 * - the comment list of a document (network first, cached for reading offline).
 * Everything else (the rest of the API, account and admin pages, invitations, setup) goes to the
 * network and is never stored; a page that cannot be reached and is not kept gets a small
 * "Du er offline" page instead of the browser's error. Next.js's RSC requests are not pages: offline they fail,
 * and Next.js falls back to a full page load, which this worker answers from the cache.
 *
 * Pages are answered with `Cache-Control: no-store` (they are rendered per request, with a CSP
 * nonce); they are cached anyway, on purpose: that is what opening offline means. The cache is
 * per browser profile and per origin, holds only what this person opened or fetched ahead, and
 * signing out deletes it (every `samskriv-` cache). A page the server now refuses (401, 403, 404,
 * 410, or a redirect to the sign-in page) is deleted from the cache when the answer arrives.
 */
import {
  CacheFirst,
  NetworkFirst,
  NetworkOnly,
  Serwist,
  StaleWhileRevalidate,
  type PrecacheEntry,
  type RouteMatchCallbackOptions,
  type SerwistGlobalConfig,
  type SerwistPlugin,
} from 'serwist';
import {
  API_CACHE,
  FROM_CACHE_TIMING,
  NETWORK_TIMEOUT_SECONDS,
  PAGES_CACHE,
  PAGE_STORE_HEADER,
  REFRESH_PAGES_MESSAGE,
  SHELL_ASSETS,
  SHELL_PRECACHE,
  isCommentList,
  isOfflinePage,
  isRscRequest,
} from './_offline/offlineRoutes';
import { offlineFallbackResponse } from './_offline/offlineFallbackPage';
import { DEFAULT_LOCALE } from '../lib/i18n/locales';
import { localeFromAcceptLanguage } from '../lib/i18n/resolveLocale';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    /** Replaced by `serwist build` with the list of this build's static files. */
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** Answers that say "not yours (any more)": the cached copy goes. */
const REFUSED = new Set([401, 403, 404, 410]);
/** A gateway in front of a stopped server answers these: treated like no network when a copy exists. */
const SERVER_DOWN = new Set([500, 502, 503, 504]);

/** Caches only complete, first-hand answers; forgets what the server refuses; prefers the copy over a gateway error. */
function keepOnlyWhatIsOurs(cacheName: string, markFromCache: boolean): SerwistPlugin {
  return {
    cacheWillUpdate: async ({ response }) =>
      response.status === 200 && response.type === 'basic' && !response.redirected ? response : null,
    fetchDidSucceed: async ({ request, response }) => {
      const redirected = response.redirected || response.type === 'opaqueredirect';
      if (REFUSED.has(response.status) || redirected) {
        const cache = await caches.open(cacheName);
        await cache.delete(request.url, { ignoreVary: true });
      } else if (SERVER_DOWN.has(response.status)) {
        const cache = await caches.open(cacheName);
        // Throwing counts as a network failure: NetworkFirst then answers from the cache.
        if (await cache.match(request.url, { ignoreVary: true })) throw new Error(`server answered ${response.status}`);
      }
      return response;
    },
    ...(markFromCache && {
      // Lets the page know it came from this cache (the offline notice reads it from the navigation timing).
      cachedResponseWillBeUsed: async ({ cachedResponse }) => {
        if (!cachedResponse) return cachedResponse;
        const headers = new Headers(cachedResponse.headers);
        headers.append('Server-Timing', `${FROM_CACHE_TIMING};desc="cache"`);
        return new Response(cachedResponse.body, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
      },
    }),
  };
}

/** A page that can be neither fetched nor found in the cache: "Du er offline", with a link to the document list. */
const offlineFallback: SerwistPlugin = {
  handlerDidError: async ({ request }) =>
    request.mode === 'navigate'
      ? offlineFallbackResponse(localeFromAcceptLanguage(self.navigator.languages.join(',')) ?? DEFAULT_LOCALE)
      : undefined,
};

const sameOriginGet = ({ request, sameOrigin }: RouteMatchCallbackOptions) => sameOrigin && request.method === 'GET';

const pages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  // Next.js answers with `Vary: RSC, Next-Router-State-Tree, …`; RSC requests never reach this cache.
  matchOptions: { ignoreVary: true },
  plugins: [keepOnlyWhatIsOurs(PAGES_CACHE, true), offlineFallback],
});

/**
 * A refresh updates pages that are still kept: a page removed from the device ("Fjern fra enheden")
 * while its refresh was on the way must not come back when the answer arrives.
 */
const onlyWhileKept: SerwistPlugin = {
  cacheWillUpdate: async ({ request, response }) =>
    (await (await caches.open(PAGES_CACHE)).match(request.url, { ignoreVary: true })) ? response : null,
};

const refreshedPages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  matchOptions: { ignoreVary: true },
  plugins: [keepOnlyWhatIsOurs(PAGES_CACHE, false), onlyWhileKept],
});

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cacheName: SHELL_PRECACHE, cleanupOutdatedCaches: true },
  skipWaiting: true,
  clientsClaim: true,
  disableDevLogs: true,
  runtimeCaching: [
    {
      // Not the page's own fetch of a page it stores itself (offlineShelf's storePage): that one is the page's to write.
      matcher: (options) =>
        sameOriginGet(options) &&
        isOfflinePage(options.url) &&
        !isRscRequest(options.request, options.url) &&
        !options.request.headers.has(PAGE_STORE_HEADER),
      handler: pages,
    },
    {
      // No timeout: a slow answer is better than stale comments while online.
      matcher: (options) => sameOriginGet(options) && isCommentList(options.url),
      handler: new NetworkFirst({
        cacheName: API_CACHE,
        matchOptions: { ignoreVary: true },
        plugins: [keepOnlyWhatIsOurs(API_CACHE, false)],
      }),
    },
    {
      // Hashed build files missing from the precache list (none expected; a safety net).
      matcher: (options) => sameOriginGet(options) && options.url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({ cacheName: SHELL_ASSETS }),
    },
    {
      // The app icon (a metadata route, not a file in public/).
      matcher: (options) => sameOriginGet(options) && /^\/(icon\.svg|favicon\.ico|manifest\.webmanifest)$/.test(options.url.pathname),
      handler: new StaleWhileRevalidate({ cacheName: SHELL_ASSETS }),
    },
    {
      // Every other page: the network only, never stored; offline, the fallback page instead of the browser's error.
      matcher: (options) =>
        sameOriginGet(options) &&
        options.request.mode === 'navigate' &&
        !options.url.pathname.startsWith('/api/') &&
        !options.url.pathname.startsWith('/embed/'),
      handler: new NetworkOnly({ plugins: [offlineFallback] }),
    },
  ],
});

/**
 * A new build's worker replaces the old one at once (skipWaiting), and the old build's files leave
 * the precache: pages cached under the old build would name scripts that no longer exist. So when
 * a worker takes control of a page, the page asks it to fetch the cached pages again (online: the
 * new worker was just downloaded). In a message event, not in `activate`, which would hold back
 * every request until the last page had been fetched.
 */
async function refreshCachedPages(event: ExtendableEvent): Promise<void> {
  const cache = await caches.open(PAGES_CACHE);
  for (const request of await cache.keys()) {
    const [response, done] = refreshedPages.handleAll({ request: new Request(request.url, { credentials: 'same-origin' }), event });
    await Promise.allSettled([response, done]);
  }
}

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === REFRESH_PAGES_MESSAGE) event.waitUntil(refreshCachedPages(event));
});

serwist.addEventListeners();
