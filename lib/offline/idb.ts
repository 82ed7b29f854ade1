/**
 * A tiny promise wrapper over the raw IndexedDB API (no package): open with an upgrade callback,
 * await requests, run a transaction to completion, delete a database and wait until it is really gone.
 * Browser-safe; in Node tests `fake-indexeddb/auto` provides the globals.
 */

/** The IndexedDB factory: the browser's, or one a test passes in. */
export function defaultFactory(): IDBFactory {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available in this browser');
  return indexedDB;
}

/** Resolves with a request's result, rejects with its error. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export interface OpenOptions {
  readonly factory?: IDBFactory;
  /** Creates or migrates the stores; runs inside the versionchange transaction. */
  readonly upgrade: (db: IDBDatabase, oldVersion: number, transaction: IDBTransaction) => void;
  /**
   * Another connection (this tab or another) wants to delete or upgrade the database: the
   * connection has already been closed when this runs, so sign-out is never blocked by us.
   */
  readonly onVersionChange?: () => void;
}

/** Opens (and creates or upgrades) a database. */
export function openDatabase(name: string, version: number, options: OpenOptions): Promise<IDBDatabase> {
  const factory = options.factory ?? defaultFactory();
  return new Promise<IDBDatabase>((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name, version);
    } catch (error) {
      reject(error);
      return;
    }
    req.onupgradeneeded = (event) => {
      const transaction = req.transaction;
      if (!transaction) throw new Error('IndexedDB upgrade without a transaction');
      options.upgrade(req.result, event.oldVersion, transaction);
    };
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => {
        db.close();
        options.onVersionChange?.();
      };
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error(`Could not open IndexedDB database ${name}`));
    req.onblocked = () => {
      // An older version is open elsewhere; it closes on versionchange (as ours do), then we continue.
    };
  });
}

/**
 * Runs `work` in one transaction and resolves with its result once the transaction has committed
 * (a readwrite transaction that resolves has reached the disk's commit point). `work` may await
 * IndexedDB requests only: awaiting anything else lets the transaction auto-commit.
 */
export function transact<T>(
  db: IDBDatabase,
  storeNames: string | string[],
  mode: IDBTransactionMode,
  work: (transaction: IDBTransaction) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let transaction: IDBTransaction;
    try {
      transaction = db.transaction(storeNames, mode);
    } catch (error) {
      reject(error);
      return;
    }
    let result: { value: T } | null = null;
    let failure: unknown = null;
    transaction.oncomplete = () => (failure === null && result ? resolve(result.value) : reject(failure));
    transaction.onerror = () => {
      failure ??= transaction.error ?? new Error('IndexedDB transaction failed');
    };
    transaction.onabort = () => reject(failure ?? transaction.error ?? new Error('IndexedDB transaction aborted'));
    work(transaction).then(
      (value) => {
        result = { value };
      },
      (error: unknown) => {
        failure = error ?? new Error('IndexedDB transaction failed');
        try {
          transaction.abort();
        } catch {
          // Already finished: oncomplete/onabort reports the failure.
        }
      },
    );
  });
}

export interface DeleteOutcome {
  readonly name: string;
  /** True once the database is gone; false when other connections still held it after `blockedTimeoutMs`. */
  readonly deleted: boolean;
}

/**
 * Deletes a database and resolves when the deletion has really completed (`onsuccess`), not when
 * it was merely requested. If another connection blocks it (a tab that does not close on
 * versionchange), waits `blockedTimeoutMs` and then resolves with deleted: false; the browser keeps
 * the deletion queued and finishes it when that connection closes.
 */
export function deleteDatabase(name: string, options: { factory?: IDBFactory; blockedTimeoutMs?: number } = {}): Promise<DeleteOutcome> {
  const factory = options.factory ?? defaultFactory();
  const blockedTimeoutMs = options.blockedTimeoutMs ?? 5000;
  return new Promise<DeleteOutcome>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const req = factory.deleteDatabase(name);
    req.onsuccess = () => {
      if (timer) clearTimeout(timer);
      resolve({ name, deleted: true });
    };
    req.onerror = () => {
      if (timer) clearTimeout(timer);
      reject(req.error ?? new Error(`Could not delete IndexedDB database ${name}`));
    };
    req.onblocked = () => {
      timer ??= setTimeout(() => resolve({ name, deleted: false }), blockedTimeoutMs);
    };
  });
}
