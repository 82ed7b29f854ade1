import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../server/sync/TokenBucket';

describe('TokenBucket', () => {
  it('allows a full burst at once, then one action per refilled token', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 6, () => now); // 6 per minute: one every 10 s
    for (let i = 0; i < 3; i++) {
      expect(bucket.waitMs()).toBe(0);
      bucket.take();
    }
    expect(bucket.waitMs()).toBe(10_000);
    now = 9_999;
    expect(bucket.waitMs()).toBeGreaterThan(0);
    now = 10_000;
    expect(bucket.waitMs()).toBe(0);
  });

  it('lets a costly action through when a token is there, and makes the next one wait off the debt', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 60, () => now); // one per second
    bucket.take(5);
    expect(bucket.waitMs()).toBe(4_000);
    now = 4_000;
    expect(bucket.waitMs()).toBe(0);
  });

  it('never refills beyond its capacity and says when it is full again', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 60, () => now);
    bucket.take();
    expect(bucket.isFull()).toBe(false);
    now = 60_000;
    expect(bucket.isFull()).toBe(true);
    bucket.take();
    bucket.take();
    expect(bucket.waitMs()).toBe(1_000);
  });
});
