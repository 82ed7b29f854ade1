/**
 * DocumentStore over a directory, one folder per document:
 *
 *   <dir>/<documentId>/snapshot.bin          magic + one checksummed record: [first live segment][Yjs state]
 *   <dir>/<documentId>/log-0000000001.bin    framed update records (lib/storage/logRecord.ts), in order,
 *                                            then zeros: the segment is preallocated (see LogSegment)
 *
 * A record's payload (and the snapshot's update) is a bare Yjs update, or the update with its
 * attribution in front (lib/storage/attributedPayload.ts): one record, one CRC, one durable write.
 *
 * Durability: `append` resolves only after its record is written durably (group commit: see
 * DocumentLog). A new file or directory is made durable with a directory fsync before any append
 * that depends on it resolves. Releasing a document cuts the unused zeros off its segment.
 *
 * Compaction, and what a crash at each step leaves:
 *   1. at call time the log rotates: earlier appends finish in segment N, later ones go to N+1;
 *   2. the snapshot, naming N+1 as its first live segment, is written to snapshot.bin.tmp and fsynced
 *      (crash: old snapshot + segments; the temp file is removed at the next load);
 *   3. renamed over snapshot.bin and the directory fsynced (crash before the directory fsync: old or
 *      new snapshot, both complete with the segments that are still there);
 *   4. segments below N+1 are deleted (crash: the new snapshot ignores them; the next load deletes them).
 *
 * Damage: a torn tail (a crash mid-write: non-zero bytes after the last whole record) is cut at the
 * last whole record when the document is first opened, with a warning; the cut bytes are kept
 * beside the segment as `*.torn-<timestamp>`. Zeros after the last record are the clean end.
 * A damaged snapshot, damage in the middle of a log (bad bytes followed by whole records: not a
 * torn tail) or an unreadable file makes THAT document fail with DocumentStorageError: its files
 * are left exactly as they are for an operator, nothing is renamed or deleted, and the next `load`
 * tries again. Other documents are unaffected. `damaged()` lists such documents (for /healthz);
 * `checkAll()` reads every document at start so they are listed before anyone opens them.
 *
 * One process must be the only writer of the directory (the server is that process).
 */
import { open as openFile, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttributedLoad, DocumentStore, LogStats } from '../../lib/storage/DocumentStore';
import { decodeAttributedPayload, encodeAttributedPayload } from '../../lib/storage/attributedPayload';
import { DocumentStorageError } from '../../lib/storage/DocumentStorageError';
import { MAX_RECORD_BYTES } from '../../lib/storage/logRecord';
import { isValidDocumentId } from '../../lib/documentId';
import { DocumentLog, type LogPosition } from './DocumentLog';
import type { IoCounters } from './IoCounters';
import {
  FILE_MODE,
  FIRST_SEGMENT,
  SNAPSHOT_FILE,
  SNAPSHOT_TEMP_FILE,
  ensureDirectory,
  fsyncDirectory,
  parseSegmentFileName,
} from './fileLayout';
import { encodeSnapshotFile } from './snapshotFile';
import type { CommitDelayOptions } from './CommitDelay';
import { readDocumentFiles, type DocumentFiles, type StoreLogger } from './readDocumentFiles';
import { segmentHasData } from './segmentHasData';
import { findDamagedDocuments } from './findDamagedDocuments';

export interface FileDocumentStoreOptions {
  readonly dir: string;
  /** How long the first append of a batch waits for others to share its fsync. */
  readonly groupCommitMs: number;
  /** With `groupCommitMs` 0: the window of a busy document's appends (CommitDelay); absent: none. */
  readonly busyWindow?: CommitDelayOptions;
  /** The clock of `busyWindow` in milliseconds (default performance.now; tests pass their own). */
  readonly clock?: () => number;
  /** The largest chunk of zeros written ahead in a log segment at once (default 1 MiB; see LogSegment). */
  readonly segmentPreallocationBytes?: number;
  readonly logger?: StoreLogger;
}

const DEFAULT_SEGMENT_PREALLOCATION_BYTES = 1024 * 1024;

interface Growth {
  records: number;
  bytes: number;
}

