/**
 * Where document bodies (Yjs updates) live. The update log is the source of truth; a snapshot
 * replaces the part of the log it covers. Implementations: MemoryDocumentStore (unit tests) and
 * FileDocumentStore (the data dir). One contract suite (tests/unit/storage) runs against both.
 */
export interface LogStats {
  /** Records appended since the last snapshot. */
  readonly records: number;
  /** Bytes (payload) appended since the last snapshot. */
  readonly bytes: number;
}

/** What `loadAttributed` returns: `load`'s updates, and the attribution stored with them (lib/authorship). */
export interface AttributedLoad {
  readonly updates: Uint8Array[];
  /** The attribution stored with the snapshot, then with each record since, in order; those stored without any left out. */
  readonly attribution: Uint8Array[];
}

export interface DocumentStore {
  /**
   * Everything stored for a document, in the order it must be applied: the snapshot (if any)
   * followed by every log record since. `null` when nothing is stored under that id.
   */
  load(documentId: string): Promise<Uint8Array[] | null>;

  /** Whether anything is stored under that id. */
  exists(documentId: string): Promise<boolean>;

  /**
   * Appends one update to the document's log. Resolves once it is durable (written and fsynced;
   * concurrent appends share one fsync). Appends to one document are stored in call order.
   * Rejects an empty update (a Yjs update never is; the log format cannot hold one).
   *
   * `attribution` (opaque bytes: who made the update, lib/authorship) is stored in the SAME durable
   * record, so an update is never stored without it; `loadAttributed` returns it. Stores that do
   * not implement `loadAttributed` may ignore it.
   */
  append(documentId: string, update: Uint8Array, attribution?: Uint8Array): Promise<void>;

  /** Resolves once every append issued before this call is durable. */
  flush(documentId?: string): Promise<void>;

  /**
   * Replaces the snapshot and every log record appended BEFORE this call with `snapshot`
   * (which must contain them all, e.g. `Y.encodeStateAsUpdate(doc)` taken just before the call).
   * Appends issued after the call are kept. Atomic: a crash at any point leaves either the old
   * or the new state, never less.
   *
   * `attribution`: the attribution of everything the snapshot replaces, folded (lib/authorship),
   * stored with the snapshot in the same atomic write. Without it the snapshot carries none (a
   * history reset: the new body has no history).
   */
  compact(documentId: string, snapshot: Uint8Array, attribution?: Uint8Array): Promise<void>;

  /** Optional: `load`, plus the attribution stored with the snapshot and the records (one read). */
  loadAttributed?(documentId: string): Promise<AttributedLoad | null>;

  /**
   * Optional, for stores several nodes share: the stored attribution alone (as `loadAttributed`
   * orders it), read without changing what this store knows of the document (its compactions).
   */
  readAttribution?(documentId: string): Promise<Uint8Array[]>;

  /** Log growth since the last snapshot, so the caller can decide when to compact. */
  stats(documentId: string): LogStats;

  /**
   * Optional: frees what is held for a document the caller has unloaded (an open log file).
   * Pending appends are made durable first; the stored data stays. The next call for that id
   * opens it again.
   */
  release?(documentId: string): Promise<void>;

  /** Flushes every pending append and releases open files. */
  close(): Promise<void>;
}
