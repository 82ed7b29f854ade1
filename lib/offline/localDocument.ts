/**
 * The local copy of one document for one person: a y-indexeddb database (`documentDbName`) holding
 * the Yjs state, plus three small records in its `custom` store: the epoch the copy belongs to,
 * what the server had confirmed (localDocumentSyncState.ts), and text rescued from a stale copy
 * until the person dismisses it. Compacted after every load and as it grows
 * (localDocumentCompaction.ts). Browser code (IndexedDB); Node tests use fake-indexeddb.
 *
 * Open order (STACK-NOTES): Y.Doc → IndexeddbPersistence → whenSynced → only then the WebSocket.
 */
import * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import type { TrackerState } from '../sync/SaveTracker';
import { CompactionPolicy, type CompactionPolicyOptions } from './localDocumentCompaction';
import { isEpoch } from './localDocumentEpoch';
import { SYNC_STATE_KEY, decodeSyncState, encodeSyncState, mergeSyncStates } from './localDocumentSyncState';
import { registerConnection } from './openConnections';

const UPDATES = 'updates';
const CUSTOM = 'custom';
const EPOCH_KEY = 'epoch';
const STALE_TEXT_KEY = 'stale-text';

/** How long opening may take before the editor goes on without a local copy (another tab holding a deletion, a broken store). */
export const OPEN_TIMEOUT_MS = 5000;

export interface LocalCopySize {
  /** Records in the updates store. */
  readonly records: number;
  /** Bytes of Yjs updates in it. */
  readonly bytes: number;
}

/** Text kept from a copy whose history was reset, until the person dismisses it. */
export interface StaleText {
  readonly text: string;
  /** Whether `text` is already narrowed to what the server's version lacks (else: the whole copy). */
  readonly compared: boolean;
  /** When the copy was set aside (epoch ms). */
  readonly at: number;
}

export interface OpenLocalDocumentOptions {
  readonly compaction?: CompactionPolicyOptions;
  readonly openTimeoutMs?: number;
}

export class LocalDocumentUnavailable extends Error {
  override readonly name = 'LocalDocumentUnavailable';
}

export class LocalDocument {
  /** Whether the copy held any of the document when it was opened. */
  readonly hadContent: boolean;
  /** The epoch the copy belongs to; null until its first sync with the server. */
  storedEpoch: number | null;
  /** What the server had confirmed, as stored (null: nothing stored, or unreadable). */
  readonly storedSyncState: TrackerState | null;
  /** Text rescued from a stale copy, if the person has not dismissed it. */
  staleText: StaleText | null;
  /** The compaction that follows every load (tests wait for it; the editor does not). */
  readonly loadCompaction: Promise<void>;
  private readonly policy: CompactionPolicy;
  private readonly onUpdate: (update: Uint8Array, origin: unknown) => void;
  private latest: { state: TrackerState; owned: ReadonlySet<number> } | null = null;
  private writing: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  private readonly closeListeners = new Set<() => void>();
  private readonly unregister: () => void;

  private constructor(
    readonly name: string,
    readonly persistence: IndexeddbPersistence,
    private readonly db: IDBDatabase,
    facts: { hadContent: boolean; epoch: number | null; syncState: TrackerState | null; staleText: StaleText | null },
    compaction: CompactionPolicyOptions = {},
  ) {
    this.hadContent = facts.hadContent;
    this.storedEpoch = facts.epoch;
    this.storedSyncState = facts.syncState;
    this.staleText = facts.staleText;
    this.policy = new CompactionPolicy(() => this.compactNow(), compaction);
    this.onUpdate = (update, origin) => {
      if (origin !== persistence) this.policy.stored(update.byteLength);
    };
    persistence.doc.on('update', this.onUpdate);
    // Another tab deletes this database (sign-out, a reset copy): let go at once, or it waits for us.
    db.addEventListener('versionchange', () => void this.close());
    // clearLocalData (sign-out in this tab) closes it before deleting.
    this.unregister = registerConnection(name, () => this.close());
    this.loadCompaction = this.policy.run();
  }