/** What is held in memory for one document between its first use and `release`. */
interface DocState {
  readonly id: string;
  readonly dir: string;
  readonly log: DocumentLog;
  /** Settles once the files were first read and repaired; rejects when the document is unusable. */
  ready: Promise<void>;
  broken: unknown;
  hasSnapshot: boolean;
  /** Serialises reads of the whole directory with compactions, which change which files count. */
  lock: Promise<void>;
  /** Loads and compactions called but not finished: release waits for them. */
  busy: number;
  /** Log growth per compaction generation, so a compaction drops exactly what it covers. */
  gen: number;
  readonly growth: Map<number, Growth>;
  current: Growth;
}

const noop = (): void => undefined;

export class FileDocumentStore implements DocumentStore {
  /** Write and fsync counts (group commit makes logSyncs far smaller than the number of appends). */
  readonly io: IoCounters = { logWrites: 0, logSyncs: 0, dirSyncs: 0, preallocations: 0 };
  private readonly docs = new Map<string, DocState>();
  /** Documents whose last read failed with DocumentStorageError; a later successful read clears it. */
  private readonly damage = new Map<string, DocumentStorageError>();
  private closing: Promise<void> | null = null;
  /** What `load` read with the updates it returned, for `loadAttributed`. */
  private readonly attributionOf = new WeakMap<Uint8Array[], Uint8Array[]>();

  constructor(private readonly options: FileDocumentStoreOptions) {}

  async load(documentId: string): Promise<Uint8Array[] | null> {
    const loaded = assemble(await this.readFiles(documentId));
    if (!loaded) return null;
    this.attributionOf.set(loaded.updates, loaded.attribution);
    return loaded.updates;
  }

  /**
   * `load`, and the attribution stored in the same records (lib/storage/attributedPayload.ts), from
   * the same read. Through `load`, so a subclass that wraps `load` (tests) wraps this too.
   */
  async loadAttributed(documentId: string): Promise<AttributedLoad | null> {
    const updates = await this.load(documentId);
    return updates && { updates, attribution: this.attributionOf.get(updates) ?? [] };
  }

  private async readFiles(documentId: string): Promise<DocumentFiles | null> {
    this.check(documentId);
    const existing = this.docs.get(documentId);
    if (!existing || (existing.broken !== undefined && existing.log.idle)) {
      // First use (or a retry after damage): this read also repairs what a crash left behind.
      const { state, initial } = this.open(documentId);
      const files = await initial;
      // Keep nothing in memory for ids that do not exist (probes for unknown documents).
      if (isEmpty(files) && state.log.idle && state.busy === 0 && this.docs.get(documentId) === state) this.docs.delete(documentId);
      return files;
    }
    return this.locked(existing, async () => {
      await existing.ready;
      await existing.log.flush();
      return await this.noted(documentId, readDocumentFiles(existing.dir, documentId, { repair: false, logger: this.options.logger }));
    });
  }

  /** Documents refused for damaged or unreadable files, as last found (by `checkAll` or a read). */
  damaged(): DocumentStorageError[] {
    return [...this.damage.values()];
  }

  /**
   * Reads every stored document without changing anything (torn tails are left for the first
   * open to cut) and returns those refused for damage, which `damaged()` then lists.
   */
  async checkAll(): Promise<DocumentStorageError[]> {
    const found = await findDamagedDocuments(this.options.dir, (dir, documentId) =>
      readDocumentFiles(dir, documentId, { repair: false }).then(noop),
    );
    for (const error of found) if (!this.docs.has(error.documentId)) this.damage.set(error.documentId, error);
    return found;
  }

