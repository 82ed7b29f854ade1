/**
 * ClusterRelay.sweep over the in-process bus (lib/sync/LocalClusterBus.ts) and an in-memory relay
 * ledger with the PostgreSQL ledger's semantics (claim with a lease, mark published once `publish`
 * resolved, nothing marked when it threw): updates some node stored and nobody published reach the
 * other nodes' rooms and the sweeping node's own room; fresh ones are left to their own node; a
 * failed publish leaves them for the next sweep; sweeps repeat while they find full batches.
 * Here rather than in tests/unit/scaleout/ (the services project, which starts PostgreSQL and
 * Redis): it needs neither.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLocalCluster } from '../../../lib/sync/LocalClusterBus';
import type { ClusterBus } from '../../../lib/sync/ClusterBus';
import type { RelayLedger, UnrelayedUpdate } from '../../../lib/sync/RelayLedger';
import { ClusterRelay } from '../../../server/scaleout/ClusterRelay';
import type { ClusterRoom } from '../../../server/sync/RoomCluster';
import { recordingLogger, type RecordingLogger } from '../../helpers/recordingLogger';

const STALE_MS = 15_000;

interface Row {
  readonly documentId: string;
  readonly update: Uint8Array;
  storedAt: number;
  relayed: boolean;
}

/** The ledger as PgDocumentStore keeps it (a `relayed` flag and `stored_at` per row), on a clock the test moves. */
class MemoryLedger implements RelayLedger {
  now = 0;
  readonly rows: Row[] = [];

  store(documentId: string, update: Uint8Array): void {
    this.rows.push({ documentId, update, storedAt: this.now, relayed: false });
  }

  relayed(_documentId: string, update: Uint8Array): void {
    const row = this.rows.find((candidate) => candidate.update === update);
    if (row) row.relayed = true;
  }

  async publishStale(olderThanMs: number, limit: number, publish: (updates: readonly UnrelayedUpdate[]) => Promise<void>): Promise<number> {
    const claimed = this.rows.filter((row) => !row.relayed && row.storedAt <= this.now - olderThanMs).slice(0, limit);
    // The lease: claimed rows look fresh to every other sweep until it runs out.
    for (const row of claimed) row.storedAt = this.now;
    if (claimed.length === 0) return 0;
    await publish(claimed.map(({ documentId, update }) => ({ documentId, update })));
    for (const row of claimed) row.relayed = true;
    return claimed.length;
  }

  unpublished(): number {
    return this.rows.filter((row) => !row.relayed).length;
  }
}

