/**
 * RoomRegistry.applyServerUpdate (what a restored version is written with): checked like a client's
 * update, stored before it is relayed, in order with the clients' updates, resolving once durable;
 * a document nobody has open is loaded for it and unloaded again as usual.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ControlledStore, gate } from '../../helpers/controlledStore';
import { createTestRegistry, textUpdate, type TestRegistry } from '../../helpers/testRegistry';
import { settle } from '../../helpers/tick';
import type { DocumentStore } from '../../../lib/storage/DocumentStore';

let current: TestRegistry<DocumentStore> | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

function setup<S extends DocumentStore>(options: Parameters<typeof createTestRegistry<S>>[0] = {}): TestRegistry<S> {
  const test = createTestRegistry<S>(options);
  current = test;
  return test;
}

/** An edit on top of `base` (a whole state) by a client of its own, as restoreUpdate makes one. */
function editOn(base: Uint8Array, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const t = doc.getText('t');
  t.insert(t.length, text);
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVectorFromUpdate(base));
}

/** Tracks whether a promise has settled, without waiting for it. */
function track(promise: Promise<void>): { settled: boolean; failed: unknown } {
  const state = { settled: false, failed: undefined as unknown };
  promise.then(
    () => (state.settled = true),
    (error: unknown) => {
      state.settled = true;
      state.failed = error;
    },
  );
  return state;
}

describe('RoomRegistry.applyServerUpdate', () => {
  it('stores the update before any connection receives it, and resolves once it is stored', async () => {
    const store = new ControlledStore();
    store.holding = false;
    await store.append('doc', textUpdate('Før'));
    store.holding = true;
    const { registry, client, stored } = setup({ store });
    const a = client('doc');
    const b = client('doc');
    await settle();
    expect(a.text).toBe('Før');

    const applied = track(registry.applyServerUpdate('doc', editOn(await registry.readState('doc'), ' og efter')));
    await settle();
    expect(store.pending).toHaveLength(1);
    expect([a.text, b.text, applied.settled]).toEqual(['Før', 'Før', false]);

    store.releaseAll();
    await settle();
    expect([a.text, b.text]).toEqual(['Før og efter', 'Før og efter']);
    expect(applied).toEqual({ settled: true, failed: undefined });
    expect((await stored('doc')).getText('t').toString()).toBe('Før og efter');
  });

  it('keeps arrival order with the clients’ updates', async () => {
    const store = new ControlledStore();
    store.holding = false;
    await store.append('doc', textUpdate('x'));
    store.holding = true;
    const { registry, client } = setup({ store });
    const a = client('doc');
    const b = client('doc');
    await settle();
    a.doc.getText('t').insert(0, 'A');
    await settle();
    const applied = track(registry.applyServerUpdate('doc', editOn(await registry.readState('doc'), 'S')));
    await settle();
    expect(store.pending).toHaveLength(2);
    // The server's write is durable first, but the client's came first: nobody sees either yet.
    store.pending[1]?.resolve();
    await settle();
    expect(b.text).toBe('x');
    expect(applied.settled).toBe(true);
    store.pending[0]?.resolve();
    await settle();
    expect(b.text).toBe('AxS');
  });

  it('loads a document nobody has open, writes it, and unloads it again', async () => {
    const { registry, store, stored } = setup();
    await store.append('doc', textUpdate('Lukket'));
    expect(registry.room('doc')).toBeUndefined();
    await registry.applyServerUpdate('doc', editOn(Y.mergeUpdates((await store.load('doc')) ?? []), ' dokument'));
    expect((await stored('doc')).getText('t').toString()).toBe('Lukket dokument');
    expect(registry.room('doc')?.state).toBe('ready');
    await registry.unloadIfIdle('doc');
    expect(registry.room('doc')).toBeUndefined();
    expect((await stored('doc')).getText('t').toString()).toBe('Lukket dokument');
  });

  it('waits for a room that is still loading', async () => {
    const store = new ControlledStore();
    store.holding = false;
    const base = textUpdate('Indlæses');
    await store.append('doc', base);
    store.loadGate = gate();
    const { registry, stored } = setup({ store });
    const applied = track(registry.applyServerUpdate('doc', editOn(base, '!')));
    await settle();
    expect(applied.settled).toBe(false);
    store.loadGate.open();
    await settle();
    expect(applied).toEqual({ settled: true, failed: undefined });
    expect((await stored('doc')).getText('t').toString()).toBe('Indlæses!');
  });

  it('refuses an update a client could not send either, and stores nothing', async () => {
    const { registry, client, store } = setup();
    const a = client('doc');
    await settle();
    const outside = new Y.Doc();
    outside.getMap('ukendt').set('x', 1);
    await expect(registry.applyServerUpdate('doc', Y.encodeStateAsUpdate(outside))).rejects.toThrow(/unknown-shared-type/);
    await expect(registry.applyServerUpdate('doc', new Uint8Array([1, 2, 3]))).rejects.toThrow(/invalid server update/);
    expect(store.stats('doc').records).toBe(0);
    expect(a.connection.closed).toBe(false);
  });

  it('rejects when the update cannot be stored (the room fails, as for a client’s update)', async () => {
    const store = new ControlledStore();
    const { registry, client } = setup({ store });
    client('doc');
    await settle();
    const applied = registry.applyServerUpdate('doc', editOn(new Uint8Array([0, 0]), 'tabt'));
    await settle();
    store.pending[0]?.reject(new Error('disk full'));
    await expect(applied).rejects.toThrow('disk full');
  });
});
