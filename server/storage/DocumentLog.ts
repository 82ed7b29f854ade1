/**
 * One document's log writer with group commit: appends that arrive within `groupCommitMs` of
 * each other, or while the previous write is in flight, go to disk in one durable write (the
 * segment is opened with O_DSYNC: the write returns once durable, like write + fdatasync), and
 * their promises resolve in call order once it returns. With `groupCommitMs` 0 the window is the
 * current task: everything appended before it ends (a socket message's handler, say) shares one
 * write, queued as a microtask. A setImmediate would also gather appends from the other I/O
 * callbacks of the same loop iteration, but costs about 5 µs of CPU per write (measured); under
 * load, appends gather behind the write in flight anyway.
 *
 * The hot path is kept to callbacks (no async function or promise per write beyond the batch's
 * own): frame into the batch's buffer, one microtask or timer per batch, one pwrite. Opening,
 * growing, rotating and abandoning segments are the slow path (LogSegment.writeGrowing).
 *
 * Segments: the writer writes to one numbered segment file and moves to the next when asked to
 * rotate (compaction) or when a write fails. After a failed write the kernel's view of the file is
 * unknowable, and a half-written record would hide every later one behind a torn frame, so the
 * writer never writes to that file again.
 */
import type { IoCounters } from './IoCounters';
import { LogBatch, REUSABLE_CAPACITY } from './LogBatch';
import { LogSegment, type LogSegmentContext } from './LogSegment';
import { CommitDelay, type CommitDelayOptions } from './CommitDelay';

/** Where the writer starts; known only after the document's files were read. */
export interface LogPosition {
  /** The segment the next write goes to. */
  segment: number;
  /** Where in it the next record goes: after its last whole record. */
  dataEnd: number;
  /** That segment file's size (0 if it does not exist); the bytes from `dataEnd` on are zeros. */
  size: number;
  /** Whether the document's directory exists. */
  dirExists: boolean;
}

export interface DocumentLogOptions {
  readonly documentId: string;
  readonly dir: string;
  readonly groupCommitMs: number;
  /** With `groupCommitMs` 0: the window a busy document's batches wait (see CommitDelay); absent: none. */
  readonly busyWindow?: CommitDelayOptions;
  /** The clock of `busyWindow`, in milliseconds (default performance.now). */
  readonly now?: () => number;
  /** The largest chunk of zeros written ahead in a segment at once (chunks double up to it; see LogSegment). */
  readonly preallocationBytes: number;
  readonly io: IoCounters;
  readonly logger?: { warn(obj: object, msg?: string): void };
}

interface Rotation {
  readonly kind: 'rotate';
  resolve(firstLiveSegment: number): void;
  reject(error: unknown): void;
}

const noop = (): void => undefined;

export class DocumentLog {
  private readonly queue: Array<LogBatch | Rotation> = [];
  /** The batch new appends join: the last queued item, unless a rotation was queued after it. */
  private open: LogBatch | null = null;
  private inflight: LogBatch | null = null;
  private writing = false;
  private readonly idleWaiters: Array<() => void> = [];
  private microtaskQueued = false;
  private timer: NodeJS.Timeout | null = null;
  private segment: LogSegment | null = null;
  private readonly context: LogSegmentContext;
  /** A written batch's buffer, for the next batch. */
  private spare: Uint8Array | null = null;
  private readonly busy: CommitDelay | null;
  private readonly now: () => number;
  private readonly fire = (): void => {
    this.microtaskQueued = false;
    this.timer = null;
    this.kick();
  };
  private readonly next = (): void => this.writeNext();
  private readonly written = (error: NodeJS.ErrnoException | null): void => this.settleInflight(error);
  private readonly writeFailed = (error: unknown): void => this.settleInflight(error ?? new Error('log write failed'));
  private readonly writeSucceeded = (): void => this.settleInflight(null);

  constructor(
    private readonly options: DocumentLogOptions,
    private readonly start: Promise<LogPosition>,
  ) {
    this.context = {
      documentId: options.documentId,
      dir: options.dir,
      preallocationBytes: options.preallocationBytes,
      io: options.io,
      logger: options.logger,
      dirExists: false,
    };
    this.busy =
      options.groupCommitMs <= 0 && options.busyWindow && options.busyWindow.windowMs > 0 ? new CommitDelay(options.busyWindow) : null;
    this.now = options.now ?? (() => performance.now());
  }

  /** Nothing queued, nothing being written, no file open. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.writing && !(this.segment?.isOpen ?? false);
  }

  /**
   * Queues one update (framed into the current batch right away, so the caller may reuse its
   * buffer); resolves once it is written durably. Throws for an empty or oversized update.
   */
  append(update: Uint8Array): Promise<void> {
    let batch = this.open;
    if (batch === null) {
      batch = new LogBatch(this.spare);
      batch.add(update); // before queueing: an update it refuses leaves no empty batch behind
      this.spare = null;
      this.queue.push(batch);
      this.open = batch;
    } else {
      batch.add(update);
    }
    const delayMs = this.busy === null ? 0 : this.busy.arrive(this.now());
    if (!this.writing && !this.microtaskQueued && this.timer === null) this.schedule(delayMs);
    return batch.done;
  }

