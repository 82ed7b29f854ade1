/**
 * The in-process cluster bus (lib/sync/LocalClusterBus): two sync servers in one process on shared
 * stores behave as two nodes over Redis do, and a follower that fell behind a capped stream is told.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { createLocalCluster } from '../../lib/sync/LocalClusterBus';
import { STREAM_START } from '../../lib/sync/ClusterBus';
import { MemoryDocumentStore } from '../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../server/storage/MemoryMetadataStore';
import { startSyncServer } from '../helpers/startSyncServer';
import { connectProvider } from '../helpers/connectProvider';
import { waitFor, waitForAwareness, waitForDoc } from '../helpers/waitFor';

describe('two nodes over the in-process bus', () => {
  it('converge edits and presence made through either node', async () => {
    const hub = createLocalCluster();
    const store = new MemoryDocumentStore();
    const metadata = new MemoryMetadataStore();
    const a = await startSyncServer({ store, metadata, cluster: hub.node('a') });
    const b = await startSyncServer({ store, metadata, accountStore: a.accountStore, cluster: hub.node('b') });
    const id = await a.createDocument('lokal-1');
    const token = await a.token(id, 'edit');
    const onA = connectProvider(a.url, id, { token });
    const onB = connectProvider(b.url, id, { token });
    onTestFinished(() => {
      onA.destroy();
      onB.destroy();
    });
    await Promise.all([onA.synced(), onB.synced()]);
    const recordsBefore = store.stats(id).records;
    onA.doc.getText('t').insert(0, 'A');
    await waitForDoc(onB.doc, (d) => d.getText('t').toString() === 'A', { what: 'A’s edit on B' });
    // Stored once, by node A; node B applied and relayed it without storing it again.
    expect(store.stats(id).records).toBe(recordsBefore + 1);
    onB.doc.getText('t').insert(1, 'B');
    await waitForDoc(onA.doc, (d) => d.getText('t').toString() === 'AB', { what: 'B’s edit on A' });
    onB.provider.awareness.setLocalStateField('cursor', 1);
    await waitForAwareness(onA.provider.awareness, (states) => states.get(onB.doc.clientID)?.cursor === 1, { what: 'B’s cursor on A' });
  });

  it('tells a follower that fell behind the capped stream, and moves it to the end', async () => {
    const hub = createLocalCluster({ streamMaxLength: 5 });
    const a = hub.node('a');
    const b = hub.node('b');
    for (let i = 1; i <= 20; i++) await a.publishUpdate('d', new Uint8Array([i]));
    const seen: number[] = [];
    let gaps = 0;
    let recheck = () => {};
    b.follow('d', STREAM_START, {
      updates: (updates) => {
        for (const update of updates) seen.push(update[0] as number);
        recheck();
      },
      gap: () => {
        gaps++;
        recheck();
      },
    });
    const changed = (again: () => void) => {
      recheck = again;
      return () => (recheck = () => {});
    };
    await waitFor(() => gaps === 1, changed, { what: 'the gap' });
    await a.publishUpdate('d', new Uint8Array([21]));
    await waitFor(() => seen.length === 1, changed, { what: 'the next update' });
    expect(seen).toEqual([21]);
    // From a position within what the stream keeps: no gap, the rest in order.
    const c = hub.node('c');
    const fromC: number[] = [];
    c.follow('d', '0-18', {
      updates: (updates) => {
        fromC.push(...updates.map((u) => u[0] as number));
        recheck();
      },
      gap: () => fromC.push(-1),
    });
    await waitFor(() => fromC.length === 3, changed, { what: 'three updates at c' });
    expect(fromC).toEqual([19, 20, 21]);
  });
});
