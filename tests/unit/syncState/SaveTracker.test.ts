import { describe, expect, it } from 'vitest';
import { SaveTracker } from '../../../lib/sync/SaveTracker.js';

const CLIENT = 42;
const sv = (...pairs: [number, number][]) => new Map(pairs);

function syncedTracker(now = () => 1000) {
  const tracker = new SaveTracker({ now });
  tracker.connectionChanged('connected');
  tracker.syncedChanged(true);
  return tracker;
}

describe('SaveTracker', () => {
  it('is connecting until the first sync, then saved', () => {
    const tracker = new SaveTracker({ now: () => 5 });
    expect(tracker.status()).toEqual({ kind: 'connecting' });
    tracker.connectionChanged('connected');
    expect(tracker.status()).toEqual({ kind: 'connecting' });
    tracker.syncedChanged(true);
    expect(tracker.status()).toEqual({ kind: 'saved', savedAt: 5 });
  });

  it('counts local changes as pending until an acknowledgement covers their clock', () => {
    let now = 1000;
    const tracker = syncedTracker(() => now);
    tracker.localChange({ client: CLIENT, clock: 3, addedContent: true });
    tracker.localChange({ client: CLIENT, clock: 5, addedContent: true });
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
    tracker.localChange({ client: CLIENT, clock: 4, addedContent: true });
    tracker.acknowledge(sv([CLIENT + 1, 99]));
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 1 });
  });

  it('never moves an acknowledged clock backwards', () => {
    const tracker = syncedTracker();
    tracker.acknowledge(sv([CLIENT, 10]));
    tracker.acknowledge(sv([CLIENT, 2]));
    tracker.localChange({ client: CLIENT, clock: 8, addedContent: true });
    // Stored before (the change re-announces clocks the server already has): saved at the next ack.
    tracker.acknowledge(sv([CLIENT, 2]));
    expect(tracker.pending).toBe(0);
  });

  it('confirms a deletion-only change by the first acknowledgement after it was sent', () => {
    const tracker = syncedTracker();
    tracker.acknowledge(sv([CLIENT, 5]));
    tracker.localChange({ client: CLIENT, clock: 5, addedContent: false });
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 1 });
    tracker.acknowledge(sv([CLIENT, 5]));
    expect(tracker.status().kind).toBe('saved');
  });

  it('sends changes made while disconnected at the next sync, and confirms them only after that', () => {
    const tracker = syncedTracker();
    tracker.syncedChanged(false);
    tracker.connectionChanged('disconnected');
    tracker.localChange({ client: CLIENT, clock: 5, addedContent: false });
    tracker.localChange({ client: CLIENT, clock: 9, addedContent: true });
    expect(tracker.status()).toEqual({ kind: 'reconnecting', pending: 2 });

    tracker.connectionChanged('connected');
    // An acknowledgement sent at connect time, before our sync step 2 reached the server.
    tracker.acknowledge(sv([CLIENT, 5]));
    expect(tracker.status()).toEqual({ kind: 'reconnecting', pending: 2 });

    tracker.syncedChanged(true);
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 2 });
    tracker.acknowledge(sv([CLIENT, 9]));
    expect(tracker.status().kind).toBe('saved');
  });

  it('re-sends an unacknowledged deletion after a dropped connection', () => {
    const tracker = syncedTracker();
    tracker.localChange({ client: CLIENT, clock: 0, addedContent: false });
    tracker.syncedChanged(false);
    tracker.acknowledge(sv()); // late frame from the old connection: proves nothing about the deletion
    tracker.syncedChanged(true);
    expect(tracker.pending).toBe(1);
    tracker.acknowledge(sv());
    expect(tracker.pending).toBe(0);
  });

  it('says offline when the browser is offline, keeping the pending count', () => {
    const tracker = syncedTracker();
    tracker.localChange({ client: CLIENT, clock: 1, addedContent: true });
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
    tracker.connectionChanged('connected');
    expect(tracker.status()).toBe(before);
    tracker.localChange({ client: CLIENT, clock: 1, addedContent: true });
    expect(tracker.status()).not.toBe(before);
    unsubscribe();
    tracker.acknowledge(sv([CLIENT, 1]));
    expect(calls).toBe(2);
  });
});
