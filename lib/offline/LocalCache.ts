/**
 * A small per-person key-value store in IndexedDB (`cacheDbName(personKey)`) for JSON values:
 * the comment list of a document (readable offline), the epoch each local copy was made under, the
 * "available offline" list, and the names of the person's other local databases (so sign-out can
 * find them in browsers without `indexedDB.databases()`). Keys are strings; use `cacheKeys`.
 */
import { openDatabase, request, transact } from './idb';
import { cacheDbName, type PersonKey } from './localNames';
import { registerConnection } from './openConnections';

const VERSION = 1;
const STORE = 'values';
const MAX_KEY_LENGTH = 500;

/** The keys the app uses, in one place. */
export const cacheKeys = {
  /** The last CommentsResponse of a document (JSON). */
  comments: (documentId: string) => `comments:${documentId}`,
  /** The epoch the local Yjs copy of a document was made under. */
  epoch: (documentId: string) => `epoch:${documentId}`,
  epochPrefix: 'epoch:',
  /** A document marked "available offline" (value: whatever the start page shows, e.g. `{ title, markedAt }`). */
  availableOffline: (documentId: string) => `offline:${documentId}`,
  availableOfflinePrefix: 'offline:',
  /** A local database of this person (value: true); read by clearLocalData. */
  database: (name: string) => `db:${name}`,
  databasePrefix: 'db:',
} as const;

export class LocalCacheError extends Error {
  override readonly name = 'LocalCacheError';
}

function checkKey(key: string): void {
  if (typeof key !== 'string' || key === '' || key.length > MAX_KEY_LENGTH) {
    throw new LocalCacheError(`A cache key must be a non-empty string of at most ${MAX_KEY_LENGTH} characters`);
  }
}

/** A JSON copy of `value`; throws for what JSON cannot hold (functions, cycles, undefined at the top). */
function jsonCopy(value: unknown): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new LocalCacheError(`The value cannot be stored as JSON: ${(error as Error).message}`);
  }
  if (text === undefined) throw new LocalCacheError('The value cannot be stored as JSON');
  return JSON.parse(text) as unknown;
}

export class LocalCache {
  private closed = false;
  private readonly unregister: () => void;

  private constructor(
    readonly personKey: PersonKey,
    private readonly db: IDBDatabase,
  ) {
    this.unregister = registerConnection(cacheDbName(personKey), () => this.close());
  }

  static async open(personKey: PersonKey, options: { indexedDB?: IDBFactory } = {}): Promise<LocalCache> {
    if (typeof personKey !== 'string' || personKey === '') throw new LocalCacheError('personKey must be a non-empty string');
    let cache: LocalCache | null = null;
    const db = await openDatabase(cacheDbName(personKey), VERSION, {
      factory: options.indexedDB,
      upgrade(database) {
        if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE);
      },
      // The database is being deleted (sign-out, maybe in another tab): this handle is done.
      onVersionChange: () => cache?.close(),
    });
    cache = new LocalCache(personKey, db);
    return cache;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    checkKey(key);
    this.assertOpen();
    return transact(this.db, STORE, 'readonly', (tx) => request(tx.objectStore(STORE).get(key) as IDBRequest<T | undefined>));
  }

  /** Stores a JSON copy of `value` (Dates become strings, as over the network). */
  async set(key: string, value: unknown): Promise<void> {
    checkKey(key);
    this.assertOpen();
    const copy = jsonCopy(value);
    await transact(this.db, STORE, 'readwrite', async (tx) => {
      await request(tx.objectStore(STORE).put(copy, key));
    });
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    this.assertOpen();
    await transact(this.db, STORE, 'readwrite', async (tx) => {
      await request(tx.objectStore(STORE).delete(key));
    });
  }

  /** Keys in order, all or those starting with `prefix`. */
  async keys(prefix = ''): Promise<string[]> {
    this.assertOpen();
    const range = prefix === '' ? undefined : IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const keys = await transact(this.db, STORE, 'readonly', (tx) => request(tx.objectStore(STORE).getAllKeys(range)));
    return keys.filter((key): key is string => typeof key === 'string' && key.startsWith(prefix));
  }

  /** Remembers one of the person's local databases, for clearLocalData where `indexedDB.databases()` is missing. */
  rememberDatabase(name: string): Promise<void> {
    return this.set(cacheKeys.database(name), true);
  }

  async rememberedDatabases(): Promise<string[]> {
    return (await this.keys(cacheKeys.databasePrefix)).map((key) => key.slice(cacheKeys.databasePrefix.length));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unregister();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new LocalCacheError('The local cache is closed');
  }
}
