/**
 * What the service worker (app/sw.ts) keeps for offline use, shared with the pages that read or
 * fill the same caches. Caches that hold a person's data start with `samskriv-`, so signing out
 * (clearLocalData) deletes them; the app shell (the build's static files, the same for everyone)
 * lives in caches without that prefix and survives a sign-out, or the next person offline would
 * have no app at all until the next deploy.
 */
import { isValidDocumentId } from '../../lib/documentId';

/** Page HTML opened (or fetched ahead) on this device: the start page and documents. */
export const PAGES_CACHE = 'samskriv-pages';
/** JSON answers readable offline: the comments of a document. */
export const API_CACHE = 'samskriv-api';
/** The precache: `/_next/static/**` and `public/**` of this build (Serwist manages it). */
export const SHELL_PRECACHE = 'shell-precache';
/** Static files that are not in the build's file list (the app icon). */
export const SHELL_ASSETS = 'shell-assets';

/** How long a page waits for the server before the cached copy is shown (then the network answer only updates the cache). */
export const NETWORK_TIMEOUT_SECONDS = 3;

/** Message a page sends the worker that just took control of it: fetch the cached pages again (see app/sw.ts). */
export const REFRESH_PAGES_MESSAGE = 'SAMSKRIV_REFRESH_PAGES';

/**
 * Header on the page's own fetch of a page it stores itself ("Gem til offline brug"): the worker lets
 * it pass untouched. Otherwise the worker would also write the answer into the cache, later and on its
 * own, and a removal from the device in between would find the page back afterwards.
 */
export const PAGE_STORE_HEADER = 'x-samskriv-page-store';

/** Server-Timing name the worker puts on a page it answered from the cache (read by the offline notice). */
export const FROM_CACHE_TIMING = 'samskriv-offline';

const DOCUMENT_PATH = /^\/d\/([^/]+)$/;
const COMMENTS_PATH = /^\/api\/documents\/([^/]+)\/comments$/;

const matchesId = (pattern: RegExp, pathname: string) => isValidDocumentId(pattern.exec(pathname)?.[1]);

/** The pages that open offline: the document list (`/`, also `/?arbejdsrum=…`) and the editor (`/d/<id>`). */
export function isOfflinePage(url: URL): boolean {
  return url.pathname === '/' || matchesId(DOCUMENT_PATH, url.pathname);
}

/** The comment list of a document (GET), kept for reading offline. */
export function isCommentList(url: URL): boolean {
  return matchesId(COMMENTS_PATH, url.pathname);
}

/** Next.js's in-app navigations and prefetches ask for the RSC payload, not HTML: never cached as a page. */
export function isRscRequest(request: Request, url: URL): boolean {
  return request.headers.has('RSC') || request.headers.has('Next-Router-Prefetch') || url.searchParams.has('_rsc');
}

/** The URL of a document page, as the worker caches it. */
export const documentPagePath = (documentId: string): string => `/d/${encodeURIComponent(documentId)}`;
