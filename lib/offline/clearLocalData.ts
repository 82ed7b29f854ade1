/**
 * Deletes everything Samskriv stored in this browser for one person: their local document copies,
 * outbox and cache (IndexedDB databases named under `personPrefix`), and the service worker's page
 * caches (Cache Storage names starting with `samskriv-`, which may hold pages with their
 * documents). Called on sign-out, on shared computers.
 *
 * Database names come from `indexedDB.databases()` where the browser has it, plus the names the
 * person's LocalCache remembers (and the document ids it knows), plus the outbox and the cache
 * themselves. Our own connections are closed first (they are registered in openConnections, and
 * every connection we open closes itself on `versionchange`, also in other tabs), and each deletion
 * is awaited until it has really completed.
 */
import { cacheKeys, LocalCache } from './LocalCache';
import { deleteDatabase, defaultFactory } from './idb';
import { belongsTo, cacheDbName, documentDbName, outboxDbName, type PersonKey } from './localNames';
import { closeConnections } from './openConnections';

/** Prefix of the Cache Storage caches the service worker keeps pages in. */
export const PAGE_CACHE_PREFIX = 'samskriv-';

export interface ClearLocalDataOptions {
  readonly indexedDB?: IDBFactory;
  /** Cache Storage (`caches` in browsers); null to skip. */
  readonly caches?: CacheStorage | null;
  /** How long to wait for a deletion another tab blocks; it completes later in the browser anyway. Default 5 s. */
  readonly blockedTimeoutMs?: number;
}

export interface ClearLocalDataResult {
  /** Databases that are gone (including expected ones that did not exist). */
  readonly deleted: string[];
  /** Databases whose deletion another open connection still held up after the timeout (queued in the browser). */
  readonly blocked: string[];
  /** Cache Storage caches deleted. */
  readonly caches: string[];
}

async function namesFromDatabases(factory: IDBFactory, personKey: PersonKey): Promise<string[]> {
  if (typeof factory.databases !== 'function') return [];
  const infos = await factory.databases();
  return infos.map((info) => info.name).filter((name): name is string => typeof name === 'string' && belongsTo(personKey, name));
}

async function namesFromCache(factory: IDBFactory, personKey: PersonKey): Promise<string[]> {
  let cache: LocalCache | null = null;
  try {
    cache = await LocalCache.open(personKey, { indexedDB: factory });
    const remembered = await cache.rememberedDatabases();
    const documentIds = [
      ...(await cache.keys(cacheKeys.availableOfflinePrefix)).map((key) => key.slice(cacheKeys.availableOfflinePrefix.length)),
      ...(await cache.keys(cacheKeys.epochPrefix)).map((key) => key.slice(cacheKeys.epochPrefix.length)),
    ];
    return [...remembered.filter((name) => belongsTo(personKey, name)), ...documentIds.map((id) => documentDbName(personKey, id))];
  } finally {
    cache?.close();
  }
}

function defaultCaches(): CacheStorage | null {
  return typeof caches === 'undefined' ? null : caches;
}

export async function clearLocalData(personKey: PersonKey, options: ClearLocalDataOptions = {}): Promise<ClearLocalDataResult> {
  if (typeof personKey !== 'string' || personKey === '') throw new Error('clearLocalData needs a personKey');
  const factory = options.indexedDB ?? defaultFactory();
  await closeConnections((name) => belongsTo(personKey, name));

  const names = new Set<string>([
    ...(await namesFromDatabases(factory, personKey)),
    ...(await namesFromCache(factory, personKey)),
    outboxDbName(personKey),
    cacheDbName(personKey),
  ]);
  const outcomes = await Promise.all(
    [...names].sort().map((name) => deleteDatabase(name, { factory, blockedTimeoutMs: options.blockedTimeoutMs })),
  );

  const cacheStorage = options.caches === undefined ? defaultCaches() : options.caches;
  const deletedCaches: string[] = [];
  if (cacheStorage) {
    for (const name of await cacheStorage.keys()) {
      if (name.startsWith(PAGE_CACHE_PREFIX) && (await cacheStorage.delete(name))) deletedCaches.push(name);
    }
  }
  return {
    deleted: outcomes.filter((outcome) => outcome.deleted).map((outcome) => outcome.name),
    blocked: outcomes.filter((outcome) => !outcome.deleted).map((outcome) => outcome.name),
    caches: deletedCaches,
  };
}
