import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../server/sync/Connection';
import { RoomAwareness } from '../../../server/sync/RoomAwareness';

const connection = () => ({ awarenessClients: new Set<number>() }) as unknown as Connection;
const state = (clientId: number, clock: number, value: unknown) => ({ clientId, clock, json: JSON.stringify(value) });

describe('RoomAwareness', () => {
  it('lets a connection speak for one awareness client only', () => {
    const awareness = new RoomAwareness({ maxStateBytes: 1024, replayMaxBytes: 10_000 });
    const reader = connection();
    const { accepted } = awareness.apply(reader, [state(1, 1, { a: 1 }), state(2, 1, { b: 1 })]);
    expect(accepted.map((e) => e.clientId)).toEqual([1]);
    expect(awareness.apply(reader, [state(2, 2, { b: 2 })]).accepted).toEqual([]);
  });

  it('refuses a state over the size limit', () => {
    const awareness = new RoomAwareness({ maxStateBytes: 100, replayMaxBytes: 10_000 });
    const result = awareness.apply(connection(), [state(1, 1, { big: 'x'.repeat(200) })]);
    expect(result).toEqual({ accepted: [], oversized: 1 });
  });

  it('replays at most the replay limit', () => {
    const awareness = new RoomAwareness({ maxStateBytes: 1024, replayMaxBytes: 2500 });
    for (let id = 1; id <= 5; id++) awareness.apply(connection(), [state(id, 1, { pad: 'p'.repeat(1000) })]);
    const frame = awareness.encodeAll();
    expect(frame).not.toBeNull();
    expect(frame!.byteLength).toBeLessThan(2600);
    expect(frame!.byteLength).toBeGreaterThan(2000);
  });

  it('expires states not renewed in time, and takes the renewal back', () => {
    let now = 0;
    const awareness = new RoomAwareness({ maxStateBytes: 1024, replayMaxBytes: 10_000 }, () => now);
    const silent = connection();
    const talking = connection();
    awareness.apply(silent, [state(1, 1, { a: 1 })]);
    awareness.apply(talking, [state(2, 1, { b: 1 })]);
    now = 20_000;
    awareness.apply(talking, [state(2, 2, { b: 2 })]);
    now = 40_000;
    expect(awareness.expire(30_000)).toEqual([expect.objectContaining({ clientId: 1, clock: 1, json: 'null' })]);
    expect(awareness.expire(30_000)).toEqual([]);
    expect(awareness.hasLive()).toBe(true);
    expect(awareness.apply(silent, [state(1, 2, { a: 2 })]).accepted).toHaveLength(1);
    // Another connection still cannot take the expired client over.
    expect(awareness.apply(talking, [state(1, 3, { a: 3 })]).accepted).toEqual([]);
  });
});
