import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ControlledStore, gate } from '../../helpers/controlledStore';
import { createTestRegistry, textUpdate, type TestRegistry } from '../../helpers/testRegistry';
import { settle } from '../../helpers/tick';

let current: TestRegistry<ControlledStore> | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await current?.close();
  current = undefined;
});

async function setup(options: { idleUnloadMs?: number; maxBacklogBytes?: number } = {}): Promise<TestRegistry<ControlledStore>> {
  const store = new ControlledStore();
  store.holding = false;
  await store.append('doc', textUpdate('hello'));
  current = createTestRegistry({ store, ...options });
  return current;
}

describe('RoomRegistry: loading', () => {
  it('loads a room once for many connections and buffers what they send meanwhile', async () => {
    const { client, store, registry } = await setup();
    store.loadGate = gate();
    const a = client('doc');
    const b = client('doc');
    await settle();
    expect(registry.stats()).toMatchObject({ rooms: 1, connections: 2 });
    expect(registry.room('doc')?.state).toBe('loading');
    // Sent before the room is ready: replayed in order once it is.
    a.doc.getText('t').insert(0, 'early ');
    await settle();
    store.loadGate.open();
    await settle();
    expect(b.text).toBe(a.text);
    expect(a.text).toContain('early ');
    expect(a.text).toContain('hello');
  });

  it('closes only the connections of a document that fails to load, with 1011, and logs once', async () => {
    const { client, store, logger } = await setup();
    store.failLoadOf = 'broken';
    const a = client('broken');
    const b = client('broken');
    const good = client('doc');
    await settle();
    expect(a.socket.closedWith?.code).toBe(1011);
    expect(b.socket.closedWith?.code).toBe(1011);
    expect(good.socket.closedWith).toBeNull();
    expect(good.text).toBe('hello');
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    // A later connection tries again.
    store.failLoadOf = null;
    const c = client('broken');
    await settle();
    expect(c.socket.closedWith).toBeNull();
  });

  it('closes a connection that floods while its room loads (4413)', async () => {
    const { store, client } = await setup({ maxBacklogBytes: 64 });
    store.loadGate = gate();
    const flood = client('doc', { silent: true });
    const calm = client('doc');
    flood.send(new Uint8Array(100));
    await settle();
    expect(flood.socket.closedWith?.code).toBe(4413);
    store.loadGate.open();
    await settle();
    expect(calm.text).toBe('hello');
  });
});

describe('RoomRegistry: idle unload', () => {
  it('unloads a room after idleUnloadMs without connections, compacting its log', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client, registry, store, stored } = await setup({ idleUnloadMs: 5000 });
    const a = client('doc');
    await settle();
    a.doc.getText('t').insert(5, ' world');
    a.doc.getText('t').insert(11, '!');
    await settle();
    a.close();
    await settle();
    expect(registry.stats().rooms).toBe(1);
    vi.advanceTimersByTime(4999);
    await settle();
    expect(registry.stats().rooms).toBe(1);
    vi.advanceTimersByTime(1);
    await settle();
    expect(registry.stats().rooms).toBe(0);
    expect(store.compactions).toBe(1);
    expect(store.stats('doc').records).toBe(0);
    expect((await stored('doc')).getText('t').toString()).toBe('hello world!');
  });

  it('keeps a room that gets a connection before the timer fires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client, registry } = await setup({ idleUnloadMs: 5000 });
    client('doc').close();
    await settle();
    vi.advanceTimersByTime(3000);
    const b = client('doc');
    await settle();
    vi.advanceTimersByTime(5000);
    await settle();
    expect(registry.stats().rooms).toBe(1);
    expect(b.text).toBe('hello');
  });

  it('makes a connection that arrives during an unload wait for it, then loads a fresh room', async () => {
    const { client, registry, store } = await setup();
    const a = client('doc');
    await settle();
    a.doc.getText('t').insert(5, ' again');
    await settle();
    a.close();
    await settle();
    store.flushGate = gate();
    const oldRoom = registry.room('doc');
    const unloading = registry.unloadIfIdle('doc');
    expect(oldRoom?.state).toBe('unloading');
    const b = client('doc');
    await settle();
    expect(b.synced).toBe(false);
    store.flushGate.open();
    await unloading;
    await settle();
    const newRoom = registry.room('doc');
    expect(newRoom).toBeDefined();
    expect(newRoom).not.toBe(oldRoom);
    expect(oldRoom?.state).toBe('closed');
    expect(b.synced).toBe(true);
    expect(b.text).toBe('hello again');
  });
});

