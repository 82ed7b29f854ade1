import { describe, expect, it } from 'vitest';
import { decideLocalCopy, epochForConnect, isEpoch } from '../../../lib/offline/localDocumentEpoch';

describe('decideLocalCopy', () => {
  it('opens a first visit (empty copy, no epoch) from the server', () => {
    expect(decideLocalCopy({ storedEpoch: null, pageEpoch: 1, hasContent: false })).toEqual({ kind: 'fresh' });
    expect(decideLocalCopy({ storedEpoch: null, pageEpoch: null, hasContent: false })).toEqual({ kind: 'fresh' });
  });

  it('waits for the server when the copy has an epoch but no content yet (a first open cut short)', () => {
    expect(decideLocalCopy({ storedEpoch: 2, pageEpoch: 2, hasContent: false })).toEqual({ kind: 'fresh' });
    expect(decideLocalCopy({ storedEpoch: 2, pageEpoch: null, hasContent: false })).toEqual({ kind: 'fresh' });
  });

  it('opens a copy of the page’s epoch from the local copy', () => {
    expect(decideLocalCopy({ storedEpoch: 2, pageEpoch: 2, hasContent: true })).toEqual({ kind: 'local', epoch: 2 });
  });

  it('trusts the copy when the page does not know the epoch (served offline); the server checks at connect', () => {
    expect(decideLocalCopy({ storedEpoch: 4, pageEpoch: null, hasContent: true })).toEqual({ kind: 'local', epoch: 4 });
  });

  it('sets aside a copy of an older (or any other) epoch', () => {
    expect(decideLocalCopy({ storedEpoch: 1, pageEpoch: 2, hasContent: true })).toEqual({ kind: 'stale', localEpoch: 1, serverEpoch: 2 });
    expect(decideLocalCopy({ storedEpoch: 3, pageEpoch: 2, hasContent: true })).toEqual({ kind: 'stale', localEpoch: 3, serverEpoch: 2 });
  });

  it('never merges content whose epoch is unknown', () => {
    expect(decideLocalCopy({ storedEpoch: null, pageEpoch: 2, hasContent: true })).toEqual({
      kind: 'stale',
      localEpoch: null,
      serverEpoch: 2,
    });
  });
});

describe('epochForConnect', () => {
  it('names the server’s epoch for a doc with no history yet', () => {
    expect(epochForConnect(null, 3)).toBe(3);
    expect(epochForConnect(null, null)).toBeNull();
  });

  it('keeps naming the pinned epoch, also when the server’s is unknown', () => {
    expect(epochForConnect(2, 2)).toBe(2);
    expect(epochForConnect(2, null)).toBe(2);
  });

  it('says stale when the server moved on since the doc was pinned', () => {
    expect(epochForConnect(2, 3)).toBe('stale');
  });
});

describe('isEpoch', () => {
  it('accepts integers from 1 and nothing else', () => {
    expect([1, 2, 9_007_199_254_740_991].every(isEpoch)).toBe(true);
    expect([0, -1, 1.5, Number.NaN, Infinity, '1', null, undefined, 2 ** 60].some(isEpoch)).toBe(false);
  });
});
