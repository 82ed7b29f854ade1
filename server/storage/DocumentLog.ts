/**
 * One document's append-only log writer with group commit: appends that arrive within
 * `groupCommitMs` of each other, or while the previous fsync is in flight, go to disk with one
 * write on a file opened with O_DSYNC (a write that returns once durable, like write + fdatasync), and
 * their promises resolve in call order once it returns.
 *
 * Segments: the writer appends to one numbered segment file and moves to the next when asked to
 * rotate (compaction) or when a write or fsync fails. After a failed fsync the kernel's view of
 * the file is unknowable, and a half-written record would hide every later one behind a torn
 * frame, so the writer never appends to that file again.
 */
import { constants as fsConstants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_MODE, ensureDirectory, fsyncDirectory, segmentFileName } from './fileLayout';

/** Append-only and synchronous for data: a write returns once it is durable (see write()). */
const LOG_OPEN_FLAGS = fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT | fsConstants.O_DSYNC;

/** Where the writer starts; known only after the document's files were read. */
export interface LogPosition {
  /** The segment the next write goes to. */
  segment: number;
  /** Whether that segment file exists already (a new one needs a directory fsync). */
  fileExists: boolean;
  /** Whether the document's directory exists. */
  dirExists: boolean;
}

/** I/O counts, for tests and benchmarks that check coalescing. */
export interface IoCounters {
  logWrites: number;
  logSyncs: number;
  dirSyncs: number;
}

export interface DocumentLogOptions {
  readonly documentId: string;
  readonly dir: string;
  readonly groupCommitMs: number;
  readonly io: IoCounters;
  readonly logger?: { warn(obj: object, msg?: string): void };
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

interface Batch {
  readonly kind: 'batch';
  readonly chunks: Uint8Array[];
  bytes: number;
  readonly waiters: Waiter[];
}

interface Rotation {
  readonly kind: 'rotate';
  resolve(firstLiveSegment: number): void;
  reject(error: unknown): void;
}

export class DocumentLog {
  private readonly queue: Array<Batch | Rotation> = [];
  /** The batch new appends join: the last queued item, unless a rotation was queued after it. */
  private open: Batch | null = null;
  private inflight: Batch | null = null;
  private writing = false;
  private draining: Promise<void> = Promise.resolve();
  private cancelTimer: (() => void) | null = null;
  private handle: FileHandle | null = null;
  private position: LogPosition | null = null;
  private needsDirSync = false;

  constructor(
    private readonly options: DocumentLogOptions,
    private readonly start: Promise<LogPosition>,
  ) {}

  /** Nothing queued, nothing being written, no file open. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.writing && this.handle === null;
  }

  /** Queues one framed record; resolves once it is written and fsynced. */
  append(record: Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let batch = this.open;
      if (!batch) {
        batch = { kind: 'batch', chunks: [], bytes: 0, waiters: [] };
        this.queue.push(batch);
        this.open = batch;
      }
      batch.chunks.push(record);
      batch.bytes += record.byteLength;
      batch.waiters.push({ resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything queued before the call is durable; rejects if any of it failed. */
  flush(): Promise<void> {
    const batches = [this.inflight, ...this.queue].filter((item): item is Batch => item?.kind === 'batch');
    if (batches.length === 0) return Promise.resolve();
    const done = batches.map((batch) => new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject })));
    this.kick();
    return Promise.all(done).then(() => undefined);
  }

  /**
   * Ends the current segment: appends queued before the call go to it, later ones to a new
   * segment. Resolves, once the earlier appends are durable, with the first segment number that
   * is NOT covered (everything below it was appended before the call).
   */
  rotate(): Promise<number> {
    const rotated = new Promise<number>((resolve, reject) => {
      this.queue.push({ kind: 'rotate', resolve, reject });
    });
    this.open = null;
    this.kick();
    return rotated;
  }

  /** Writes out everything queued and closes the file. The log can be used again afterwards. */
  async close(): Promise<void> {
    for (;;) {
      // Failed appends were already reported to their callers; closing goes on regardless.
      await this.flush().catch(() => undefined);
      await this.draining;
      if (this.queue.length === 0 && !this.writing) break;
    }
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private schedule(): void {
    if (this.writing || this.cancelTimer) return;
    if (this.options.groupCommitMs <= 0) {
      // Still one write for everything appended in this turn of the event loop.
      const immediate = setImmediate(() => this.fire());
      this.cancelTimer = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(() => this.fire(), this.options.groupCommitMs);
      this.cancelTimer = () => clearTimeout(timer);
    }
  }

  private fire(): void {
    this.cancelTimer = null;
    this.kick();
  }

  /** Starts writing now instead of waiting for the group-commit window. */
  private kick(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    this.draining = this.drain();
  }

  /** Never rejects: every failure is delivered to the waiters it concerns. */
  private async drain(): Promise<void> {
    try {
      this.position ??= await this.start;
    } catch (error) {
      this.failQueued(error);
      this.writing = false;
      return;
    }
    for (;;) {
      const item = this.queue.shift();
      if (!item) {
        // Checked and cleared in the same turn, so an append can never find `writing` stale.
        this.writing = false;
        return;
      }
      if (item === this.open) this.open = null;
      if (item.kind === 'rotate') await this.rotateNow(item);
      else await this.write(item);
    }
  }

  private async write(batch: Batch): Promise<void> {
    this.inflight = batch;
    try {
      const handle = await this.file();
      const data = batch.chunks.length === 1 ? batch.chunks[0]! : Buffer.concat(batch.chunks, batch.bytes);
      for (let offset = 0; offset < data.byteLength;) {
        const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset);
        offset += bytesWritten;
      }
      // O_DSYNC: each write returned only once its data (and the file size) reached the disk,
      // which is what write + fdatasync would do, in one system call and one thread-pool trip.
      this.options.io.logWrites++;
      this.options.io.logSyncs++;
      if (this.needsDirSync) {
        await fsyncDirectory(this.options.dir);
        this.options.io.dirSyncs++;
        this.needsDirSync = false;
      }
    } catch (error) {
      this.inflight = null;
      for (const waiter of batch.waiters) waiter.reject(error);
      await this.abandonSegment(error);
      return;
    }
    this.inflight = null;
    for (const waiter of batch.waiters) waiter.resolve();
  }

  private async rotateNow(rotation: Rotation): Promise<void> {
    const position = this.position!;
    try {
      await this.closeHandle();
    } catch {
      // Everything in it was fsynced before; a failing close loses nothing.
    }
    position.segment += 1;
    position.fileExists = false;
    rotation.resolve(position.segment);
  }

  private async file(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    const position = this.position!;
    if (!position.dirExists) {
      await ensureDirectory(this.options.dir);
      position.dirExists = true;
    }
    this.handle = await open(join(this.options.dir, segmentFileName(position.segment)), LOG_OPEN_FLAGS, FILE_MODE);
    if (!position.fileExists) {
      this.needsDirSync = true;
      position.fileExists = true;
    }
    return this.handle;
  }

  private async abandonSegment(error: unknown): Promise<void> {
    const position = this.position!;
    this.options.logger?.warn(
      { documentId: this.options.documentId, segment: position.segment, err: error },
      'log write failed; later appends go to a new segment',
    );
    await this.closeHandle().catch(() => undefined);
    position.segment += 1;
    position.fileExists = false;
    this.needsDirSync = false;
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private failQueued(error: unknown): void {
    const items = this.queue.splice(0);
    this.open = null;
    for (const item of items) {
      if (item.kind === 'rotate') item.reject(error);
      else for (const waiter of item.waiters) waiter.reject(error);
    }
  }
}
