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
    this.check();
  }

  /** Compacts at once past the limit, after a quiet moment past half of it. */
  private check(): void {
    if (this.disposed || this.running) return;
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
    let compacted = false;
    this.running = this.compact()
      .then(
        (size) => {
          // What was stored while compacting may or may not be in the new record: count it again,
          // and leave it out of the compacted size (it is the new record's size the limit follows).
          const during = Math.max(0, this.appendedBytes - appendedBefore);
          this.appendedBytes = during;
          this.baseBytes = Math.max(0, size - during);
          compacted = true;
        },
        () => undefined, // a failed compaction leaves the records as they were; the next update retries
      )
      .finally(() => {
        this.running = null;
        // Updates stored meanwhile may be past the limit already (typing fast, a large paste).
        if (compacted) this.check();
      });
    return this.running;
  }

  /** Resolves once the compaction in progress (if any) is done. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
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