  async exists(documentId: string): Promise<boolean> {
    this.check(documentId);
    const state = this.docs.get(documentId);
    if (state && state.broken === undefined && (state.hasSnapshot || this.stats(documentId).records > 0)) return true;
    const dir = join(this.options.dir, documentId);
    try {
      const names = await readdir(dir);
      if (names.includes(SNAPSHOT_FILE)) return true;
      for (const name of names) {
        if (parseSegmentFileName(name) !== null && (await segmentHasData(join(dir, name)))) return true;
      }
      return false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw new DocumentStorageError(documentId, 'unreadable', dir, `cannot read stored files: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** With `attribution`, both go into ONE record (lib/storage/attributedPayload.ts): durable together or not at all. */
  append(documentId: string, update: Uint8Array, attribution?: Uint8Array): Promise<void> {
    // A document with state was validated when the state was made: only new ids are checked here.
    let state = this.docs.get(documentId);
    let appended: Promise<void>;
    let payload = update;
    try {
      if (state === undefined) this.check(documentId);
      else if (this.closing) throw closedError();
      // A zero length marks the end of a segment's data, so an empty record cannot be stored.
      if (update.byteLength === 0) throw new RangeError('cannot append an empty update');
      payload = encodeAttributedPayload(update, attribution);
      if (payload.byteLength > MAX_RECORD_BYTES) {
        throw new RangeError(`update of ${payload.byteLength} bytes exceeds the record limit of ${MAX_RECORD_BYTES}`);
      }
      state ??= this.open(documentId).state;
      if (state.broken !== undefined) throw state.broken;
      appended = state.log.append(payload);
    } catch (error) {
      return Promise.reject(error);
    }
    state.current.records += 1;
    state.current.bytes += payload.byteLength;
    return appended;
  }

  async flush(documentId?: string): Promise<void> {
    if (documentId !== undefined) {
      assertDocumentId(documentId);
      await this.docs.get(documentId)?.log.flush();
      return;
    }
    await Promise.all([...this.docs.values()].map((state) => state.log.flush()));
  }

  /**
   * `snapshot` (and `attribution`, stored with it in the one snapshot record) is read when the
   * covered appends are durable: do not modify it before this settles.
   */
  compact(documentId: string, snapshot: Uint8Array, attribution?: Uint8Array): Promise<void> {
    try {
      this.check(documentId);
    } catch (error) {
      return Promise.reject(error);
    }
    const state = this.docs.get(documentId) ?? this.open(documentId).state;
    if (state.broken !== undefined) return Promise.reject(state.broken);
    // Everything counted so far, and everything queued in the log so far, is what this covers.
    const coveredGen = state.gen;
    state.gen += 1;
    state.current = { records: 0, bytes: 0 };
    state.growth.set(state.gen, state.current);
    const rotated = state.log.rotate();
    rotated.catch(noop); // awaited below unless the document turns out to be unusable first
    return this.locked(state, async () => {
      await state.ready;
      const firstLiveSegment = await rotated;
      await writeSnapshot(state.dir, encodeSnapshotFile(firstLiveSegment, encodeAttributedPayload(snapshot, attribution)), this.io);
      state.hasSnapshot = true;
      for (const gen of [...state.growth.keys()]) if (gen <= coveredGen) state.growth.delete(gen);
      await this.removeCoveredSegments(state, firstLiveSegment);
    });
  }

  /** Counted in memory from the document's first use in this process (which reads what is on disk). */
  stats(documentId: string): LogStats {
    let records = 0;
    let bytes = 0;
    for (const growth of this.docs.get(documentId)?.growth.values() ?? []) {
      records += growth.records;
      bytes += growth.bytes;
    }
    return { records, bytes };
  }

  /** Makes pending appends durable, waits for running compactions, closes the log file. */
  async release(documentId: string): Promise<void> {
    assertDocumentId(documentId);
    const state = this.docs.get(documentId);
    if (!state) return;
    for (;;) {
      await state.lock;
      await state.log.close();
      if (this.docs.get(documentId) !== state) return;
      // Appends or compactions may have arrived while closing; only drop a quiet document, so a
      // new state can never read files that this one is still writing.
      if (state.log.idle && state.busy === 0) {
        this.docs.delete(documentId);
        return;
      }
    }
  }

  close(): Promise<void> {
    this.closing ??= Promise.all([...this.docs.keys()].map((id) => this.release(id))).then(noop);
    return this.closing;
  }

  private check(documentId: string): void {
    if (this.closing) throw closedError();
    assertDocumentId(documentId);
  }

  /** Creates the in-memory state for a document and starts its first (repairing) read. */
  private open(documentId: string): { state: DocState; initial: Promise<DocumentFiles | null> } {
    const dir = join(this.options.dir, documentId);
    let startLog: (position: LogPosition) => void = noop;
    let failLog: (error: unknown) => void = noop;
    const start = new Promise<LogPosition>((resolve, reject) => {
      startLog = resolve;
      failLog = reject;
    });
    start.catch(noop); // the log awaits it only once something is appended
    const current: Growth = { records: 0, bytes: 0 };
    const state: DocState = {
      id: documentId,
      dir,
      log: new DocumentLog(
        {
          documentId,
          dir,
          groupCommitMs: this.options.groupCommitMs,
          busyWindow: this.options.busyWindow,
          now: this.options.clock,
          preallocationBytes: this.options.segmentPreallocationBytes ?? DEFAULT_SEGMENT_PREALLOCATION_BYTES,
          io: this.io,
          logger: this.options.logger,
        },
        start,
      ),
      ready: Promise.resolve(),
      broken: undefined,
      hasSnapshot: false,
      lock: Promise.resolve(),
      busy: 0,
      gen: 0,
      growth: new Map([[0, current]]),
      current,
    };
    this.docs.set(documentId, state);
    const initial = this.locked(state, () =>
      this.noted(documentId, readDocumentFiles(dir, documentId, { repair: true, logger: this.options.logger })),
    );
    state.ready = initial.then(
      (files) => {
        const base = state.growth.get(0);
        if (files && base) {
          base.records += files.records.length;
          base.bytes += files.recordBytes;
        }
        state.hasSnapshot = files?.snapshot != null;
        // Continue the last segment after its last record: this read verified (and if needed
        // cut) its tail, so only zeros follow.
        startLog(
          files?.lastSegment != null
            ? { segment: files.lastSegment, dataEnd: files.lastSegmentEnd, size: files.lastSegmentSize, dirExists: true }
            : { segment: files?.firstLiveSegment ?? FIRST_SEGMENT, dataEnd: 0, size: 0, dirExists: files !== null },
        );
      },
      (error: unknown) => {
        state.broken = error;
        failLog(error);
        throw error;
      },
    );
    state.ready.catch(noop); // callers that need it await it; the failure is kept in `broken`
    return { state, initial };
  }

  /** Keeps `damage` up to date with the outcome of a read of the document's files. */
  private async noted<T>(documentId: string, read: Promise<T>): Promise<T> {
    try {
      const result = await read;
      this.damage.delete(documentId);
      return result;
    } catch (error) {
      if (error instanceof DocumentStorageError) this.damage.set(documentId, error);
      throw error;
    }
  }

  /** Runs `work` after every earlier locked operation on the document; counts it as busy meanwhile. */
  private locked<T>(state: DocState, work: () => Promise<T>): Promise<T> {
    state.busy += 1;
    const run = state.lock.then(async () => {
      try {
        return await work();
      } finally {
        state.busy -= 1;
      }
    });
    state.lock = run.then(noop, noop);
    return run;
  }

  private async removeCoveredSegments(state: DocState, firstLiveSegment: number): Promise<void> {
    for (const name of await readdir(state.dir)) {
      const segment = parseSegmentFileName(name);
      if (segment === null || segment >= firstLiveSegment) continue;
      // The snapshot is durable already; a segment left behind is ignored and removed at next load.
      await unlink(join(state.dir, name)).catch((error: unknown) =>
        this.options.logger?.warn({ documentId: state.id, file: name, err: error }, 'could not remove a compacted log segment'),
      );
    }
  }
}

function closedError(): Error {
  return new Error('FileDocumentStore is closed');
}

function assertDocumentId(documentId: string): void {
  // Callers validate ids already; checked again because the id becomes a path on disk.
  if (!isValidDocumentId(documentId)) throw new TypeError('invalid document id: expected 1-64 characters of [A-Za-z0-9_-]');
}

function isEmpty(files: DocumentFiles | null): boolean {
  return !files || (!files.snapshot && files.records.length === 0);
}

/** The stored updates in order, each record split from the attribution stored with it (if any). */
function assemble(files: DocumentFiles | null): AttributedLoad | null {
  if (!files || isEmpty(files)) return null;
  const updates: Uint8Array[] = [];
  const attribution: Uint8Array[] = [];
  for (const payload of files.snapshot ? [files.snapshot, ...files.records] : files.records) {
    const split = decodeAttributedPayload(payload);
    updates.push(split.update);
    if (split.attribution) attribution.push(split.attribution);
  }
  return { updates, attribution };
}

/** Temp file, fsync, rename over the snapshot, fsync the directory. */
async function writeSnapshot(dir: string, bytes: Uint8Array, io: IoCounters): Promise<void> {
  await ensureDirectory(dir);
  const temp = join(dir, SNAPSHOT_TEMP_FILE);
  const handle = await openFile(temp, 'w', FILE_MODE);
  try {
    for (let offset = 0; offset < bytes.byteLength;) {
      offset += (await handle.write(bytes, offset, bytes.byteLength - offset)).bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(dir, SNAPSHOT_FILE));
  await fsyncDirectory(dir);
  io.dirSyncs += 1;
}
