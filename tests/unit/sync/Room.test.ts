import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { MessageType } from '../../../lib/protocol';
import { encodeSyncUpdate } from '../../../server/sync/encodeMessage';
import { ControlledStore } from '../../helpers/controlledStore';
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

async function controlled(seed?: string): Promise<TestRegistry<ControlledStore>> {
  const store = new ControlledStore();
  if (seed !== undefined) {
    store.holding = false;
    await store.append('doc', textUpdate(seed));
    store.holding = true;
  }
  return setup({ store });
}

describe('Room: the y-websocket protocol', () => {
  it('sends sync step 1 on join and answers step 1 with the stored state', async () => {
    const { store, client } = setup();
    await store.append('doc', textUpdate('Formål'));
    const a = client('doc');
    await settle();
    expect(a.receivedTypes[0]).toBe(MessageType.sync);
    expect(a.synced).toBe(true);
    expect(a.text).toBe('Formål');
  });

  it('relays edits between editors and stores them', async () => {
    const { client, stored, touched } = setup();
    const a = client('doc');
    const b = client('doc');
    await settle();
    a.doc.getText('t').insert(0, 'hej ');
    b.doc.getText('t').insert(0, 'med dig');
    await settle();
    expect(a.text).toBe(b.text);
    expect(a.text.length).toBe('hej med dig'.length);
    expect((await stored('doc')).getText('t').toString()).toBe(a.text);
    expect(touched).toContain('doc');
  });

  it('does not echo an update back to its sender', async () => {
    const { client } = setup();
    const a = client('doc');
    const b = client('doc');
    await settle();
    const before = a.receivedTypes.length;
    a.doc.getText('t').insert(0, 'x');
    await settle();
    expect(a.receivedTypes.length).toBe(before);
    expect(b.text).toBe('x');
  });

  it('stores only what is new: a reconnecting client sending known state appends nothing', async () => {
    const { client, store } = setup();
    const a = client('doc');
    await settle();
    a.doc.getText('t').insert(0, 'abc');
    await settle();
    const records = store.stats('doc').records;
    a.send(encodeSyncUpdate(Y.encodeStateAsUpdate(a.doc)));
    await settle();
    expect(store.stats('doc').records).toBe(records);
  });
});

describe('Room: persist before broadcast', () => {
  it('relays nothing before the append resolves', async () => {
    const { client, store } = await controlled('');
    const a = client('doc');
    const b = client('doc');
    await settle();
    a.doc.getText('t').insert(0, 'x');
    await settle();
    expect(store.pending).toHaveLength(1);
    expect(b.text).toBe('');
    store.releaseAll();
    await settle();
    expect(b.text).toBe('x');
  });

  it('keeps arrival order when appends resolve out of order', async () => {
    const { client, store } = await controlled('');
    const a = client('doc');
    const b = client('doc');
    const c = client('doc');
    await settle();
    a.doc.getText('t').insert(0, 'A');
    await settle();
    b.doc.getText('t').insert(0, 'B');
    await settle();
    expect(store.pending).toHaveLength(2);
    store.pending[1]?.resolve();
    await settle();
    // B is durable, but A came first and is not: nobody sees either yet.
    expect(c.text).toBe('');
    expect(a.text).toBe('A');
    store.pending[0]?.resolve();
    await settle();
    expect(c.text).toBe(a.text);
    expect(b.text).toBe(a.text);
    expect(c.text).toHaveLength(2);
  });

  it('answers a new client only with durable state', async () => {
    const { client, store } = await controlled('durable ');
    const a = client('doc');
    await settle();
    a.doc.getText('t').insert(8, 'pending');
    await settle();
    const late = client('doc');
    await settle();
    expect(late.synced).toBe(false);
    expect(late.text).toBe('');
    store.releaseAll();
    await settle();
    expect(late.synced).toBe(true);
    expect(late.text).toBe('durable pending');
  });

  it('closes the room with 1011 when a write fails, and a reconnect gets the durable state', async () => {
    const { client, store, logger } = await controlled('safe');
    const a = client('doc');
    const b = client('doc');
    await settle();
    a.doc.getText('t').insert(4, ' lost');
    await settle();
    store.pending[0]?.reject(new Error('ENOSPC'));
    await settle();
    expect(a.socket.closedWith?.code).toBe(1011);
    expect(b.socket.closedWith?.code).toBe(1011);
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    store.holding = false;
    const c = client('doc');
    await settle();
    expect(c.text).toBe('safe');
  });
});

