/**
 * Runs values through as a rate allows; while one waits, a newer value replaces it. For requests
 * where only the latest matters (a presence state, a sync step 1): nothing queues up without
 * bound, a stock client is only ever slowed, never refused, and its last word always gets through.
 */
export class LatestOnlyGate<T> {
  private pending: { value: T } | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** 0 when a value may run now, else how long until it may. */
    private readonly waitMs: () => number,
    private readonly run: (value: T) => void,
  ) {}

  /** True when a value is waiting (for logs: say once that a client is being slowed). */
  get waiting(): boolean {
    return this.timer !== undefined;
  }

  offer(value: T): void {
    if (this.timer !== undefined) {
      this.pending = { value };
      return;
    }
    const wait = this.waitMs();
    if (wait <= 0) return this.run(value);
    this.pending = { value };
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
  }

  private flush(): void {
    this.timer = undefined;
    const pending = this.pending;
    this.pending = null;
    // Offered again: the rate may be shared (per IP) and used up meanwhile.
    if (pending) this.offer(pending.value);
  }
}
