/**
 * The adaptive group-commit window of one log, after PostgreSQL's commit_delay with
 * commit_siblings: a batch's durable write waits `windowMs` for more appends to share it, but only
 * while the log is busy, that is when at least `siblings` other appends arrived within the last
 * `lookbackMs`. A document a few people type into writes at once (no added latency); one that
 * takes hundreds of updates a second gathers several per write, which saves the write's CPU (the
 * durable write on the thread pool and in the kernel) and lets the relay of the whole batch leave
 * in one write per socket.
 *
 * Pure: the caller passes the time (performance.now in milliseconds).
 */
export interface CommitDelayOptions {
  /** How long a busy log holds a batch open (0: never). */
  readonly windowMs: number;
  /** Appends before this one within `lookbackMs` that make the log busy (at least 1). */
  readonly siblings: number;
  readonly lookbackMs: number;
}

export const CommitDelayDefaults = {
  /** 200 updates/s into one document: about half the writes gather a second update. */
  windowMs: 2,
  siblings: 3,
  lookbackMs: 20,
} as const;

export class CommitDelay {
  /** Arrival times of the last `siblings` appends (a ring; NaN: none yet). */
  private readonly recent: Float64Array;
  private next = 0;

  constructor(private readonly options: CommitDelayOptions) {
    this.recent = new Float64Array(Math.max(1, Math.floor(options.siblings))).fill(Number.NaN);
  }

  /**
   * Notes an append arriving at `now`. Returns how long to hold its batch open when it starts
   * one: `windowMs` when the oldest of the last `siblings` appends before it came at most
   * `lookbackMs` ago, else 0.
   */
  arrive(now: number): number {
    // The oldest of the last `siblings` arrivals is the one about to be overwritten.
    const oldest = this.recent[this.next] as number;
    this.recent[this.next] = now;
    this.next = (this.next + 1) % this.recent.length;
    if (this.options.windowMs <= 0) return 0;
    return now - oldest <= this.options.lookbackMs ? this.options.windowMs : 0;
  }
}