describe('Room: saved acks', () => {
  it('acks each update of an opted-in connection once it is durable, with its clocks', async () => {
    const { client, store } = await controlled('');
    const a = client('doc', { ack: true });
    await settle();
    a.doc.getText('t').insert(0, 'abc');
    a.doc.getText('t').insert(3, 'de');
    await settle();
    expect(a.acks).toEqual([]);
    store.releaseAll();
    await settle();
    const clientId = a.doc.clientID;
    // One ack per update message, in order. (The room was cold: the first edit made it apply the
    // stored state and send its sync step 1, whose answer, a step 2 with nothing new, is acked last.)
    expect(a.acks).toEqual([new Map([[clientId, 3]]), new Map([[clientId, 5]]), new Map([[clientId, 5]])]);
  });

  it('acks an update the server already had once the appends before it are durable', async () => {
    const { client, store } = await controlled('');
    const a = client('doc', { ack: true });
    await settle();
    a.doc.getText('t').insert(0, 'abc');
    await settle();
    a.send(encodeSyncUpdate(Y.encodeStateAsUpdate(a.doc)));
    await settle();
    expect(a.acks).toEqual([]);
    store.releaseAll();
    await settle();
    expect(a.acks.length).toBeGreaterThanOrEqual(2);
    for (const ack of a.acks) expect(ack).toEqual(new Map([[a.doc.clientID, 3]]));
  });

  it('never sends acks to stock clients', async () => {
    const { client } = setup();
    const a = client('doc');
    await settle();
    a.doc.getText('t').insert(0, 'x');
    await settle();
    expect(a.receivedTypes).not.toContain(MessageType.saved);
  });
});

describe('Room: read-only connections', () => {
  it.each(['view', 'comment'] as const)('drops body updates from a %s connection, which still receives edits', async (access) => {
    const { client, store, registry } = setup();
    await store.append('doc', textUpdate('original'));
    const editor = client('doc');
    const reader = client('doc', { access });
    await settle();
    const records = store.stats('doc').records;
    reader.doc.getText('t').insert(0, 'vandalism ');
    await settle();
    expect(editor.text).toBe('original');
    expect(store.stats('doc').records).toBe(records);
    expect(reader.socket.closedWith).toBeNull();
    expect(registry.stats().droppedReadOnly).toBeGreaterThan(0);
    editor.doc.getText('t').insert(8, '!');
    await settle();
    expect(reader.text).toContain('original!');
  });
});

describe('Room: hostile frames', () => {
  const frames: Array<[string, Uint8Array]> = [
    ['a truncated varint', new Uint8Array([0x80])],
    ['an absurd length', new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0x7f, 1])],
    ['a garbage update', encodeSyncUpdate(new Uint8Array([1, 2, 3, 4, 5, 6, 250, 17]))],
    ['an unknown message type', new Uint8Array([42])],
    [
      'a NaN client id inside an update',
      encodeSyncUpdate(new Uint8Array([1, 1, ...new Array(160).fill(0x80), 0, 0, 4, 1, 1, 116, 1, 120, 0])),
    ],
    ['a garbage state vector', new Uint8Array([0, 0, 2, 9, 9])],
    ['garbage awareness', new Uint8Array([1, 3, 1, 1, 1])],
  ];
  it.each(frames)('closes only the sender of %s with 4400, leaving the document untouched', async (_name, frame) => {
    const { client, store, logger, stored } = setup();
    await store.append('doc', textUpdate('intact'));
    const hostile = client('doc');
    const good = client('doc');
    await settle();
    const records = store.stats('doc').records;
    hostile.send(frame);
    await settle();
    expect(hostile.socket.closedWith).toEqual({ code: 4400, reason: 'malformed message' });
    expect(good.socket.closedWith).toBeNull();
    expect(store.stats('doc').records).toBe(records);
    expect((await stored('doc')).getText('t').toString()).toBe('intact');
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    // The frame's bytes are not in the log, only its size and an error code.
    expect(logger.text()).not.toContain('intact');
    good.doc.getText('t').insert(6, '!');
    const other = client('doc');
    await settle();
    expect(other.text).toBe('intact!');
  });
});

