/**
 * A token bucket that may go into debt: an action is allowed while a whole token is there and
 * is then charged its whole cost, so one large action (a big document's full sync) is never refused
 * outright, but the next one waits until the debt is paid off. Full at the start: bursts are free.
 */
export class TokenBucket {
  private readonly perMs: number;
  private tokens: number;
  private updatedAt: number;

  /** `perMinute` tokens refill per minute, up to `capacity`. */
  constructor(
    private readonly capacity: number,
    perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
    this.tokens = capacity;
    this.updatedAt = clock();
  }

  /** 0 when an action may go now, else the milliseconds until it may. */
  waitMs(): number {
    const tokens = this.refill();
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.perMs);
  }

  take(cost = 1): void {
    this.tokens = this.refill() - cost;
  }

  /** Full again: nothing to remember about whoever used it. */
  isFull(): boolean {
    return this.refill() >= this.capacity;
  }

  private refill(): number {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
    return this.tokens;
  }
}
