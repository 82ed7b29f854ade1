/**
 * When to compact a local copy. y-indexeddb appends a record per update (and one per load) and
 * merges them only after 500 records, so a copy would grow with every keystroke and reload. The
 * policy: compact after every load, then whenever what was appended since the last compaction
 * reaches half the compacted size (once typing pauses for `idleMs`) or the whole of it (at once).
 * The store thus stays at most about twice the encoded document (plus `minBytes` for tiny ones).
 * Pure: the adapter (localDocument.ts) reports sizes and supplies the compaction and the timers.
 */

export interface CompactionPolicyOptions {
  /** Quiet time after an update before an idle compaction. */
  readonly idleMs?: number;
  /** Below this many appended bytes nothing is compacted (tiny documents, a few keystrokes). */
  readonly minBytes?: number;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

export const DEFAULT_IDLE_MS = 2000;
export const DEFAULT_MIN_BYTES = 16 * 1024;

export class CompactionPolicy {
  private readonly idleMs: number;
  private readonly minBytes: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private baseBytes = 0;
  private appendedBytes = 0;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private disposed = false;

  constructor(
    private readonly compact: () => Promise<number>,
    options: CompactionPolicyOptions = {},
  ) {
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.minBytes = options.minBytes ?? DEFAULT_MIN_BYTES;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  /** Bytes appended since the last compaction finished. */
  get appended(): number {
    return this.appendedBytes;
  }

  /** An update of `bytes` was stored. */
  stored(bytes: number): void {
    if (this.disposed) return;
    this.appendedBytes += bytes;
    const limit = Math.max(this.baseBytes, this.minBytes);
    if (this.appendedBytes >= limit) {
      this.cancelTimer();
      void this.run();
    } else if (this.appendedBytes >= limit / 2) {
      this.cancelTimer();
      this.timer = this.setTimer(() => {
        this.timer = null;
        void this.run();
      }, this.idleMs);
    }
  }

  /** Compacts now (after a load, on demand); one compaction at a time. */
  run(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.running) return this.running;
    this.cancelTimer();
    const appendedBefore = this.appendedBytes;
    this.running = this.compact()
      .then(
        (size) => {
          this.baseBytes = size;
          // What was stored while compacting may or may not be in the new record: count it again.
          this.appendedBytes = Math.max(0, this.appendedBytes - appendedBefore);
        },
        () => undefined, // a failed compaction leaves the records as they were; the next trigger retries
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Resolves once the compaction in progress (if any) is done. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }
}