  /** Resolves once everything queued before the call is durable; rejects if any of it failed. */
  flush(): Promise<void> {
    const done: Promise<void>[] = [];
    if (this.inflight) done.push(this.inflight.done);
    for (const item of this.queue) if (item.kind === 'batch') done.push(item.done);
    if (done.length === 0) return Promise.resolve();
    this.kick();
    return Promise.all(done).then(noop);
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

  /**
   * Writes out everything queued, then closes the file, cutting the unused preallocated zeros off
   * it (see LogSegment.close). The log can be used again afterwards.
   */
  async close(): Promise<void> {
    for (;;) {
      // Failed appends were already reported to their callers; closing goes on regardless.
      await this.flush().catch(noop);
      this.kick(); // a queued rotation alone is not waited for by flush
      if (this.writing) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      if (this.queue.length > 0 || this.writing) continue;
      if (this.segment !== null) break;
      // Nothing was written in this process, but the segment may still end in zeros that a
      // crashed one preallocated: place the writer, so closing trims them too.
      const position = await this.start.catch(() => null);
      if (position === null) return;
      if (this.segment === null && !this.writing) this.place(position);
    }
    // In the same turn as the check above: a later append waits for the close to finish.
    await this.segment.close(true);
  }

  private schedule(busyDelayMs: number): void {
    if (this.options.groupCommitMs > 0) {
      this.timer = setTimeout(this.fire, this.options.groupCommitMs);
    } else if (busyDelayMs > 0) {
      this.timer = setTimeout(this.fire, busyDelayMs);
    } else {
      this.microtaskQueued = true;
      queueMicrotask(this.fire);
    }
  }

  /** Starts writing now instead of waiting for the group-commit window. */
  private kick(): void {
    // A microtask cannot be cancelled; when it runs it finds the work started and does nothing.
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.microtaskQueued = false;
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    if (this.segment !== null) return this.writeNext();
    this.start.then(
      (position) => {
        if (this.segment === null) this.place(position);
        this.writeNext();
      },
      (error: unknown) => {
        this.failQueued(error);
        this.stopWriting();
      },
    );
  }

  private place(position: LogPosition): void {
    this.context.dirExists = position.dirExists;
    this.segment = new LogSegment(this.context, position.segment, position.dataEnd, position.size);
  }

  /** Takes the next queued item; runs again when it is done, until the queue is empty. */
  private writeNext(): void {
    const item = this.queue.shift();
    if (item === undefined) return this.stopWriting();
    if (item === this.open) this.open = null;
    if (item.kind === 'rotate') {
      void this.rotateNow(item).then(this.next);
      return;
    }
    this.inflight = item;
    const segment = this.segment as LogSegment;
    if (segment.fits(item.bytes)) segment.writeFitting(item.buffer, item.bytes, this.written);
    else segment.writeGrowing(item.buffer, item.bytes).then(this.writeSucceeded, this.writeFailed);
  }

  private settleInflight(error: unknown): void {
    const batch = this.inflight as LogBatch;
    this.inflight = null;
    if (batch.buffer.byteLength <= REUSABLE_CAPACITY) this.spare = batch.buffer;
    if (error === null) {
      batch.resolve();
      // The next write starts before the resolved appends' callers run.
      return this.writeNext();
    }
    batch.reject(error);
    void this.abandonSegment(error).then(this.next);
  }

  /** Checked and cleared in the same turn, so an append can never find `writing` stale. */
  private stopWriting(): void {
    this.writing = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async rotateNow(rotation: Rotation): Promise<void> {
    const segment = this.segment as LogSegment;
    // Not trimmed: it is deleted once the compaction's snapshot is durable. Everything in it was
    // written durably before, so a failing close loses nothing.
    await segment.close(false).catch(noop);
    this.segment = new LogSegment(this.context, segment.number + 1, 0, 0);
    rotation.resolve(segment.number + 1);
  }

  private async abandonSegment(error: unknown): Promise<void> {
    const segment = this.segment as LogSegment;
    this.options.logger?.warn(
      { documentId: this.options.documentId, segment: segment.number, err: error },
      'log write failed; later appends go to a new segment',
    );
    await segment.close(false).catch(noop);
    this.segment = new LogSegment(this.context, segment.number + 1, 0, 0);
  }

  private failQueued(error: unknown): void {
    const items = this.queue.splice(0);
    this.open = null;
    for (const item of items) item.reject(error);
  }
}
