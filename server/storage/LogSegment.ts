/**
 * One log segment file as the writer sees it. Records are written at explicit offsets (pwrite,
 * no O_APPEND) into space that was filled with real zeros and made durable beforehand, like
 * PostgreSQL's WAL segments: such a write changes neither the file's size nor its block
 * allocation, so its O_DSYNC costs no journal commit (measured: about a third less system time
 * per record than an O_DSYNC append). Zeros are written rather than `ftruncate`d or `fallocate`d
 * because holes and unwritten extents would make each first write into them a metadata change.
 *
 * Room is made in chunks as large as the segment already is (so it doubles), from 64 KiB up to
 * `preallocationBytes`: a small document never carries much more than it needs, and opening and
 * releasing one stays cheap (zeros written, and blocks freed again, cost CPU; measured: 0.9 ms vs
 * 3.5 ms of CPU per new document for a 64 KiB vs a 1 MiB first chunk, on discard-mounted ext4).
 *   - when a batch does not fit, it is written together with a fresh chunk of zeros after it in
 *     one durable `writev` (the first write of a new or reopened segment, which then also fsyncs
 *     the directory before it counts as done);
 *   - when less than a quarter of the next chunk is left, that chunk is zero-filled in the
 *     background while records keep going into the space before it, so a busy log never waits.
 * On `close(trim)` (a released document) the zeros are cut off again, and a segment that never got
 * a record is deleted: an idle document keeps only its real bytes on disk. A trim that a crash
 * undoes leaves zeros, which a reader takes for the clean end of the data.
 *
 * Plain file descriptors and the callback `fs.write`: FileHandle.write's promise path measured
 * about 5 µs more CPU per write, on a path that runs once per group commit.
 */
import { close, constants, open, truncate, unlink, write, writev } from 'node:fs';
import { join } from 'node:path';
import { ensureDirectory, FILE_MODE, fsyncDirectory, segmentFileName } from './fileLayout';
import type { IoCounters } from './IoCounters';

/** Synchronous for data: a write returns once it (and any size change) is durable. */
const OPEN_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_DSYNC;
/** The first chunk of a segment (or of one reopened after its zeros were trimmed). */
const FIRST_CHUNK_BYTES = 64 * 1024;
/**
 * A busy log's chunks hold at least this many of its largest batches, so group commits keep going
 * into preallocated zeros (one pwrite, no size change) instead of each extending the file: a comment
 * stream's 16 KiB chunks are smaller than one batch of 50 writers' comments.
 */
const BATCHES_PER_CHUNK = 4;
/** ...up to this (Yjs logs already preallocate 1 MiB). */
const MAX_BUSY_CHUNK_BYTES = 1024 * 1024;

/** Shared by every log and only ever read: the source of preallocation writes. */
let zeros = new Uint8Array(0);
function zeroBytes(length: number): Uint8Array {
  if (zeros.byteLength < length) zeros = new Uint8Array(length);
  return zeros.subarray(0, length);
}

export interface LogSegmentContext {
  readonly documentId: string;
  readonly dir: string;
  readonly preallocationBytes: number;
  readonly io: IoCounters;
  readonly logger?: { warn(obj: object, msg?: string): void };
  /** Whether the document's directory exists; shared by the log's successive segments. */
  dirExists: boolean;
}

export type WriteCallback = (error: NodeJS.ErrnoException | null) => void;

export class LogSegment {
  private fd: number | null = null;
  /** Bytes from 0 that hold data or durable zeros (the file's size as far as it matters). */
  private allocated: number;
  /** A background zero-fill past `allocated`; never rejects. */
  private growing: Promise<void> | null = null;
  /** A `close` in progress; a write that reopens the file waits for it. */
  private closing: Promise<void> | null = null;
  private needsDirSync = false;
  /** The largest batch written to this segment (its chunks grow to hold a few: see BATCHES_PER_CHUNK). */
  private largestBatch = 0;

  /**
   * @param dataEnd where the next record goes: after the last whole record
   * @param size the file's size; the bytes from `dataEnd` on are zeros
   */
  constructor(
    private readonly context: LogSegmentContext,
    readonly number: number,
    private dataEnd: number,
    size: number,
  ) {
    this.allocated = Math.max(size, dataEnd);
  }

  get isOpen(): boolean {
    return this.fd !== null || this.closing !== null;
  }

  /** Whether `length` bytes can go into preallocated space right now (writeFitting). */
  fits(length: number): boolean {
    return this.fd !== null && this.dataEnd + length <= this.allocated;
  }

  /** The hot path: one O_DSYNC pwrite into zeros. Only when `fits(length)`, one write at a time. */
  writeFitting(data: Uint8Array, length: number, done: WriteCallback): void {
    const fd = this.fd as number;
    const start = this.dataEnd;
    if (length > this.largestBatch) this.largestBatch = length;
    let written = 0;
    const onWrite = (error: NodeJS.ErrnoException | null, bytes: number): void => {
      if (error) return done(error);
      written += bytes;
      if (written < length) {
        if (bytes === 0) return done(noProgress());
        return write(fd, data, written, length - written, start + written, onWrite);
      }
      this.dataEnd = start + length;
      // O_DSYNC: the write returned once its data reached the disk, as write + fdatasync would.
      this.context.io.logWrites++;
      this.context.io.logSyncs++;
      this.growAhead();
      done(null);
    };
    write(fd, data, 0, length, start, onWrite);
  }

