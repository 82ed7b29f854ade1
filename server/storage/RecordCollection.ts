/**
 * A keyed collection of JSON records held in memory (a Map), persisted as an append-only log of
 * put/delete records on the storage layer's own framing: FileDocumentStore is the engine, one
 * stream per collection (`<dir>/<name>/log-*.bin`, `snapshot.bin`), so a write costs one framed,
 * CRC-checked record in a group-committed durable write, whatever the size of the collection.
 *
 * Records are JSON: `{"p":key,"v":value}` (put, the whole value), `{"d":key}` (delete) and, as the
 * stream's snapshot, the compact form (LAZY_SNAPSHOT): one JSON header line
 * `{"z":2,"i":[index names],"r":[[key,byte length,[index keys]…],…],"c":[changes]}` followed by the
 * values' JSON back to back. Opening parses the header only: each value stays as its bytes until it
 * is first read (`get`, `find`, `values`), and its index keys come from the header, so a start does
 * not parse (or keep a parsed copy of) 100k people it does not look at. A compaction copies the bytes
 * of values never read. Snapshots of earlier versions (`{"s":[[key,value],…],"c":[…]}`) are still
 * read (and replaced by the compact form at the next compaction). A snapshot whose index names differ
 * from the collection's (an index added or renamed) is parsed in full and indexed anew; an index
 * whose keys function changes must therefore get a new name.
 *
 * When the log has grown past max(`compactAfterRecords`, live records) records since the last
 * snapshot, the collection is written as a snapshot (FileDocumentStore.compact rotates the log at
 * the call, so writes issued meanwhile land in the next segment and are kept): the log's length,
 * and the time to read it at start, stay bounded. A collection that only grows (new keys) never
 * passes that, so `close` also compacts when the log holds more than max(`compactAfterRecords`, a
 * quarter of the live records): the next start reads a compact snapshot, not a record per put.
 *
 * Writes are serialised by the event loop: `put` and `delete` change the Map at once, in call
 * order, and append their record in that order; each returned promise resolves once the record is
 * durable. So a caller's check and the write it guards are one synchronous step. A failed append
 * leaves the Map ahead of the disk: the collection is then marked stale and `recover()` reads it
 * back from what is durable (stores call it before their next operation).
 *
 * Secondary indices (`indexes`: name → the index keys of a value) are kept with every change, so
 * lookups by e-mail, person or document do not scan the collection.
 *
 * Damage is FileDocumentStore's: a torn tail (a crash mid-write) is cut with a warning, damage in
 * the middle or a bad snapshot makes `open` fail with an error naming the file (its cause the
 * DocumentStorageError), and the file is left as it is.
 * One process must be the only writer of the directory.
 */
import { join } from 'node:path';
import { DocumentStorageError } from '../../lib/storage/DocumentStorageError';
import { FileDocumentStore } from './FileDocumentStore';
import type { StoreLogger } from './readDocumentFiles';

export type IndexKeys<T> = (value: T) => readonly string[];

export interface RecordCollectionOptions<T> {
  /** The parent directory; the collection lives in `<dir>/<name>`. */
  readonly dir: string;
  /** 1-64 characters of [A-Za-z0-9_-] (a FileDocumentStore document id). */
  readonly name: string;
  /** How long the first write of a batch waits for others to share its fsync. */
  readonly groupCommitMs: number;
  readonly indexes?: Readonly<Record<string, IndexKeys<T>>>;
  /** Compact once the log since the last snapshot holds more than max(this, live records) records (default 1000). */
  readonly compactAfterRecords?: number;
  readonly logger?: StoreLogger & { error?(obj: object, msg?: string): void };
}

/** Index key → the one record key under it, or a set of them (most index keys, e-mails say, have one). */
type IndexEntries = Map<string, string | Set<string>>;
interface Index<T> {
  readonly keysOf: IndexKeys<T>;
  readonly entries: IndexEntries;
}
const NONE: readonly string[] = [];

/** A snapshot's `c`: changes made while it was encoded, in order; `[key]` is a removal. */
type Change = [string] | [string, unknown];
type LogEntry = { p: string; v: unknown } | { d: string } | { s: Array<[string, unknown]>; c?: Change[] };
/** A compact snapshot's header: per record its key, its value's byte length and its keys in each index of `i`. */
interface LazyHeader {
  readonly z: typeof LAZY_SNAPSHOT;
  readonly i: string[];
  readonly r: Array<[string, number, ...string[][]]>;
  readonly c: Change[];
}
/** The compact snapshot's version (`z`). */
const LAZY_SNAPSHOT = 2;
const NEWLINE = 0x0a;

