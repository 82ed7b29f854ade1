/**
 * Who may connect and what they may do, decided once at the upgrade: refusals with the right
 * close codes (which stop y-websocket's reconnect loop), read-only tokens, documents created by
 * an edit token.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT, Close } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { waitForAwareness, waitForDoc } from '../helpers/waitFor';
import { token, unsignedToken } from '../helpers/tokens';

async function storedText(server: TestSyncServer, id: string, name: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await server.store.load(id)) ?? []) Y.applyUpdate(doc, update);
  return doc.getText(name).toString();
}

describe('read-only tokens', () => {
  it.each(['view', 'comment'] as const)("a %s token cannot change the body but sees the editors' changes", async (access) => {
    const server = await startSyncServer();
    const id = await server.createDocument('laeseadgang');
    const editor = connectProvider(server.url, id, { token: await server.token(id, 'edit') });
    const reader = connectProvider(server.url, id, { token: await server.token(id, access) });
    await Promise.all([editor.synced(), reader.synced()]);

    reader.doc.getText('t').insert(0, 'vandalism');
    reader.doc.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')]);
    // The server handles a connection's frames in order: once the editor sees this presence
    // change, sent after the edits, the server has dealt with the edits.
    reader.provider.awareness.setLocalStateField('done', true);
    const readerId = reader.doc.clientID;
    await waitForAwareness(editor.provider.awareness, (states) => states.get(readerId)?.done === true);
    editor.doc.getText('t').insert(0, 'editor');
    await waitForDoc(reader.doc, (d) => d.getText('t').toString().includes('editor'), { what: 'the editor text at the reader' });
    const marker = connectProvider(server.url, id, { token: await server.token(id, 'view') });
    await marker.synced();

    expect(editor.doc.getText('t').toString()).toBe('editor');
    expect(marker.doc.getText('t').toString()).toBe('editor');
    expect(await storedText(server, id, 't')).toBe('editor');
    expect(marker.doc.getXmlFragment(BODY_FRAGMENT).toString()).toBe(editor.doc.getXmlFragment(BODY_FRAGMENT).toString());
    expect(reader.closes).toEqual([]);
    expect(server.sync.stats().droppedReadOnly).toBeGreaterThan(0);
    for (const client of [editor, reader, marker]) client.destroy();
  });
});

describe('refusals', () => {
  const cases: Array<
    [
      string,
      (server: TestSyncServer, id: string) => Promise<{ room?: string; token?: string; cookie?: string }>,
      { code: number; reason: string },
    ]
  > = [
    ['no credentials', async () => ({}), Close.unauthenticated],
    [
      'a forged session cookie',
      async (s) => ({ cookie: (await s.cookie()).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }),
      Close.unauthenticated,
    ],
    [
      'a forged token',
      async (_s, id) => ({ token: await token(id, 'edit', { secret: 'someone-elses-secret-at-least-32-characters' }) }),
      Close.invalidToken,
    ],
    ['an unsigned (alg none) token', async (_s, id) => ({ token: unsignedToken(id) }), Close.invalidToken],
    ['an expired token', async (s, id) => ({ token: await s.token(id, 'edit', { ttlSeconds: -30 }) }), Close.invalidToken],
    ['a token for another document', async (s) => ({ token: await s.token('another-doc', 'edit') }), Close.wrongDocument],
    ['an invalid document id', async (s) => ({ room: 'bad.id', cookie: await s.cookie() }), Close.badDocumentId],
    [
      'a view token for an unknown document',
      async (s) => ({ room: 'unknown-doc', token: await s.token('unknown-doc', 'view') }),
      Close.notFound,
    ],
    ['a session for an unknown document', async (s) => ({ room: 'unknown-doc', cookie: await s.cookie() }), Close.notFound],
  ];
  it.each(cases)('refuses %s with the right close code, and the provider stops retrying', async (_name, make, expected) => {
    const server = await startSyncServer();
    const id = await server.createDocument('hemmelig');
    const { room = id, ...credentials } = await make(server, id);
    const client = connectProvider(server.url, room, credentials);
    expect(await client.closed()).toEqual(expected);
    expect(client.provider.shouldConnect).toBe(false);
    expect(client.doc.getXmlFragment(BODY_FRAGMENT).length).toBe(0);
    // Refusals are logged by code, never with the token.
    if (credentials.token) expect(server.logger.text()).not.toContain(credentials.token);
    expect(server.logger.text()).toContain(String(expected.code));
    client.destroy();
  });
});

describe('documents created by an edit token', () => {
  it('creates an unknown document with the token title, seeded on the server', async () => {
    const server = await startSyncServer();
    const id = 'decidim-proposal-17';
    const tokenValue = await server.token(id, 'edit', { title: 'Grønt byrum', name: 'Decidim bruger' });
    const client = connectProvider(server.url, id, { token: tokenValue });
    await client.synced();
    const meta = await server.documents.get(id);
    expect(meta).toMatchObject({ id, title: 'Grønt byrum', template: 'blank', createdBy: { name: 'Decidim bruger' } });
    // Seeded on the server: the blank template's paragraph (the title is the metadata's, not the body's).
    expect(client.doc.getXmlFragment(BODY_FRAGMENT).toString()).toBe('<paragraph></paragraph>');
    // Then a view token works for it.
    const viewer = connectProvider(server.url, id, { token: await server.token(id, 'view') });
    await viewer.synced();
    expect(viewer.doc.getXmlFragment(BODY_FRAGMENT).toString()).toBe(client.doc.getXmlFragment(BODY_FRAGMENT).toString());
    expect(server.logger.text()).not.toContain(tokenValue);
    client.destroy();
    viewer.destroy();
  });

  it('creates the document once when several edit tokens connect at once, untitled by default', async () => {
    const server = await startSyncServer();
    const id = 'samtidig';
    const clients = await Promise.all(
      [1, 2, 3].map(async (n) => connectProvider(server.url, id, { token: await server.token(id, 'edit', { sub: `u${n}` }) })),
    );
    await Promise.all(clients.map((c) => c.synced()));
    expect((await server.documents.get(id))?.title).toBe('Uden titel');
    const bodies = clients.map((c) => c.doc.getXmlFragment(BODY_FRAGMENT).toString());
    expect(new Set(bodies).size).toBe(1);
    // One seed, not three: the blank template's one paragraph.
    expect(bodies[0]).toBe('<paragraph></paragraph>');
    for (const client of clients) client.destroy();
  });
});
