import { describe, expect, it } from 'vitest';
import { SaveTracker } from '../../../lib/sync/SaveTracker';
import { restoreFromLocalCopy } from '../../../lib/offline/localDocumentSyncState';

const CLIENT = 42;
const sv = (...pairs: [number, number][]) => new Map(pairs);
const added = (clock: number) => ({ client: CLIENT, clock, addedContent: true });
const deleted = (clock: number) => ({ client: CLIENT, clock, addedContent: false });

/** Connected and synced; the handshake's step 2 already answered. */
function syncedTracker(now = () => 1000) {
  const tracker = new SaveTracker({ now });
  tracker.connectionChanged('connected');
  tracker.syncStep2Sent();
  tracker.syncedChanged(true);
  tracker.acknowledge(sv());
  return tracker;
}

describe('SaveTracker', () => {
  it('is connecting until the first sync, then saved', () => {
    const tracker = new SaveTracker({ now: () => 5 });
    expect(tracker.status()).toEqual({ kind: 'connecting' });
    tracker.connectionChanged('connected');
    expect(tracker.status()).toEqual({ kind: 'connecting' });
    expect(tracker.hasSynced).toBe(false);
    tracker.syncedChanged(true);
    expect(tracker.status()).toEqual({ kind: 'saved', savedAt: 5 });
    expect(tracker.hasSynced).toBe(true);
  });

  it('counts local changes as pending until an acknowledgement covers their clock', () => {
    let now = 1000;
    const tracker = syncedTracker(() => now);
    tracker.localChange(added(3), true);
    tracker.localChange(added(5), true);
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 2 });

    now = 2000;
    tracker.acknowledge(sv([CLIENT, 3]));
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 1 });

    now = 3000;
    tracker.acknowledge(sv([CLIENT, 5], [7, 100]));
    expect(tracker.status()).toEqual({ kind: 'saved', savedAt: 3000 });
  });

  it('is not fooled by an acknowledgement of another client’s clock', () => {
    const tracker = syncedTracker();
    tracker.localChange(added(4), true);
    tracker.acknowledge(sv([CLIENT + 1, 99]));
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 1 });
  });

  it('never moves an acknowledged clock backwards', () => {
    const tracker = syncedTracker();
    tracker.acknowledge(sv([CLIENT, 10]));
    tracker.acknowledge(sv([CLIENT, 2]));
    tracker.localChange(added(8), true);
    tracker.acknowledge(sv([CLIENT, 2]));
    expect(tracker.pending).toBe(0);
  });

  it('matches a deletion-only change to the acknowledgement of its own message', () => {
    const tracker = syncedTracker();
    tracker.localChange(added(5), true); // message 2 on this connection
    tracker.localChange(deleted(5), true); // message 3
    tracker.acknowledge(sv([CLIENT, 5])); // answers message 2
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 1 });
    tracker.acknowledge(sv()); // answers message 3
    expect(tracker.status().kind).toBe('saved');
  });

  it('sends changes made while disconnected in the next sync step 2, and confirms them by its answer', () => {
    const tracker = syncedTracker();
    tracker.connectionChanged('disconnected');
    tracker.localChange(deleted(5), false);
    tracker.localChange(added(9), false);
    expect(tracker.status()).toEqual({ kind: 'reconnecting', pending: 2 });

    tracker.connectionChanged('connecting');
    tracker.connectionChanged('connected');
    tracker.localChange(deleted(9), true); // message 1, sent before the server's step 1 arrived
    tracker.syncStep2Sent(); // message 2 carries the two older changes
    tracker.syncedChanged(true);
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 3 });
    tracker.acknowledge(sv());
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 2 });
    tracker.acknowledge(sv([CLIENT, 9]));
    expect(tracker.status().kind).toBe('saved');
  });

  it('re-sends a change whose connection dropped before the answer', () => {
    const tracker = syncedTracker();
    tracker.localChange(deleted(0), true);
    tracker.connectionChanged('disconnected');
    tracker.connectionChanged('connected');
    tracker.acknowledge(sv()); // an answer to nothing we sent on this connection yet
    expect(tracker.pending).toBe(1);
    tracker.syncStep2Sent();
    tracker.acknowledge(sv());
    expect(tracker.pending).toBe(0);
  });

  it('counts other outgoing updates when numbering messages', () => {
    const tracker = syncedTracker();
    tracker.updateSent();
    tracker.localChange(deleted(0), true);
    tracker.acknowledge(sv());
    expect(tracker.pending).toBe(1);
    tracker.acknowledge(sv());
    expect(tracker.pending).toBe(0);
  });

  it('says offline when the browser is offline, keeping the pending count', () => {
    const tracker = syncedTracker();
    tracker.localChange(added(1), true);
    tracker.onlineChanged(false);
    expect(tracker.status()).toEqual({ kind: 'offline', pending: 1 });
    tracker.onlineChanged(true);
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 1 });
  });

  it('reports a final close with its code, above everything else', () => {
    const tracker = syncedTracker();
    tracker.onlineChanged(false);
    tracker.closed(4403, 'forbidden');
    expect(tracker.status()).toEqual({ kind: 'closed', code: 4403, reason: 'forbidden', pending: 0 });
  });

  it('keeps the same status object while nothing changes and notifies subscribers', () => {
    const tracker = syncedTracker();
    let calls = 0;
    const unsubscribe = tracker.subscribe(() => calls++);
    const before = tracker.status();
    tracker.onlineChanged(true);
    expect(tracker.status()).toBe(before);
    tracker.localChange(added(1), true);
    expect(tracker.status()).not.toBe(before);
    unsubscribe();
    tracker.acknowledge(sv([CLIENT, 1]));
    expect(calls).toBe(2);
  });
});