/**
 * A value still as its JSON bytes in a snapshot. Its index keys are only in the indices (a
 * compaction collects them from there; a change parses the value it replaces).
 */
class Unread {
  constructor(
    readonly source: Uint8Array,
    readonly start: number,
    readonly end: number,
  ) {}

  get bytes(): Uint8Array {
    return this.source.subarray(this.start, this.end);
  }
}

/** The unused zeros a collection's log segment carries ahead of its writes: records are small. */
const SEGMENT_PREALLOCATION_BYTES = 64 * 1024;
const DEFAULT_COMPACT_AFTER_RECORDS = 1000;
/** Records encoded per turn of the event loop while a snapshot is written. */
const SNAPSHOT_SLICE = 2000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const noop = (): void => undefined;

export class RecordCollection<T> {
  /** Values, or their bytes in a snapshot until first read (`value`). */
  private readonly records = new Map<string, T | Unread>();
  private readonly indexes = new Map<string, Index<T>>();
  private readonly indexNames: string[];
  /** Records appended (or read) since the last snapshot. */
  private logRecords = 0;
  private compacting: Promise<void> | null = null;
  /** While a snapshot is being encoded: every change since its copy of the entries. */
  private changedSinceCopy: Map<string, T | undefined> | null = null;
  private recovering: Promise<void> | null = null;
  private closed = false;
  /** True after a failed append, until `recover` has read the collection back from disk. */
  stale = false;
  /** How many times `recover` read the collection back (what was derived from it may be out of date). */
  reloads = 0;
  /** Compactions started by this process (for tests and benchmarks). */
  compactions = 0;

  private constructor(
    private readonly options: RecordCollectionOptions<T>,
    private readonly store: FileDocumentStore,
  ) {
    for (const [name, keysOf] of Object.entries(options.indexes ?? {})) this.indexes.set(name, { keysOf, entries: new Map() });
    this.indexNames = [...this.indexes.keys()];
  }

  /** Reads the collection (snapshot + log); throws a DocumentStorageError naming the file when it is damaged. */
  static async open<T>(options: RecordCollectionOptions<T>): Promise<RecordCollection<T>> {
    const store = new FileDocumentStore({
      dir: options.dir,
      groupCommitMs: options.groupCommitMs,
      segmentPreallocationBytes: SEGMENT_PREALLOCATION_BYTES,
      logger: options.logger,
    });
    const collection = new RecordCollection<T>(options, store);
    try {
      collection.replay(await store.load(options.name));
    } catch (error) {
      await store.close().catch(noop);
      if (!(error instanceof DocumentStorageError)) throw error;
      // The store's words are about documents; these are records. The message names the file.
      const detail = error.message.replace(`document ${options.name}: `, '');
      throw new Error(`cannot read the ${options.name} records: ${detail}`, { cause: error });
    }
    return collection;
  }

  get name(): string {
    return this.options.name;
  }

  get size(): number {
    return this.records.size;
  }

  /** The stored value itself: callers must not change it (hand out copies). */
  get(key: string): T | undefined {
    const stored = this.records.get(key);
    return stored instanceof Unread ? this.read(key, stored) : stored;
  }

  has(key: string): boolean {
    return this.records.has(key);
  }

  *values(): IterableIterator<T> {
    for (const [key, stored] of this.records) yield stored instanceof Unread ? this.read(key, stored) : stored;
  }

