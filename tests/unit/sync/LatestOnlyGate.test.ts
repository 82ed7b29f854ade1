import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestOnlyGate } from '../../../server/sync/LatestOnlyGate';
import { TokenBucket } from '../../../server/sync/TokenBucket';

describe('LatestOnlyGate', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function setup() {
    const bucket = new TokenBucket(2, 60); // one per second, a burst of two (Date.now is faked)
    const ran: number[] = [];
    const gate = new LatestOnlyGate<number>(
      () => bucket.waitMs(),
      (value) => {
        bucket.take();
        ran.push(value);
      },
    );
    return { gate, ran };
  }

  it('runs values at once within the rate, then keeps only the latest and runs it when the rate allows', () => {
    const { gate, ran } = setup();
    for (let value = 1; value <= 10; value++) gate.offer(value);
    expect(ran).toEqual([1, 2]);
    expect(gate.waiting).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(ran).toEqual([1, 2, 10]);
    expect(gate.waiting).toBe(false);
    gate.offer(11);
    expect(ran).toEqual([1, 2, 10]);
    vi.advanceTimersByTime(1_000);
    expect(ran).toEqual([1, 2, 10, 11]);
  });

  it('forgets what waits once disposed', () => {
    const { gate, ran } = setup();
    for (let value = 1; value <= 3; value++) gate.offer(value);
    gate.dispose();
    vi.advanceTimersByTime(10_000);
    expect(ran).toEqual([1, 2]);
  });
});
