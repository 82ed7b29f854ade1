/**
 * A fixed-window rate limit per key: at most `limit` hits per window of `windowMs`. Simple and in
 * memory (one server process); the answer says how long until the window resets.
 */
export type LimitResult =
  { readonly allowed: true; readonly remaining: number } | { readonly allowed: false; readonly retryAfterMs: number };

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  hit(key: string): LimitResult {
    const now = this.clock();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      // Forget finished windows now and then, so the map does not grow with old keys.
      if (this.windows.size > 10_000) this.prune(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit) return { allowed: false, retryAfterMs: window.start + this.windowMs - now };
    window.count += 1;
    return { allowed: true, remaining: this.limit - window.count };
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