/** A room that keeps what the relay applies to it and resolves `next(n)` once it has n updates. */
function recordingRoom(id: string) {
  const applied: Uint8Array[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const room: ClusterRoom & { applied: Uint8Array[]; received(count: number): Promise<void> } = {
    id,
    applied,
    applyRemote(updates) {
      applied.push(...updates);
      for (const waiter of waiters.filter((w) => applied.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    relayRemotePresence: () => undefined,
    received(count) {
      return applied.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
  return room;
}

/** A real Yjs update: `text` typed into a fresh document. */
function typed(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

const relays: ClusterRelay[] = [];
const buses: ClusterBus[] = [];

function relayOn(bus: ClusterBus, options: { ledger?: RelayLedger; logger?: RecordingLogger } = {}): ClusterRelay {
  buses.push(bus);
  const relay = new ClusterRelay({
    bus,
    store: { load: async () => null },
    logger: options.logger ?? recordingLogger(),
    presence: { timeoutMs: 60_000, replayMaxBytes: 10_000 },
    deliverCommentsChanged: () => undefined,
    applyAccessChange: () => undefined,
    ...(options.ledger && { ledger: options.ledger }),
    staleAfterMs: STALE_MS,
    // Swept by the test, not by the timer.
    sweepIntervalMs: 60 * 60_000,
  });
  relays.push(relay);
  return relay;
}

async function openRoom(relay: ClusterRelay, id: string) {
  const room = recordingRoom(id);
  await relay.opening(room);
  relay.opened(room);
  return room;
}

afterEach(async () => {
  for (const relay of relays.splice(0)) relay.close();
  for (const bus of buses.splice(0)) await bus.close();
});

describe('ClusterRelay.sweep', () => {
  it('publishes what a node stored and never published, to the other nodes and its own room, once', async () => {
    const hub = createLocalCluster();
    const ledger = new MemoryLedger();
    const logger = recordingLogger();
    const sweeper = relayOn(hub.node('b'), { ledger, logger });
    const watcher = relayOn(hub.node('c'));
    const sweeperRoom = await openRoom(sweeper, 'doc1');
    const watcherRoom = await openRoom(watcher, 'doc1');

    // Node "a" stored this update and died before publishing it.
    const orphan = typed('stored, never published');
    ledger.store('doc1', orphan);
    ledger.now = STALE_MS;

    expect(await sweeper.sweep()).toBe(1);
    // The bus never hands a node what it published itself: the sweeper applied it to its own room.
    expect(sweeperRoom.applied).toEqual([orphan]);
    await watcherRoom.received(1);
    expect(watcherRoom.applied).toEqual([orphan]);
    expect(ledger.unpublished()).toBe(0);
    expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([
      { level: 'warn', obj: { updates: 1 }, msg: 'published stored updates their own node never published' },
    ]);

    // Marked published: the next sweep has nothing to do, and says nothing.
    ledger.now += STALE_MS;
    expect(await sweeper.sweep()).toBe(0);
    expect(sweeperRoom.applied).toHaveLength(1);
    expect(logger.lines).toHaveLength(1);
  });

  it('leaves an update younger than staleAfterMs to its own node', async () => {
    const hub = createLocalCluster();
    const ledger = new MemoryLedger();
    const sweeper = relayOn(hub.node(), { ledger });
    const room = await openRoom(sweeper, 'doc1');
    ledger.store('doc1', typed('just stored'));
    ledger.now = STALE_MS - 1;

    expect(await sweeper.sweep()).toBe(0);
    expect(room.applied).toEqual([]);
    expect(ledger.unpublished()).toBe(1);
  });

  it('publishes the orphans of every document and applies those of the rooms it holds', async () => {
    const hub = createLocalCluster();
    const ledger = new MemoryLedger();
    const sweeper = relayOn(hub.node(), { ledger });
    const watcher = relayOn(hub.node());
    const held = await openRoom(sweeper, 'held');
    const elsewhere = await openRoom(watcher, 'other');
    const forHeld = typed('held');
    const forOther = typed('other');
    ledger.store('held', forHeld);
    ledger.store('other', forOther);
    ledger.now = STALE_MS;

    expect(await sweeper.sweep()).toBe(2);
    expect(held.applied).toEqual([forHeld]);
    await elsewhere.received(1);
    expect(elsewhere.applied).toEqual([forOther]);
  });

  it('goes on while it finds full batches, in the order the updates were stored', async () => {
    const hub = createLocalCluster({ streamMaxLength: 10_000 });
    const ledger = new MemoryLedger();
    const sweeper = relayOn(hub.node(), { ledger });
    const room = await openRoom(sweeper, 'doc1');
    const updates = Array.from({ length: 450 }, (_, i) => typed(`update ${i}`));
    for (const update of updates) ledger.store('doc1', update);
    ledger.now = STALE_MS;

    // 200 per batch (SWEEP_BATCH): 200, 200, 50.
    expect(await sweeper.sweep()).toBe(450);
    expect(room.applied).toEqual(updates);
    expect(ledger.unpublished()).toBe(0);
  });

  it('keeps what it could not publish for a later sweep, after the lease', async () => {
    const hub = createLocalCluster();
    const ledger = new MemoryLedger();
    const logger = recordingLogger();
    const bus = hub.node();
    const sweeper = relayOn(bus, { ledger, logger });
    const orphan = typed('waiting');
    ledger.store('doc1', orphan);
    ledger.now = STALE_MS;
    // The bus is gone (Redis unreachable): publishing throws.
    await bus.close();

    expect(await sweeper.sweep()).toBe(0);
    expect(logger.lines.map((line) => line.level)).toEqual(['error']);
    expect(ledger.unpublished()).toBe(1);
    // Claimed with a lease: not again before it runs out…
    expect(await sweeper.sweep()).toBe(0);
    expect(logger.lines).toHaveLength(1);

    // …then another node, whose bus works, publishes it.
    const rescuer = relayOn(hub.node(), { ledger });
    const watcher = relayOn(hub.node());
    const watched = await openRoom(watcher, 'doc1');
    ledger.now += STALE_MS;
    expect(await rescuer.sweep()).toBe(1);
    await watched.received(1);
    expect(watched.applied).toEqual([orphan]);
    expect(ledger.unpublished()).toBe(0);
  });

  it('runs one sweep at a time: a call during one gets the same result', async () => {
    const hub = createLocalCluster();
    const ledger = new MemoryLedger();
    const sweeper = relayOn(hub.node(), { ledger });
    ledger.store('doc1', typed('once'));
    ledger.now = STALE_MS;

    const first = sweeper.sweep();
    const second = sweeper.sweep();
    expect(second).toBe(first);
    expect(await first).toBe(1);
    expect(await sweeper.sweep()).toBe(0);
  });

  it('does nothing without a ledger', async () => {
    const hub = createLocalCluster();
    const relay = relayOn(hub.node());
    expect(await relay.sweep()).toBe(0);
  });
});
