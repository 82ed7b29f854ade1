import { describe, expect, it } from 'vitest';
import {
  MAX_STORED_PENDING,
  decodeSyncState,
  encodeSyncState,
  mergeSyncStates,
  restoreFromLocalCopy,
} from '../../../lib/offline/localDocumentSyncState';
import { SaveTracker } from '../../../lib/sync/SaveTracker';

const added = (client: number, clock: number) => ({ client, clock, addedContent: true });
const deleted = (client: number, clock: number) => ({ client, clock, addedContent: false });
const sv = (...pairs: [number, number][]) => new Map(pairs);

describe('restoreFromLocalCopy (the pending count after a reload)', () => {
  it('keeps stored changes the server has not confirmed, and drops confirmed ones', () => {
    const stored = { pending: [added(1, 3), added(1, 8), deleted(1, 8)], confirmed: sv([1, 3]) };
    const restored = restoreFromLocalCopy(sv([1, 8]), stored);
    expect(restored.pending).toEqual([added(1, 8), deleted(1, 8)]);
    expect(restored.confirmed).toEqual(sv([1, 3]));
  });

  it('counts content nobody accounts for as pending (a write that did not land before the tab closed)', () => {
    const stored = { pending: [added(1, 5)], confirmed: sv([1, 2], [7, 40]) };
    // The copy holds client 1 up to 9 (4 more than recorded), client 7 up to 40 (confirmed), client 8 (unknown).
    const restored = restoreFromLocalCopy(sv([1, 9], [7, 40], [8, 3]), stored);
    expect(restored.pending).toEqual([added(1, 5), added(1, 9), added(8, 3)]);
  });

  it('with no record at all, counts every client of a non-empty copy until the server confirms it', () => {
    expect(restoreFromLocalCopy(sv([1, 4], [2, 6]), null).pending).toEqual([added(1, 4), added(2, 6)]);
    expect(restoreFromLocalCopy(sv(), null).pending).toEqual([]);
  });

  it('never lets the tracker say "saved" before the server confirmed the restored changes', () => {
    const tracker = new SaveTracker({ now: () => 9 });
    tracker.restore(restoreFromLocalCopy(sv([1, 9]), { pending: [deleted(1, 9)], confirmed: sv() }));
    tracker.connectionChanged('connected');
    // The server had nothing of client 1; our step 2 carries both.
    tracker.syncStep2Sent(sv());
    tracker.syncedChanged(true);
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 2 });
    tracker.acknowledge(sv([1, 9]));
    expect(tracker.status()).toEqual({ kind: 'saved', savedAt: 9 });
  });

  it('confirms restored content the server already had by the answer to the step 2 that followed its step 1', () => {
    const tracker = new SaveTracker({ now: () => 9 });
    tracker.restore(restoreFromLocalCopy(sv([1, 9], [2, 4]), null));
    tracker.connectionChanged('connected');
    tracker.syncStep2Sent(sv([1, 9], [2, 4]));
    tracker.syncedChanged(true);
    expect(tracker.pending).toBe(2);
    tracker.acknowledge(sv());
    expect(tracker.status()).toEqual({ kind: 'saved', savedAt: 9 });
  });
});

describe('mergeSyncStates (two tabs on one copy)', () => {
  it('replaces the owned clients’ changes, keeps the other tab’s, and raises confirmed clocks', () => {
    const stored = { pending: [added(1, 4), deleted(2, 3), added(3, 1)], confirmed: sv([1, 1], [5, 9]) };
    const mine = { pending: [added(1, 6)], confirmed: sv([1, 2], [5, 3]) };
    const merged = mergeSyncStates(stored, mine, new Set([1, 3]));
    expect(merged.pending).toEqual([deleted(2, 3), added(1, 6)]);
    expect(merged.confirmed).toEqual(sv([1, 2], [5, 9]));
  });

  it('drops content changes that the merged clocks confirm', () => {
    const merged = mergeSyncStates({ pending: [added(2, 5)], confirmed: sv() }, { pending: [], confirmed: sv([2, 5]) }, new Set([1]));
    expect(merged.pending).toEqual([]);
  });
});

describe('encodeSyncState / decodeSyncState', () => {
  it('round-trips', () => {
    const state = { pending: [added(1, 4), deleted(1, 4)], confirmed: sv([1, 2], [3, 3]) };
    expect(decodeSyncState(structuredClone(encodeSyncState(state)))).toEqual(state);
  });

  it('stores a very long list merged per client and kind', () => {
    const pending = Array.from({ length: MAX_STORED_PENDING + 1 }, (_, i) => (i % 2 ? added(1, i) : deleted(2, i)));
    const decoded = decodeSyncState(encodeSyncState({ pending, confirmed: sv() }));
    expect(decoded?.pending).toEqual([deleted(2, MAX_STORED_PENDING), added(1, MAX_STORED_PENDING - 1)]);
  });

  it('reads anything malformed as no record', () => {
    for (const bad of [
      null,
      'x',
      {},
      { v: 2, confirmed: [], pending: [] },
      { v: 1, confirmed: [[1]], pending: [] },
      { v: 1, confirmed: [[1, -2]], pending: [] },
      { v: 1, confirmed: [], pending: [[1, 2, 3]] },
      { v: 1, confirmed: [], pending: [[1, 2.5, 1]] },
      { v: 1, confirmed: 'nej', pending: [] },
    ]) {
      expect(decodeSyncState(bad)).toBeNull();
    }
  });
});
