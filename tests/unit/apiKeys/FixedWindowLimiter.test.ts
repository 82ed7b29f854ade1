import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from '../../../lib/apiKeys/FixedWindowLimiter';

describe('FixedWindowLimiter', () => {
  it('allows the limit per window per key, then says when the window resets', () => {
    let now = 1_000;
    const limiter = new FixedWindowLimiter(2, 60_000, () => now);
    expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 1 });
    expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 0 });
    now += 10_000;
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterMs: 50_000 });
    expect(limiter.hit('b')).toMatchObject({ allowed: true });
    now += 50_000;
    expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 1 });
  });
});