describe('SaveTracker across reloads', () => {
  it('gives back what it has not confirmed, and takes it again as unsent', () => {
    const first = syncedTracker();
    first.localChange(added(3), true);
    first.localChange(deleted(3), true);
    first.acknowledge(sv([CLIENT + 1, 2]));
    const saved = first.saved();
    expect(saved.pending).toEqual([added(3), deleted(3)]);
    expect(saved.confirmed).toEqual(sv([CLIENT + 1, 2]));

    const second = new SaveTracker({ now: () => 50 });
    second.restore(saved);
    expect(second.status()).toEqual({ kind: 'connecting', pending: 2 });
    second.onlineChanged(false);
    expect(second.status()).toEqual({ kind: 'offline', pending: 2 });
    second.onlineChanged(true);
    second.connectionChanged('connected');
    second.syncStep2Sent(sv());
    second.syncedChanged(true);
    expect(second.status()).toEqual({ kind: 'saving', pending: 2 });
    second.acknowledge(sv([CLIENT, 3]));
    expect(second.status()).toEqual({ kind: 'saved', savedAt: 50 });
  });

  it('keeps content that came from the server as confirmed (no phantom changes after a reload), but never vouches for its own', () => {
    const tracker = syncedTracker();
    tracker.localChange(added(4), false);
    let notified = 0;
    tracker.subscribe(() => notified++);
    tracker.remoteContent(sv([7, 12], [CLIENT, 9]));
    expect(notified).toBe(1);
    tracker.remoteContent(sv([7, 3]));
    expect(notified).toBe(1);
    const kept = tracker.saved();
    expect(kept.confirmed.get(7)).toBe(12);
    expect(kept.confirmed.get(CLIENT)).toBeUndefined();
    expect(kept.pending).toEqual([added(4)]);
    expect(restoreFromLocalCopy(sv([7, 12], [CLIENT, 4]), kept).pending).toEqual([added(4)]);
  });

  it('does not count a restored change twice, nor one the restored clocks confirm', () => {
    const tracker = new SaveTracker();
    tracker.restore({ pending: [added(3), added(3), added(2)], confirmed: sv([CLIENT, 2]) });
    expect(tracker.pending).toBe(1);
  });

  it('only trusts the server’s step 1 once the step 2 that answered it is acknowledged', () => {
    const tracker = new SaveTracker();
    tracker.restore({ pending: [added(5)], confirmed: sv() });
    tracker.connectionChanged('connected');
    tracker.updateSent(); // message 1
    tracker.syncStep2Sent(sv([CLIENT, 5])); // message 2
    tracker.acknowledge(sv()); // answers message 1 only
    expect(tracker.pending).toBe(1);
    tracker.connectionChanged('disconnected'); // the evidence dies with its connection
    tracker.connectionChanged('connected');
    tracker.acknowledge(sv());
    tracker.acknowledge(sv());
    expect(tracker.pending).toBe(1);
  });
});