  /** The values whose index `index` lists `indexKey` (stored values: do not change them). */
  find(index: string, indexKey: string): T[] {
    const keys = this.index(index).entries.get(indexKey);
    if (keys === undefined) return [];
    const found: T[] = [];
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      const value = this.get(key);
      if (value !== undefined) found.push(value);
    }
    return found;
  }

  count(index: string, indexKey: string): number {
    const keys = this.index(index).entries.get(indexKey);
    return keys === undefined ? 0 : typeof keys === 'string' ? 1 : keys.size;
  }

  /** Stores `value` under `key` now (readers see it at once); resolves when its record is durable. */
  put(key: string, value: T): Promise<void> {
    return this.write({ p: key, v: value }, () => this.set(key, value));
  }

  /** Removes `key` now; resolves (true) when the removal is durable, or false at once when there was nothing. */
  delete(key: string): Promise<boolean> {
    if (!this.records.has(key)) return Promise.resolve(false);
    return this.write({ d: key }, () => this.set(key, undefined)).then(() => true);
  }

  /** Reads the collection back from disk after a failed write; a no-op when nothing failed. */
  recover(): Promise<void> {
    if (!this.stale) return Promise.resolve();
    this.recovering ??= (async () => {
      try {
        await this.compacting?.catch(noop);
        await this.store.flush(this.options.name).catch(noop);
        const updates = await this.store.load(this.options.name);
        this.records.clear();
        for (const index of this.indexes.values()) index.entries.clear();
        this.replay(updates);
        this.stale = false;
        this.reloads += 1;
      } finally {
        this.recovering = null;
      }
    })();
    return this.recovering;
  }

  /** Writes a snapshot of the whole collection now (normally done when the log has grown). */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    this.compactions += 1;
    // Everything logged so far is covered by this snapshot, including what is written while it is encoded.
    this.logRecords = 0;
    const running = this.writeSnapshot().finally(() => {
      if (this.compacting === running) this.compacting = null;
    });
    this.compacting = running;
    return running;
  }

  /** Records in the log since the last snapshot. */
  get pendingLogRecords(): number {
    return this.logRecords;
  }

  /** Waits for every write issued so far. */
  async flush(): Promise<void> {
    await this.store.flush(this.options.name);
  }

  /** Waits for every write and a running compaction (compacting first when the log has grown: see above), then closes the files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.compacting?.catch(noop);
    if (!this.stale && this.logRecords > Math.max(this.compactAfter(), this.records.size / 4)) {
      await this.compact().catch((error: unknown) =>
        this.options.logger?.error?.({ collection: this.options.name, err: error }, 'could not compact a record collection'),
      );
    }
    await this.store.close();
  }

  /**
   * Encodes the records in slices of SNAPSHOT_SLICE, yielding to the event loop between them, so a
   * large collection does not stall every other request while it is written. Stored values are never
   * changed in place (a put replaces them), so the copy of the entries taken first stays exact; the
   * changes made while the slices are encoded are kept in `changedSinceCopy` and written after them
   * (`c`). The store's compaction is called in the same step as that last read, so it covers exactly
   * the appends issued before it, all of which the snapshot holds. Values never read are copied as
   * the bytes they are, with the index keys they came with.
   */
  private async writeSnapshot(): Promise<void> {
    const entries = [...this.records];
    const unreadKeys = this.unreadIndexKeys();
    const changed = new Map<string, T | undefined>();
    this.changedSinceCopy = changed;
    const headers: Array<readonly [string, number, ...string[][]]> = [];
    const values: Uint8Array[] = [];
    let valueBytes = 0;
    try {
      for (let from = 0; from < entries.length; from += SNAPSHOT_SLICE) {
        if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        for (const [key, stored] of entries.slice(from, from + SNAPSHOT_SLICE)) {
          if (stored instanceof Unread) {
            values.push(stored.bytes);
            headers.push([key, stored.end - stored.start, ...(unreadKeys.get(key) ?? this.indexNames.map(() => []))]);
          } else {
            const bytes = encoder.encode(JSON.stringify(stored));
            values.push(bytes);
            headers.push([key, bytes.byteLength, ...this.indexNames.map((name) => [...this.index(name).keysOf(stored)])]);
          }
          valueBytes += values[values.length - 1]!.byteLength;
        }
      }
    } finally {
      this.changedSinceCopy = null;
    }
    const changes = [...changed].map(([key, value]) => (value === undefined ? [key] : [key, value]));
    const header = encoder.encode(`${JSON.stringify({ z: LAZY_SNAPSHOT, i: this.indexNames, r: headers, c: changes })}\n`);
    const snapshot = new Uint8Array(header.byteLength + valueBytes);
    snapshot.set(header, 0);
    let at = header.byteLength;
    for (const bytes of values) {
      snapshot.set(bytes, at);
      at += bytes.byteLength;
    }
    await this.store.compact(this.options.name, snapshot);
  }

  /** The index keys of the values not yet read, per index (in `indexNames` order), from the indices. */
  private unreadIndexKeys(): Map<string, string[][]> {
    const found = new Map<string, string[][]>();
    this.indexNames.forEach((name, i) => {
      for (const [indexKey, keys] of this.index(name).entries) {
        for (const key of typeof keys === 'string' ? [keys] : keys) {
          if (!(this.records.get(key) instanceof Unread)) continue;
          let lists = found.get(key);
          if (lists === undefined) found.set(key, (lists = this.indexNames.map(() => [])));
          lists[i]!.push(indexKey);
        }
      }
    });
    return found;
  }

  private write(entry: LogEntry, apply: () => void): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`the ${this.options.name} collection is closed`));
    let appended: Promise<void>;
    try {
      appended = this.store.append(this.options.name, encode(entry));
    } catch (error) {
      return Promise.reject(error);
    }
    apply();
    this.logRecords += 1;
    if (!this.compacting && !this.stale && this.logRecords > Math.max(this.compactAfter(), this.records.size)) {
      this.compact().catch((error: unknown) =>
        this.options.logger?.error?.({ collection: this.options.name, err: error }, 'could not compact a record collection'),
      );
    }
    return appended.catch((error: unknown) => {
      this.stale = true;
      throw error;
    });
  }

  private compactAfter(): number {
    return this.options.compactAfterRecords ?? DEFAULT_COMPACT_AFTER_RECORDS;
  }

  private replay(updates: Uint8Array[] | null): void {
    this.logRecords = 0;
    for (const update of updates ?? []) {
      // `{"z":` opens a compact snapshot; no log record or older snapshot starts so.
      if (update[2] === 0x7a && update[0] === 0x7b) {
        this.replayLazySnapshot(update);
        continue;
      }
      const entry = JSON.parse(decoder.decode(update)) as LogEntry;
      if ('s' in entry) {
        for (const [key, value] of entry.s) this.set(key, value as T);
        for (const change of entry.c ?? []) this.set(change[0], change.length > 1 ? (change[1] as T) : undefined);
        continue;
      }
      this.logRecords += 1;
      if ('p' in entry) this.set(entry.p, entry.v as T);
      else this.set(entry.d, undefined);
    }
  }

  /**
   * A compact snapshot: the header parsed, each value kept as its bytes, indexed by the keys the
   * header lists. With other index names than the collection's, every value is parsed and indexed.
   */
  private replayLazySnapshot(update: Uint8Array): void {
    const newline = update.indexOf(NEWLINE);
    if (newline < 0) throw this.badSnapshot('it has no header line');
    const header = JSON.parse(decoder.decode(update.subarray(0, newline))) as LazyHeader;
    const sameIndexes = header.i.length === this.indexNames.length && header.i.every((name, i) => name === this.indexNames[i]);
    const indexes = this.indexNames.map((name) => this.index(name).entries);
    let at = newline + 1;
    for (const entry of header.r) {
      const key = entry[0];
      const unread = new Unread(update, at, at + entry[1]);
      at += entry[1];
      if (!sameIndexes || this.records.has(key)) {
        this.set(key, this.parse(unread));
        continue;
      }
      this.records.set(key, unread);
      for (let i = 0; i < indexes.length; i++) for (const indexKey of entry[2 + i] as string[]) addToIndex(indexes[i]!, indexKey, key);
    }
    if (at !== update.byteLength) throw this.badSnapshot('its values do not match its header');
    for (const change of header.c) this.set(change[0], change.length > 1 ? (change[1] as T) : undefined);
  }

  private badSnapshot(problem: string): DocumentStorageError {
    const path = join(this.options.dir, this.options.name, 'snapshot.bin');
    return new DocumentStorageError(this.options.name, 'corrupt', path, `the snapshot cannot be used: ${problem}`);
  }

  /** Parses a value kept as bytes, and keeps the parsed value instead. */
  private read(key: string, unread: Unread): T {
    const value = this.parse(unread);
    this.records.set(key, value);
    return value;
  }

  private parse(unread: Unread): T {
    return JSON.parse(decoder.decode(unread.bytes)) as T;
  }

  private set(key: string, value: T | undefined): void {
    this.changedSinceCopy?.set(key, value);
    const stored = this.records.get(key);
    // A value never read is parsed for the index keys it had.
    const before = stored instanceof Unread ? this.parse(stored) : stored;
    if (value === undefined) this.records.delete(key);
    else this.records.set(key, value);
    for (const { keysOf, entries } of this.indexes.values()) {
      const was = before === undefined ? NONE : keysOf(before);
      const is = value === undefined ? NONE : keysOf(value);
      // Only what changed: an unchanged index entry keeps its place (lists keep insertion order).
      for (const indexKey of was) if (!is.includes(indexKey)) unindex(entries, indexKey, key);
      for (const indexKey of is) if (!was.includes(indexKey)) addToIndex(entries, indexKey, key);
    }
  }

  private index(name: string): Index<T> {
    const index = this.indexes.get(name);
    if (!index) throw new Error(`the ${this.options.name} collection has no index ${name}`);
    return index;
  }
}

function addToIndex(entries: IndexEntries, indexKey: string, key: string): void {
  const keys = entries.get(indexKey);
  if (keys === undefined) entries.set(indexKey, key);
  else if (typeof keys === 'string') entries.set(indexKey, new Set([keys, key]));
  else keys.add(key);
}

function unindex(entries: IndexEntries, indexKey: string, key: string): void {
  const keys = entries.get(indexKey);
  if (keys === key) entries.delete(indexKey);
  if (keys === undefined || typeof keys === 'string') return;
  keys.delete(key);
  if (keys.size === 0) entries.delete(indexKey);
}

function encode(entry: LogEntry): Uint8Array {
  return encoder.encode(JSON.stringify(entry));
}