describe('Room: presence', () => {
  it('shows the name decided at the upgrade, not the one the client claims', async () => {
    const { client } = setup();
    const a = client('doc', { name: 'Karen Blixen' });
    const b = client('doc', { name: 'Bob' });
    await settle();
    a.awareness.setLocalState({ user: { name: 'Mallory', color: '#000000' }, cursor: 3 });
    await settle();
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({
      user: { name: 'Karen Blixen', color: '#1d6fb8', preferredColor: '#1d6fb8' },
      cursor: 3,
    });
  });

  it('sends current presence to a joining client and removes a leaving one', async () => {
    const { client } = setup();
    const a = client('doc', { name: 'A' });
    await settle();
    a.awareness.setLocalState({ user: { name: 'A' } });
    await settle();
    const b = client('doc', { name: 'B' });
    await settle();
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(true);
    a.close();
    await settle();
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
  });

  it('does not let a connection speak for an awareness client another connection introduced', async () => {
    const { client } = setup();
    const a = client('doc', { name: 'A' });
    const mallory = client('doc', { name: 'Mallory' });
    const b = client('doc', { name: 'B' });
    await settle();
    a.awareness.setLocalState({ cursor: 1 });
    await settle();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, a.doc.clientID);
    encoding.writeVarUint(inner, 999);
    encoding.writeVarString(inner, JSON.stringify({ cursor: 666 }));
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    mallory.send(encoding.toUint8Array(encoder));
    await settle();
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({
      cursor: 1,
      user: { name: 'A', color: '#1d6fb8', preferredColor: '#1d6fb8' },
    });
  });
});

describe('Room: compaction', () => {
  it('compacts in the background once the log passes the record limit, keeping the same state', async () => {
    const store = new ControlledStore();
    store.holding = false;
    const { client, stored } = setup({ store, compactAfterRecords: 5 });
    const a = client('doc');
    await settle();
    for (let i = 0; i < 12; i++) {
      a.doc.getText('t').insert(i, String(i % 10));
      await settle();
    }
    expect(store.compactions).toBeGreaterThan(0);
    expect(store.stats('doc').records).toBeLessThan(5);
    expect((await stored('doc')).getText('t').toString()).toBe(a.text);
  });
});

describe('Room: cold start', () => {
  it('answers a fresh client from the stored snapshot, then applies it and asks the client for its state', async () => {
    const { client, store } = setup();
    await store.compact('doc', textUpdate('snapshot'));
    const a = client('doc');
    await settle();
    expect(a.synced).toBe(true);
    expect(a.text).toBe('snapshot');
    const syncFrames = () => a.receivedTypes.filter((type) => type === MessageType.sync).length;
    // Only the reply so far: the server's own sync step 1 waits until the doc is applied.
    expect(syncFrames()).toBe(1);
    a.doc.getText('t').insert(8, '!');
    await settle();
    expect(syncFrames()).toBe(2);
    const b = client('doc');
    await settle();
    expect(b.text).toBe('snapshot!');
  });

  it('applies the stored state at once for a client that already has some of it', async () => {
    const { client, store } = setup();
    const base = textUpdate('shared');
    await store.compact('doc', base);
    const a = client('doc', { silent: true });
    Y.applyUpdate(a.doc, base, a);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(a.doc));
    a.send(encoding.toUint8Array(encoder));
    await settle();
    expect(a.synced).toBe(true);
    expect(a.text).toBe('shared');
  });

  it('closes only that document with 1011 when its stored state cannot be applied, and logs once', async () => {
    const { client, store, logger } = setup();
    // Passes the store's checksum (it is what was written) but is not a Yjs update.
    await store.compact('broken', new Uint8Array([1, 1, 5, 0, 31, 1, 1, 116, 0, 0]));
    await store.append('good', textUpdate('fine'));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const a = client('broken');
    const b = client('good');
    await settle();
    // The first thing that needs the doc finds the stored state unusable.
    a.doc.getText('t').insert(0, 'x');
    await settle();
    quiet.mockRestore();
    expect(a.socket.closedWith?.code).toBe(1011);
    expect(b.socket.closedWith).toBeNull();
    expect(b.text).toBe('fine');
    expect(logger.lines.filter((line) => line.level === 'error')).toHaveLength(1);
  });
});