  /**
   * The slow path, for a batch that does not fit now: opens the file if needed and writes the
   * batch with a chunk of zeros after it in one durable write (or into room that a background
   * zero-fill, or an earlier process, made). One write at a time.
   */
  async writeGrowing(data: Uint8Array, length: number): Promise<void> {
    await this.settled();
    if (length > this.largestBatch) this.largestBatch = length;
    const fd = this.fd ?? (await this.openFile());
    if (this.fits(length)) {
      await new Promise<void>((resolve, reject) => this.writeFitting(data, length, (error) => (error ? reject(error) : resolve())));
    } else {
      const start = this.dataEnd;
      const chunk = zeroBytes(this.nextChunk());
      await writeAllAt(fd, [data.subarray(0, length), chunk], start);
      this.dataEnd = start + length;
      this.allocated = this.dataEnd + chunk.byteLength;
      this.context.io.logWrites++;
      this.context.io.logSyncs++;
      this.context.io.preallocations++;
    }
    if (this.needsDirSync) {
      await fsyncDirectory(this.context.dir);
      this.context.io.dirSyncs++;
      this.needsDirSync = false;
    }
  }

  /**
   * Closes the file once a background zero-fill is done. With `trim`, first cuts the zeros after
   * the last record, or deletes the file if it holds none (not synced: if a crash undoes it, the
   * zeros read as the end of the data). The segment can be written again afterwards.
   */
  close(trim: boolean): Promise<void> {
    if (this.closing !== null) return this.closing;
    const fd = this.fd;
    // Not open in this process: only zeros an earlier one left (a crash) can need trimming.
    if (fd === null && !(trim && this.allocated > this.dataEnd)) return Promise.resolve();
    this.fd = null;
    const closing = (async () => {
      try {
        await this.growing;
        if (trim) await this.trim();
      } finally {
        if (fd !== null) await closeFd(fd);
      }
    })();
    this.closing = closing.then(noop, noop).then(() => {
      this.closing = null;
    });
    return closing;
  }

  private async trim(): Promise<void> {
    try {
      if (this.dataEnd === 0) {
        if (this.allocated > 0) await unlinkFile(this.path);
        this.allocated = 0;
      } else if (this.allocated > this.dataEnd) {
        await truncateFile(this.path, this.dataEnd);
        this.allocated = this.dataEnd;
      }
    } catch (error) {
      // Everything written is durable; only disk space is at stake.
      this.context.logger?.warn(
        { documentId: this.context.documentId, segment: this.number, err: error },
        'could not cut the preallocated zeros off a log segment',
      );
    }
  }

  private get path(): string {
    return join(this.context.dir, segmentFileName(this.number));
  }

  private async openFile(): Promise<number> {
    if (!this.context.dirExists) {
      await ensureDirectory(this.context.dir);
      this.context.dirExists = true;
    }
    const fd = await openFd(this.path);
    // Also for a file that exists: a process that died before fsyncing the directory may have
    // left it there without its entry being durable.
    this.needsDirSync = true;
    this.fd = fd;
    return fd;
  }

  /** The size of the next stretch of zeros: the segment's size, within bounds, or room for a few of its largest batches. */
  private nextChunk(): number {
    const max = this.context.preallocationBytes;
    const bySize = Math.min(max, Math.max(FIRST_CHUNK_BYTES, this.allocated));
    return Math.max(bySize, Math.min(MAX_BUSY_CHUNK_BYTES, this.largestBatch * BATCHES_PER_CHUNK));
  }

  /** Starts zero-filling the next chunk when less than a quarter of it is left. */
  private growAhead(): void {
    const chunk = this.nextChunk();
    const fd = this.fd;
    if (fd === null || this.growing !== null || this.allocated - this.dataEnd >= chunk / 4) return;
    const from = this.allocated;
    this.growing = writeAllAt(fd, [zeroBytes(chunk)], from).then(
      () => {
        this.allocated = from + chunk;
        this.context.io.preallocations++;
        this.growing = null;
      },
      (error: unknown) => {
        // Nothing depends on it yet: the batch that needs the room will write zeros itself.
        this.growing = null;
        this.context.logger?.warn(
          { documentId: this.context.documentId, segment: this.number, err: error },
          'could not preallocate log space ahead',
        );
      },
    );
  }

  /** Waits until no zero-fill or close is using the file. */
  private async settled(): Promise<void> {
    while (this.growing !== null || this.closing !== null) await (this.growing ?? this.closing);
  }
}

function noop(): void {}

function noProgress(): NodeJS.ErrnoException {
  return Object.assign(new Error('write made no progress'), { code: 'EIO' });
}

/** Writes every byte of `parts`, back to back from `position`, with as few writev calls as it takes. */
function writeAllAt(fd: number, parts: Uint8Array[], position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const rest = parts.filter((part) => part.byteLength > 0);
    let at = position;
    const onWrite = (error: NodeJS.ErrnoException | null, written: number): void => {
      if (error) return reject(error);
      if (written === 0) return reject(noProgress());
      at += written;
      while (rest.length > 0 && written >= rest[0]!.byteLength) written -= rest.shift()!.byteLength;
      if (rest.length === 0) return resolve();
      rest[0] = rest[0]!.subarray(written);
      writev(fd, rest, at, onWrite);
    };
    if (rest.length === 0) return resolve();
    writev(fd, rest, at, onWrite);
  });
}

function openFd(path: string): Promise<number> {
  return new Promise((resolve, reject) => open(path, OPEN_FLAGS, FILE_MODE, (error, fd) => (error ? reject(error) : resolve(fd))));
}

function closeFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => close(fd, (error) => (error ? reject(error) : resolve())));
}

function truncateFile(path: string, length: number): Promise<void> {
  return new Promise((resolve, reject) => truncate(path, length, (error) => (error ? reject(error) : resolve())));
}

function unlinkFile(path: string): Promise<void> {
  return new Promise((resolve, reject) => unlink(path, (error) => (error ? reject(error) : resolve())));
}
