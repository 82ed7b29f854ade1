/**
 * In a cluster, an update from another node can let items that this node's client sent, and Yjs
 * held back for a missing dependency, integrate. Nobody had stored those items: the room must
 * store and publish them (attributed to the client that sent them) before relaying them, or the
 * other nodes' clients never get them and a crash of this node leaves them only in the browser.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../../lib/protocol';
import { ControlledStore } from '../../helpers/controlledStore';
import { createTestRegistry, type TestRegistry } from '../../helpers/testRegistry';
import { settle } from '../../helpers/tick';
import type { ClusterRoom, RoomCluster } from '../../../server/sync/RoomCluster';
import { decodeAttribution } from '../../../lib/authorship/stampCodec';
import { GUEST_AUTHOR } from '../../../lib/authorship/model';
import type { DocumentStore } from '../../../lib/storage/DocumentStore';

let current: TestRegistry<DocumentStore> | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

/** A cluster that records what the room publishes and hands the test the loaded room. */
function recordingCluster(): RoomCluster & { rooms: ClusterRoom[]; sent: Uint8Array[] } {
  const rooms: ClusterRoom[] = [];
  const sent: Uint8Array[] = [];
  return {
    rooms,
    sent,
    opening: async () => undefined,
    opened: (room) => void rooms.push(room),
    closed: () => undefined,
    published: async (_id, update) => void sent.push(update),
    presenceChanged: () => undefined,
    remotePresence: () => null,
  };
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function textOf(updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('Room.applyRemote with held-back items', () => {
  it('stores, publishes and then relays the items a remote update released', async () => {
    const store = new ControlledStore();
    store.holding = false;
    const cluster = recordingCluster();
    const test = createTestRegistry<ControlledStore>({ store, cluster });
    current = test;
    const writer = test.client('doc');
    const reader = test.client('doc');
    await settle();
    const room = cluster.rooms[0];
    expect(room).toBeDefined();

    // Another node's client wrote "Hej" (stored and published there; this node has not seen it yet).
    const elsewhere = new Y.Doc();
    elsewhere.getText('t').insert(0, 'Hej');
    const remote = Y.encodeStateAsUpdate(elsewhere);
    // This node's client got it through a route of its own and wrote on it: " verden" depends on "Hej".
    const before = Y.encodeStateVector(elsewhere);
    const local = new Y.Doc();
    Y.applyUpdate(local, remote);
    local.getText('t').insert(3, ' verden');
    const held = Y.encodeStateAsUpdate(local, before);
    writer.send(updateFrame(held));
    await settle();
    // Held back: nothing stored, nothing relayed, nothing published.
    expect(store.pending).toHaveLength(0);
    expect(await store.load('doc')).toBeNull();
    expect(reader.text).toBe('');
    expect(cluster.sent).toHaveLength(0);

    store.holding = true;
    room?.applyRemote([remote]);
    await settle();
    // The released items wait for the store before anyone else sees them.
    expect(store.pending).toHaveLength(1);
    expect(reader.text).toBe('');

    store.releaseAll();
    await settle();
    expect(reader.text).toBe('Hej verden');
    expect(textOf(await test.store.load('doc').then((updates) => updates ?? []))).toBe('Hej verden');
    // What was published lets another node that has "Hej" reach "Hej verden".
    expect(textOf([remote, ...cluster.sent])).toBe('Hej verden');
    // " verden" is the writer's (a guest here), never the server's, and no server session appears.
    const stored = decodeAttribution((await test.registry.readAuthorship('doc')).attribution);
    expect(stored.kind).toBe('table');
    if (stored.kind !== 'table') return;
    expect(stored.table.ranges.filter((range) => range.client === local.clientID).map((range) => range.by)).toEqual([GUEST_AUTHOR]);
    expect(stored.table.sessions.map((session) => session.by)).toEqual([GUEST_AUTHOR]);
  });

  it('relays a remote update at once, without storing it, when nothing was held back', async () => {
    const store = new ControlledStore();
    store.holding = false;
    const cluster = recordingCluster();
    const test = createTestRegistry<ControlledStore>({ store, cluster });
    current = test;
    const reader = test.client('doc');
    await settle();
    store.holding = true;
    const elsewhere = new Y.Doc();
    elsewhere.getText('t').insert(0, 'Fra en anden node');
    cluster.rooms[0]?.applyRemote([Y.encodeStateAsUpdate(elsewhere)]);
    await settle();
    expect(reader.text).toBe('Fra en anden node');
    expect(store.pending).toHaveLength(0);
    expect(cluster.sent).toHaveLength(0);
  });
});
