import { describe, expect, it } from 'vitest';
import { CompactionPolicy } from '../../../lib/offline/localDocumentCompaction';

/** A policy with hand-driven timers and compactions. */
function setup(sizeAfter = 1000) {
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  let compactions = 0;
  let release: (() => void) | null = null;
  let hold = false;
  const policy = new CompactionPolicy(
    () => {
      compactions++;
      if (!hold) return Promise.resolve(sizeAfter);
      hold = false; // holds one compaction
      return new Promise<number>((resolve) => (release = () => resolve(sizeAfter)));
    },
    {
      idleMs: 500,
      minBytes: 100,
      setTimer: (run, ms) => {
        const timer = { run, ms, cancelled: false };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => ((timer as { cancelled: boolean }).cancelled = true),
    },
  );
  return {
    policy,
    timers,
    compactions: () => compactions,
    holdNext: () => (hold = true),
    release: () => release?.(),
  };
}

describe('CompactionPolicy', () => {
  it('compacts after a load, then waits for half the compacted size before an idle compaction', async () => {
    const { policy, timers, compactions } = setup(1000);
    await policy.run();
    expect(compactions()).toBe(1);
    policy.stored(400);
    expect(timers).toHaveLength(0);
    policy.stored(100); // 500: half of 1000 → after a quiet moment
    expect(timers).toHaveLength(1);
    expect(timers[0]?.ms).toBe(500);
    policy.stored(10); // typing goes on: the quiet moment starts again
    expect(timers[0]?.cancelled).toBe(true);
    expect(timers).toHaveLength(2);
    timers[1]?.run();
    await policy.settled();
    expect(compactions()).toBe(2);
    expect(policy.appended).toBe(0);
  });

  it('compacts at once when the appended bytes reach the compacted size', async () => {
    const { policy, compactions } = setup(1000);
    await policy.run();
    policy.stored(1000);
    await policy.settled();
    expect(compactions()).toBe(2);
  });

  it('uses minBytes for tiny documents', async () => {
    const { policy, timers, compactions } = setup(10);
    await policy.run();
    policy.stored(40);
    expect(timers).toHaveLength(0);
    policy.stored(60);
    await policy.settled();
    expect(compactions()).toBe(2);
  });

  it('runs one compaction at a time and counts what was stored meanwhile', async () => {
    const { policy, compactions, holdNext, release } = setup(1000);
    await policy.run();
    holdNext();
    policy.stored(1000);
    policy.stored(300); // during the compaction
    expect(compactions()).toBe(2);
    release();
    await policy.settled();
    expect(policy.appended).toBe(300);
  });

  it('does nothing once disposed', async () => {
    const { policy, timers, compactions } = setup(1000);
    await policy.run();
    policy.stored(600);
    policy.dispose();
    expect(timers[0]?.cancelled).toBe(true);
    policy.stored(5000);
    await policy.run();
    expect(compactions()).toBe(1);
  });

  it('compacts again right after a compaction when what was stored meanwhile is past the limit', async () => {
    const { policy, compactions, holdNext, release } = setup(1000);
    await policy.run();
    holdNext();
    policy.stored(1000);
    policy.stored(1500); // a large paste while compacting
    release();
    await policy.settled();
    expect(compactions()).toBe(3);
  });

  it('does not retry a failed compaction in a loop; the next update does', async () => {
    let calls = 0;
    const policy = new CompactionPolicy(
      () => {
        calls++;
        return calls === 1 ? Promise.resolve(1000) : Promise.reject(new Error('IndexedDB says no'));
      },
      { minBytes: 100, setTimer: () => null, clearTimer: () => undefined },
    );
    await policy.run();
    policy.stored(1000);
    await policy.settled();
    expect(calls).toBe(2);
    expect(policy.appended).toBe(1000);
    policy.stored(1);
    await policy.settled();
    expect(calls).toBe(3);
  });
});
