/**
 * The person's local databases as the offline pages need them: the small per-person cache
 * (`cacheDbName`, one object store `values` of JSON under string keys, the LocalCache layout) and
 * deleting a database. Browser only.
 */
import { cacheDbName, type PersonKey } from '../../lib/offline/localNames';
import type { KeyValueStore } from '../../lib/offline/availableOffline';

const VERSION = 1;
const STORE = 'values';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export interface PersonCache extends KeyValueStore {
  close(): void;
}

export async function openPersonCache(personKey: PersonKey): Promise<PersonCache> {
  const open = indexedDB.open(cacheDbName(personKey), VERSION);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
  };
  const db = await request(open);
  // Sign-out deletes the database (maybe from another tab): let it.
  db.onversionchange = () => db.close();
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const transaction = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
    const result = await request(work(transaction.objectStore(STORE)));
    await done;
    return result;
  };
  return {
    get: <T>(key: string) => run('readonly', (store) => store.get(key) as IDBRequest<T | undefined>),
    set: async (key, value) => {
      await run('readwrite', (store) => store.put(JSON.parse(JSON.stringify(value)) as unknown, key));
    },
    delete: async (key) => {
      await run('readwrite', (store) => store.delete(key));
    },
    keys: async (prefix = '') => {
      const range = prefix === '' ? undefined : IDBKeyRange.bound(prefix, `${prefix}\uffff`);
      const keys = await run('readonly', (store) => store.getAllKeys(range));
      return keys.filter((key): key is string => typeof key === 'string' && key.startsWith(prefix));
    },
    close: () => db.close(),
  };
}

/** Deletes a database; resolves when it is gone, or after `blockedTimeoutMs` when another tab holds it (it goes when that tab lets go). */
export function deleteLocalDatabase(name: string, blockedTimeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    req.onerror = () => {
      clearTimeout(timer);
      reject(req.error ?? new Error(`Could not delete ${name}`));
    };
    req.onblocked = () => {
      timer ??= setTimeout(resolve, blockedTimeoutMs);
    };
  });
}
