/** The adaptive group-commit window: pure with given times, then in a file store with an injected clock. */
import { afterEach, describe, expect, it } from 'vitest';
import { CommitDelay } from '../../../server/storage/CommitDelay';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('commit-delay');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('CommitDelay', () => {
  it('holds a batch open only when enough appends came within the lookback', () => {
    const delay = new CommitDelay({ windowMs: 2, siblings: 3, lookbackMs: 20 });
    // A quiet document: no siblings yet.
    expect([0, 5, 10].map((t) => delay.arrive(t))).toEqual([0, 0, 0]);
    // Three before it within 20 ms (at 0, 5 and 10): busy.
    expect(delay.arrive(15)).toBe(2);
    expect(delay.arrive(16)).toBe(2);
    // The third-last arrival (10) is 21 ms back: quiet again.
    expect(delay.arrive(31)).toBe(0);
    // A long pause, then a burst: busy once three precede within the lookback.
    expect([1000, 1001, 1002, 1003].map((t) => delay.arrive(t))).toEqual([0, 0, 0, 2]);
  });

  it('never holds with a zero window, and counts one sibling with siblings 1', () => {
    const never = new CommitDelay({ windowMs: 0, siblings: 1, lookbackMs: 100 });
    expect([0, 1, 2].map((t) => never.arrive(t))).toEqual([0, 0, 0]);
    const one = new CommitDelay({ windowMs: 3, siblings: 1, lookbackMs: 10 });
    expect([0, 10, 21, 25].map((t) => one.arrive(t))).toEqual([0, 3, 0, 3]);
  });
});

describe('FileDocumentStore with a busy window', () => {
  const open: FileDocumentStore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  it('writes a quiet document at once and gathers a busy one’s appends from several turns into one write', async () => {
    let now = 0;
    // A window far longer than the test: a held batch is written only by the flush below.
    const store = new FileDocumentStore({
      dir: await tempDir(),
      groupCommitMs: 0,
      busyWindow: { windowMs: 60_000, siblings: 2, lookbackMs: 10 },
      clock: () => now,
    });
    open.push(store);
    // Fewer than two appends before each: written at once, one write each.
    await store.append('doc', bytes('a'));
    await store.append('doc', bytes('b'));
    expect(store.io.logWrites).toBe(2);

    // Busy now: the batch stays open across turns, and nothing in it resolves before it is written.
    const settled: string[] = [];
    const c = store.append('doc', bytes('c')).then(() => settled.push('c'));
    await new Promise((resolve) => setImmediate(resolve));
    const d = store.append('doc', bytes('d')).then(() => settled.push('d'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual([]);
    expect(store.io.logWrites).toBe(2);
    await store.flush('doc');
    await Promise.all([c, d]);
    expect(settled).toEqual(['c', 'd']);
    expect(store.io.logWrites).toBe(3);

    // Quiet again (the last two appends are far back): written at once, no flush needed.
    now = 1000;
    await store.append('doc', bytes('e'));
    expect(store.io.logWrites).toBe(4);
    const texts = (await store.load('doc'))?.map((update) => new TextDecoder().decode(update));
    expect(texts).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