  /**
   * Opens (or creates) the copy named `name` into `doc` and waits until its content is in the doc.
   * Rejects with LocalDocumentUnavailable when IndexedDB fails or takes longer than the timeout.
   */
  static async open(name: string, doc: Y.Doc, options: OpenLocalDocumentOptions = {}): Promise<LocalDocument> {
    if (typeof indexedDB === 'undefined') throw new LocalDocumentUnavailable('IndexedDB is not available');
    const persistence = new IndexeddbPersistence(name, doc);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const failed = persistence._db.then(
        () => new Promise<never>(() => undefined),
        (error: unknown) => Promise.reject(new LocalDocumentUnavailable(`IndexedDB refused to open: ${String(error)}`)),
      );
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new LocalDocumentUnavailable('IndexedDB did not open in time')),
          options.openTimeoutMs ?? OPEN_TIMEOUT_MS,
        );
      });
      await Promise.race([persistence.whenSynced, failed, timedOut]);
      const db = await persistence._db;
      const custom = objectStore(db, CUSTOM, 'readonly');
      const [epoch, syncState, staleText] = await Promise.all([
        idb.get(custom, EPOCH_KEY),
        idb.get(custom, SYNC_STATE_KEY),
        idb.get(custom, STALE_TEXT_KEY),
      ]);
      return new LocalDocument(
        name,
        persistence,
        db,
        {
          hadContent: doc.store.clients.size > 0,
          epoch: isEpoch(epoch) ? epoch : null,
          syncState: decodeSyncState(syncState),
          staleText: parseStaleText(staleText),
        },
        options.compaction,
      );
    } catch (error) {
      // Not awaited: a database that never opened would never finish closing either.
      void persistence.destroy().catch(() => undefined);
      throw error instanceof LocalDocumentUnavailable ? error : new LocalDocumentUnavailable(String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  get closed(): boolean {
    return this.closing !== null;
  }

  /** Called once the copy has let go of its database (closed here, or because another tab deletes it). */
  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Records the epoch the copy belongs to (after a sync with the server under it). */
  async setEpoch(epoch: number): Promise<void> {
    if (this.closed || !isEpoch(epoch)) return;
    this.storedEpoch = epoch;
    await this.put(EPOCH_KEY, epoch);
  }

  async setStaleText(staleText: StaleText | null): Promise<void> {
    if (this.closed) return;
    this.staleText = staleText;
    if (staleText) await this.put(STALE_TEXT_KEY, { ...staleText });
    else await this.del(STALE_TEXT_KEY);
  }

  /**
   * Keeps the save tracker's state for the next load, merged with what another tab may have
   * stored. Writes are coalesced: at most one in flight, the latest state wins.
   */
  saveSyncState(state: TrackerState, owned: ReadonlySet<number>): void {
    if (this.closed) return;
    this.latest = { state, owned };
    if (!this.writing) this.startWriting();
  }

  /** Resolves once every saveSyncState so far is written. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Merges all records into one (y-indexeddb's storeState) and reports the size afterwards. */
  compact(): Promise<void> {
    return this.policy.run();
  }

  /** Resolves once a compaction in progress (if any) is done. */
  compacted(): Promise<void> {
    return this.policy.settled();
  }

  async size(): Promise<LocalCopySize> {
    const updates = objectStore(this.db, UPDATES, 'readonly');
    const records = (await idb.getAll(updates)) as Uint8Array[];
    return { records: records.length, bytes: records.reduce((sum, record) => sum + record.byteLength, 0) };
  }

  /** Stops compacting and writing, and closes the database (the data stays). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.unregister();
      this.policy.dispose();
      this.persistence.doc.off('update', this.onUpdate);
      await this.flush().catch(() => undefined);
      await this.persistence.destroy();
      for (const listener of [...this.closeListeners]) listener();
    })();
    return this.closing;
  }

  /** Closes and deletes the database (resolves once IndexedDB has deleted it). */
  async erase(): Promise<void> {
    await this.close();
    await idb.deleteDB(this.name);
  }

  private async compactNow(): Promise<number> {
    if (this.closed) return 0;
    // storeState resolves once its writes are issued; a later transaction on the store runs after them.
    await storeState(this.persistence, true);
    return (await this.size()).bytes;
  }

  private startWriting(): void {
    this.writing = this.writeLoop().finally(() => {
      this.writing = null;
      // A state that arrived while the loop was finishing.
      if (this.latest && !this.persistence._destroyed) this.startWriting();
    });
  }

  /** One read-modify-write transaction per round, so two tabs never lose each other's changes. */
  private async writeLoop(): Promise<void> {
    try {
      while (this.latest && !this.persistence._destroyed) {
        const { state, owned } = this.latest;
        this.latest = null;
        const custom = objectStore(this.db, CUSTOM);
        const stored = decodeSyncState(await idb.get(custom, SYNC_STATE_KEY));
        await idb.put(custom, encodeSyncState(mergeSyncStates(stored, state, owned)) as never, SYNC_STATE_KEY);
      }
    } catch {
      // The database went away (closed, deleted): nothing left to keep.
      this.latest = null;
    }
  }

  private async put(key: string, value: unknown): Promise<void> {
    const custom = objectStore(this.db, CUSTOM);
    await idb.put(custom, value as never, key);
  }

  private async del(key: string): Promise<void> {
    const custom = objectStore(this.db, CUSTOM);
    await idb.del(custom, key);
  }
}

function objectStore(db: IDBDatabase, name: string, mode: IDBTransactionMode = 'readwrite'): IDBObjectStore {
  return db.transaction([name], mode).objectStore(name);
}

function parseStaleText(value: unknown): StaleText | null {
  if (typeof value !== 'object' || value === null) return null;
  const { text, compared, at } = value as Record<string, unknown>;
  if (typeof text !== 'string' || typeof compared !== 'boolean' || typeof at !== 'number') return null;
  return { text, compared, at };
}

/** The state vector of a doc as a map (what restoreFromLocalCopy compares). */
export function stateVectorOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}