describe('RoomRegistry: close', () => {
  it('closes every connection with 1001, makes pending writes durable and unloads every room', async () => {
    const { client, registry, store, stored } = await setup();
    const a = client('doc');
    const other = client('other');
    await settle();
    store.holding = true;
    a.doc.getText('t').insert(5, ' there');
    await settle();
    expect(store.pending).toHaveLength(1);
    const closing = registry.close();
    expect(a.socket.closedWith?.code).toBe(1001);
    expect(other.socket.closedWith?.code).toBe(1001);
    store.releaseAll();
    await closing;
    expect(registry.stats()).toMatchObject({ rooms: 0, connections: 0 });
    expect((await stored('doc')).getText('t').toString()).toBe('hello there');
    const late = client('doc');
    expect(late.socket.closedWith?.code).toBe(1001);
  });
});

describe('RoomRegistry: epochs and releasing a document', () => {
  async function withEpochs() {
    const store = new ControlledStore();
    store.holding = false;
    await store.append('doc', textUpdate('hello'));
    const epochs = new Map([['doc', 1]]);
    current = createTestRegistry({ store, epochOf: async (id) => epochs.get(id) ?? 1 });
    return { ...current, epochs };
  }

  it('closes a connection that names another epoch with 4409 before the room sends anything', async () => {
    const { client } = await withEpochs();
    const stale = client('doc', { epoch: 2 });
    const same = client('doc', { epoch: 1 });
    const stock = client('doc');
    await settle();
    expect(stale.socket.closedWith).toEqual({ code: 4409, reason: 'document history was reset' });
    expect(stale.receivedTypes).toEqual([]);
    expect(same.text).toBe('hello');
    expect(stock.text).toBe('hello');
  });

  it('holds new connections while a document is released, then loads it afresh with the new epoch', async () => {
    const { client, registry, store, epochs } = await withEpochs();
    const live = client('doc', { epoch: 1 });
    await settle();
    expect(live.text).toBe('hello');
    const work = gate();
    const released = registry.whileReleased('doc', { code: 4409, reason: 'document history was reset' }, async () => {
      await work.promise;
      epochs.set('doc', 2);
      await store.compact('doc', textUpdate('fresh'));
      return 'done';
    });
    await settle();
    expect(live.socket.closedWith?.code).toBe(4409);
    expect(registry.room('doc')).toBeUndefined();
    // Arriving mid-reset: they wait (nothing received) and are judged by the epoch the reset leaves.
    const oldEpoch = client('doc', { epoch: 1 });
    const newEpoch = client('doc', { epoch: 2 });
    await settle();
    expect(oldEpoch.receivedTypes).toEqual([]);
    expect(newEpoch.receivedTypes).toEqual([]);
    expect(oldEpoch.socket.closedWith).toBeNull();
    work.open();
    expect(await released).toBe('done');
    await settle();
    expect(oldEpoch.socket.closedWith?.code).toBe(4409);
    expect(newEpoch.text).toBe('fresh');
  });

  it('reads a released document only once the work is done, never loading it meanwhile', async () => {
    const { registry, store, epochs } = await withEpochs();
    const work = gate();
    const released = registry.whileReleased('doc', { code: 4409, reason: 'document history was reset' }, async () => {
      await work.promise;
      epochs.set('doc', 2);
      await store.compact('doc', textUpdate('fresh'));
    });
    await settle();
    let read: Uint8Array | null = null;
    void registry.readState('doc').then((state) => (read = state));
    await settle();
    expect(read).toBeNull();
    expect(registry.room('doc')).toBeUndefined();
    work.open();
    await released;
    await settle();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, read as unknown as Uint8Array);
    expect(doc.getText('t').toString()).toBe('fresh');
  });

  it('lets the document in again when the work fails', async () => {
    const { client, registry } = await withEpochs();
    await expect(
      registry.whileReleased('doc', { code: 4409, reason: 'document history was reset' }, () => Promise.reject(new Error('nej'))),
    ).rejects.toThrow('nej');
    const later = client('doc', { epoch: 1 });
    await settle();
    expect(later.text).toBe('hello');
  });
});
