/**
 * Restoring a version through the real sync server (port 0, 127.0.0.1) with two stock y-websocket
 * providers connected: SyncServer.applyServerUpdate reaches both, is stored before either receives
 * it, and resolves once it is on disk (the store read right after, and a restart, have it); a
 * restore through createRestoreContent turns the body back into the version's, for the open
 * editors and after a restart.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema, type JSONContent } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { bodyExtensions } from '../../lib/editor/bodyExtensions';
import { BODY_FRAGMENT } from '../../lib/protocol';
import type { DocumentVersion } from '../../lib/versions/model';
import { createRestoreContent } from '../../server/versions/restoreContent';
import { appendParagraph, bodyText } from '../helpers/bodyDoc';
import { connectProvider } from '../helpers/connectProvider';
import { ControlledStore } from '../helpers/controlledStore';
import { startFileSyncServer, tempDataDir } from '../helpers/fileSyncServer';
import { startSyncServer } from '../helpers/startSyncServer';
import { waitForAwareness, waitForDoc } from '../helpers/waitFor';

const schema = getSchema(bodyExtensions());
const bodyOfDoc = (doc: Y.Doc): JSONContent =>
  yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), schema).toJSON() as JSONContent;
const docOf = (updates: readonly Uint8Array[]): Y.Doc => {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
};

/** An edit on top of a state, by a client of its own (as the server's restore makes one). */
function paragraphOn(state: Uint8Array, text: string): Uint8Array {
  const doc = docOf([state]);
  appendParagraph(doc, text);
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVectorFromUpdate(state));
}

describe('SyncServer.applyServerUpdate', () => {
  it('reaches both providers only after it is stored, and resolves once it is', async () => {
    const store = new ControlledStore();
    store.holding = false;
    const server = await startSyncServer({ store });
    const id = await server.createDocument('serverskrivning');
    const token = await server.token(id, 'edit');
    const a = connectProvider(server.url, id, { token });
    const b = connectProvider(server.url, id, { token });
    await Promise.all([a.synced(), b.synced()]);

    store.holding = true;
    let resolved = false;
    const applied = server.sync.applyServerUpdate(id, paragraphOn(await server.sync.readDocumentState(id), 'Fra serveren'));
    void applied.then(() => (resolved = true));
    // The room is loaded (both are connected): the append is issued at once, and held.
    expect(store.pending).toHaveLength(1);
    // A presence change from a goes out at once (not behind appends): once b has it, b has everything
    // the server sent before it. The held update is not among it.
    a.provider.awareness.setLocalStateField('cursor', { at: 1 });
    await waitForAwareness(b.provider.awareness, (states) => states.get(a.doc.clientID)?.cursor !== undefined);
    expect(bodyText(a.doc)).not.toContain('Fra serveren');
    expect(bodyText(b.doc)).not.toContain('Fra serveren');
    expect(resolved).toBe(false);

    store.releaseAll();
    await applied;
    await Promise.all([a, b].map((client) => waitForDoc(client.doc, (doc) => bodyText(doc).includes('Fra serveren'))));
    expect(bodyText(docOf((await store.load(id)) ?? []))).toContain('Fra serveren');
  });
});

describe('restoring a version through the live document (createRestoreContent)', () => {
  it('turns the body back into the version’s for both open editors, stored and still so after a restart', async () => {
    const dir = tempDataDir('gendan');
    const server = await startFileSyncServer(dir);
    const id = await server.createDocument('gendan-version');
    const token = await server.token(id, 'edit');
    const a = connectProvider(server.url, id, { token });
    const b = connectProvider(server.url, id, { token });
    await Promise.all([a.synced(), b.synced()]);
    appendParagraph(a.doc, 'Teksten i version 1.');
    await waitForDoc(b.doc, (doc) => bodyText(doc).includes('Teksten i version 1.'));

    // Version 1 as the version service freezes it: the live state, read once.
    const frozen = await server.sync.readDocumentState(id);
    const version: DocumentVersion = {
      documentId: id,
      number: 1,
      kind: 'published',
      title: 'Testdokument',
      summary: 'Første udgave',
      publishedAt: new Date().toISOString(),
      publishedBy: { id: 'p_moderator', name: 'Moderator' },
      closesPhase: 'in_review',
      hash: 'sha256-test',
      content: { yjsState: frozen, body: bodyOfDoc(docOf([frozen])), html: '' },
    };

    // Edits after it, by both editors: text added, a paragraph removed.
    appendParagraph(b.doc, 'Skrevet efter version 1.');
    const body = a.doc.getXmlFragment(BODY_FRAGMENT);
    await waitForDoc(a.doc, (doc) => bodyText(doc).includes('Skrevet efter version 1.'));
    body.delete(0, 1);
    await waitForDoc(b.doc, (doc) => JSON.stringify(bodyOfDoc(doc)) === JSON.stringify(bodyOfDoc(a.doc)));
    expect(bodyOfDoc(a.doc)).not.toEqual(version.content.body);

    const restore = createRestoreContent({
      readDocumentState: (documentId) => server.sync.readDocumentState(documentId),
      applyServerUpdate: (documentId, update) => server.sync.applyServerUpdate(documentId, update),
      logger: server.logger,
    });
    await restore(id, version, { id: 'p_owner', name: 'Olga Ejer' });
    // Resolved: on disk now, before anything else happens.
    expect(bodyOfDoc(docOf((await server.store.load(id)) ?? []))).toEqual(version.content.body);
    const same = (doc: Y.Doc) => JSON.stringify(bodyOfDoc(doc)) === JSON.stringify(version.content.body);
    await Promise.all([waitForDoc(a.doc, same), waitForDoc(b.doc, same)]);
    const logged = server.logger.lines.find((line) => line.msg === 'restored a version as new edits');
    expect(logged?.obj).toMatchObject({ doc: id, version: 1, by: 'p_owner', path: 'undo' });

    a.destroy();
    b.destroy();
    await server.close();
    const again = await startFileSyncServer(dir);
    const fresh = connectProvider(again.url, id, { token: await again.token(id, 'edit') });
    await fresh.synced();
    expect(bodyOfDoc(fresh.doc)).toEqual(version.content.body);
  });
});
