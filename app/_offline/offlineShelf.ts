/**
 * What is on this device for the start page: which documents have a local copy and a kept page
 * (so they open offline), and keeping or removing one ("Gem til offline brug"). Browser only.
 */
import { keptDocuments, markKept, unmarkKept, type KeptDocument } from '../../lib/offline/availableOffline';
import { LocalCache, cacheKeys } from '../../lib/offline/LocalCache';
import { documentDbName, type PersonKey } from '../../lib/offline/localNames';
import { LocalCopyError, removeLocalCopy, syncLocalCopy } from './localCopy';
import { PAGES_CACHE, PAGE_STORE_HEADER, documentPagePath } from './offlineRoutes';

/** Offline use needs a secure context (https or localhost), a service worker, Cache Storage and IndexedDB. */
export function offlineSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.isSecureContext &&
    'serviceWorker' in navigator &&
    typeof caches !== 'undefined' &&
    typeof indexedDB !== 'undefined'
  );
}

export interface DeviceState {
  /** Documents whose local copy exists; null where the browser cannot list databases. */
  readonly copies: ReadonlySet<string> | null;
  /** Documents whose page the service worker keeps. */
  readonly pages: ReadonlySet<string>;
  /** Documents the person marked "available offline". */
  readonly kept: ReadonlyMap<string, KeptDocument>;
}

export async function readDeviceState(personKey: PersonKey, documentIds: readonly string[]): Promise<DeviceState> {
  let copies: Set<string> | null = null;
  if (typeof indexedDB.databases === 'function') {
    const names = new Set((await indexedDB.databases()).map((info) => info.name));
    copies = new Set(documentIds.filter((id) => names.has(documentDbName(personKey, id))));
  }
  const cache = await caches.open(PAGES_CACHE);
  const pages = new Set<string>();
  for (const id of documentIds) if (await cache.match(documentPagePath(id), { ignoreVary: true })) pages.add(id);
  const store = await LocalCache.open(personKey);
  try {
    return { copies, pages, kept: await keptDocuments(store) };
  } finally {
    store.close();
  }
}

/** Opens offline: its page is kept and its local copy exists (or, where databases cannot be listed, it was kept). */
export function isAvailableOffline(state: DeviceState, documentId: string): boolean {
  return state.pages.has(documentId) && (state.copies ? state.copies.has(documentId) : state.kept.has(documentId));
}

/** Fetches the document's page into the service worker's page cache. */
async function storePage(documentId: string): Promise<void> {
  const path = documentPagePath(documentId);
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'text/html', [PAGE_STORE_HEADER]: '1' },
    });
  } catch {
    throw new LocalCopyError('unreachable', `could not fetch ${path}`);
  }
  if (response.redirected || !response.ok) {
    throw new LocalCopyError(response.status >= 500 ? 'unreachable' : 'refused', `${path} answered ${response.status}`);
  }
  await (await caches.open(PAGES_CACHE)).put(path, response);
}

async function forgetPage(documentId: string): Promise<void> {
  await (await caches.open(PAGES_CACHE)).delete(documentPagePath(documentId), { ignoreVary: true });
}

async function serverReachable(): Promise<boolean> {
  try {
    return (await fetch('/healthz', { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

/** Fetches the document ahead (page and local copy) and marks it kept under `title`; a null title only brings it up to date. */
export async function keepOffline(personKey: PersonKey, documentId: string, title: string | null): Promise<void> {
  await storePage(documentId);
  await syncLocalCopy(personKey, documentId);
  const store = await LocalCache.open(personKey);
  try {
    // Sign-out finds the copy by this name even where the browser cannot list its databases.
    await store.rememberDatabase(documentDbName(personKey, documentId));
    if (title !== null) await markKept(store, documentId, title);
  } finally {
    store.close();
  }
}

/** Removes the document from this device (after the server holds all of its local copy) and unmarks it. */
export async function removeFromDevice(personKey: PersonKey, documentId: string): Promise<void> {
  if (!(await serverReachable())) throw new LocalCopyError('unreachable', 'the server cannot be reached');
  await removeLocalCopy(personKey, documentId);
  await forgetPage(documentId);
  const store = await LocalCache.open(personKey);
  try {
    await unmarkKept(store, documentId);
    await store.delete(cacheKeys.database(documentDbName(personKey, documentId)));
  } finally {
    store.close();
  }
}
