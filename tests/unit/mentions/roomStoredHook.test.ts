/**
 * The sync core's stored-edit hook (RoomDeps.onStored, what the body watch hears): told once an
 * edit is durable, never before, with the update stored; not for a reader's dropped update; by the
 * connection's author key ('guest' here: no session), null for the server's own write. (People and
 * API keys as authors: tests/integration/bodyMentions.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from '../../../lib/storage/DocumentStore';
import { ControlledStore } from '../../helpers/controlledStore';
import { createTestRegistry, type TestRegistry } from '../../helpers/testRegistry';
import { settle } from '../../helpers/tick';

let current: TestRegistry<DocumentStore> | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

describe('the stored-edit hook', () => {
  it('hears of an edit once it is durable, of the server’s write as null, and not of a reader’s dropped update', async () => {
    const store = new ControlledStore();
    store.holding = true;
    const heard: [string, string | null][] = [];
    const updates: Uint8Array[] = [];
    const test = createTestRegistry({
      store,
      onStored: (documentId, by, update) => {
        heard.push([documentId, by]);
        updates.push(update);
      },
    });
    current = test;
    const writer = test.client('doc');
    const reader = test.client('doc', { access: 'view' });
    await settle();
    store.releaseAll();
    await settle();
    expect(heard).toEqual([]);

    writer.doc.getText('t').insert(0, 'Hej');
    await settle();
    expect(heard).toEqual([]);
    store.releaseAll();
    await settle();
    expect(heard).toEqual([['doc', 'guest']]);

    reader.doc.getText('t').insert(0, 'Nej');
    await settle();
    store.releaseAll();
    await settle();
    expect(heard).toEqual([['doc', 'guest']]);

    const base = await test.registry.readState('doc');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    doc.getText('t').insert(0, 'Server ');
    const written = test.registry.applyServerUpdate('doc', Y.encodeStateAsUpdate(doc, Y.encodeStateVectorFromUpdate(base)));
    await settle();
    store.releaseAll();
    await written;
    expect(heard).toEqual([
      ['doc', 'guest'],
      ['doc', null],
    ]);
    // Each time the update stored: what it holds is what the document took in.
    const replay = new Y.Doc();
    for (const update of updates) Y.applyUpdate(replay, update);
    expect(replay.getText('t').toString()).toBe('Server Hej');
  });
});
