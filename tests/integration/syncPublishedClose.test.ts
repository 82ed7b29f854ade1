/**
 * Issue 9: publishing closes open editors with Close.published (4423 "document published"), not an
 * access error, whatever they connected with (a session cookie, the browser's session-bound token,
 * another platform's token); readers stay connected; the closed editors come back as readers.
 * Real sync server on port 0, stock y-websocket providers.
 */
import { describe, expect, it } from 'vitest';
import { Close } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import { startSyncServer } from '../helpers/startSyncServer';
import { waitForAwareness, waitForDoc } from '../helpers/waitFor';
import { waitUntil } from '../helpers/waitUntil';

describe('publishing a document with editors connected', () => {
  it('closes cookie and token editors with "document published", keeps readers, and lets editors back in as readers', async () => {
    const server = await startSyncServer();
    const owner = await server.person('Anna Jensen', { team: false });
    const bent = await server.person('Bent Hansen', { team: false });
    const reader = await server.person('Carla Læser', { team: false });
    const meta = await server.documents.create({
      title: 'Politik for samskabelse',
      template: 'blank',
      createdBy: { id: owner.personId, name: 'Anna Jensen' },
      visibility: 'private',
    });
    const id = meta.id;
    await server.documents.setGrants(id, [
      { subject: 'person', personId: owner.personId, role: 'owner' },
      { subject: 'person', personId: bent.personId, role: 'editor' },
      { subject: 'person', personId: reader.personId, role: 'viewer' },
    ]);

    // The reader connects first: re-checks go through connections in the order they came, so by the
    // time the last editor is closed, the reader has been judged too.
    const carla = connectProvider(server.url, id, { cookie: reader.cookie });
    await carla.synced();
    const cookieEditor = connectProvider(server.url, id, { cookie: owner.cookie });
    const tokenEditor = connectProvider(server.url, id, { token: await server.sessionToken(bent, id, 'edit') });
    const embedEditor = connectProvider(server.url, id, { token: await server.token(id, 'edit', { sub: 'ext_1', name: 'Platform' }) });
    await Promise.all([cookieEditor.synced(), tokenEditor.synced(), embedEditor.synced()]);
    cookieEditor.doc.getText('t').insert(0, 'Vedtaget tekst');
    await waitForDoc(carla.doc, (doc) => doc.getText('t').toString() === 'Vedtaget tekst', { what: 'the draft at the reader' });

    await server.documents.setState(id, 'final');

    expect(await cookieEditor.closed()).toEqual(Close.published);
    expect(await tokenEditor.closed()).toEqual(Close.published);
    expect(await embedEditor.closed()).toEqual(Close.published);
    expect(carla.closes).toEqual([]);
    expect(carla.provider.wsconnected).toBe(true);
    // What the closed editor holds stays with it (a stock client keeps its doc).
    expect(cookieEditor.doc.getText('t').toString()).toBe('Vedtaget tekst');
    cookieEditor.destroy();
    tokenEditor.destroy();
    embedEditor.destroy();

    // Back as a reader: connected, never closed, its edits dropped; the reader that stayed sees it arrive.
    const dropped = server.sync.stats().droppedReadOnly;
    const again = connectProvider(server.url, id, { cookie: owner.cookie });
    await again.synced();
    expect(again.doc.getText('t').toString()).toBe('Vedtaget tekst');
    again.doc.getText('t').insert(0, 'Efter udgivelsen: ');
    again.provider.awareness.setLocalStateField('marker', 'tilbage');
    const againId = again.doc.clientID;
    await waitForAwareness(carla.provider.awareness, (states) => states.get(againId)?.marker === 'tilbage', {
      what: 'the returning reader’s presence at the reader who stayed',
    });
    await waitUntil(() => server.sync.stats().droppedReadOnly > dropped, 'the returning reader’s edit to be dropped');
    expect(carla.doc.getText('t').toString()).toBe('Vedtaget tekst');
    expect(again.closes).toEqual([]);
    expect(carla.closes).toEqual([]);
    again.destroy();
    carla.destroy();
  });

  it('still says "access changed" when a grant is lowered on a draft', async () => {
    const server = await startSyncServer();
    const owner = await server.person('Anna Jensen', { team: false });
    const bent = await server.person('Bent Hansen', { team: false });
    const meta = await server.documents.create({ title: 'Kladde', template: 'blank', createdBy: { id: owner.personId, name: 'Anna' } });
    await server.documents.setGrants(meta.id, [
      { subject: 'person', personId: owner.personId, role: 'owner' },
      { subject: 'person', personId: bent.personId, role: 'editor' },
    ]);
    const client = connectProvider(server.url, meta.id, { token: await server.sessionToken(bent, meta.id, 'edit') });
    await client.synced();
    await server.documents.setGrants(meta.id, [
      { subject: 'person', personId: owner.personId, role: 'owner' },
      { subject: 'person', personId: bent.personId, role: 'viewer' },
    ]);
    expect(await client.closed()).toEqual(Close.accessChanged);
    client.destroy();
  });
});
