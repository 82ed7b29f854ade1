/**
 * Sync tokens minted through the platform API (issue 10, items 1–3), over real sockets: the
 * document's phase bounds them at connect and while connected; a token counts only on documents its
 * key's platform owns, never on one another key created under the id it names; revoking the key
 * refuses its tokens and ends their connections.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentState } from '../../lib/access/model';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { Close } from '../../lib/protocol';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { platformApi, type TestApiKey, type TestPlatformApi } from '../helpers/platformApi';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { waitForAwareness, waitForDoc } from '../helpers/waitFor';
import { TEST_SECRET } from '../helpers/tokens';
import { waitUntil } from '../helpers/waitUntil';

async function storedText(server: TestSyncServer, id: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await server.store.load(id)) ?? []) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

async function mint(api: TestPlatformApi, key: TestApiKey, doc: string, access: 'view' | 'comment' | 'edit', sub = 'u1'): Promise<string> {
  const answer = await api.mintToken(key, { doc, access, sub, name: 'Deltager' });
  expect(answer.status).toBe(201);
  return answer.body.token as string;
}

async function setup() {
  const server = await startSyncServer();
  const api = await platformApi(server);
  const keyA = await api.newKey('Decidim');
  const keyB = await api.newKey('Go Vocal');
  return { server, api, keyA, keyB };
}

/**
 * Has `writer` type, and resolves once the server has dealt with it: the server handles a
 * connection's frames in order, so once `observer` sees the presence change sent after the edit,
 * the edit was stored and relayed, or dropped.
 */
async function typeAndSettle(writer: TestProvider, observer: TestProvider, text: string): Promise<void> {
  writer.doc.getText('t').insert(0, text);
  writer.provider.awareness.setLocalStateField('done', text);
  const writerId = writer.doc.clientID;
  await waitForAwareness(observer.provider.awareness, (states) => states.get(writerId)?.done === text, { what: 'the writer’s marker' });
}

describe('the phase bounds API tokens', () => {
  it.each(['final', 'archived'] as const)(
    'an edit token on a %s document is read-only at connect: its updates are neither stored nor relayed',
    async (state: DocumentState) => {
      const { server, api, keyA } = await setup();
      const created = await api.createDocument(keyA, { id: `vedtaget-${state}`, title: 'Vedtaget plan' });
      expect(created.status).toBe(201);
      const id = `vedtaget-${state}`;
      await server.documents.setState(id, state);
      const dropped = server.sync.stats().droppedReadOnly;

      const writer = connectProvider(server.url, id, { token: await mint(api, keyA, id, 'edit', 'skriver') });
      const observer = connectProvider(server.url, id, { token: await mint(api, keyA, id, 'view', 'læser') });
      await Promise.all([writer.synced(), observer.synced()]);
      await typeAndSettle(writer, observer, 'Ændret efter vedtagelsen');

      expect(observer.doc.getText('t').toString()).toBe('');
      expect(await storedText(server, id)).toBe('');
      expect(server.sync.stats().droppedReadOnly).toBeGreaterThan(dropped);
      expect(writer.closes).toEqual([]);
      writer.destroy();
      observer.destroy();
    },
  );

  it('an open edit-token connection is closed when the document is published, and comes back read-only', async () => {
    const { server, api, keyA } = await setup();
    expect((await api.createDocument(keyA, { id: 'hoering-1', title: 'Høring' })).status).toBe(201);
    const token = await mint(api, keyA, 'hoering-1', 'edit');
    const writer = connectProvider(server.url, 'hoering-1', { token });
    await writer.synced();
    writer.doc.getText('t').insert(0, 'Før');
    await waitUntil(async () => (await storedText(server, 'hoering-1')) === 'Før', 'the draft edit to be stored');

    await server.documents.setState('hoering-1', 'final');
    expect(await writer.closed()).toEqual(Close.published);
    writer.destroy();

    const dropped = server.sync.stats().droppedReadOnly;
    const again = connectProvider(server.url, 'hoering-1', { token });
    const observer = connectProvider(server.url, 'hoering-1', { token: await mint(api, keyA, 'hoering-1', 'view', 'læser') });
    await Promise.all([again.synced(), observer.synced()]);
    expect(again.doc.getText('t').toString()).toBe('Før');
    await typeAndSettle(again, observer, 'Efter ');
    expect(observer.doc.getText('t').toString()).toBe('Før');
    expect(await storedText(server, 'hoering-1')).toBe('Før');
    expect(server.sync.stats().droppedReadOnly).toBeGreaterThan(dropped);
    again.destroy();
    observer.destroy();
  });
});

describe('a token is bound to its key’s document, not to the bare id', () => {
  it('key A’s token for an id that does not exist yet cannot write into the document key B then creates', async () => {
    const { server, api, keyA, keyB } = await setup();
    const tokenA = await mint(api, keyA, 'hoering-43', 'edit', 'a');
    expect((await api.createDocument(keyB, { id: 'hoering-43', title: 'B’s høring' })).status).toBe(201);
    const observer = connectProvider(server.url, 'hoering-43', { token: await mint(api, keyB, 'hoering-43', 'view', 'b') });
    await observer.synced();

    const intruder = connectProvider(server.url, 'hoering-43', { token: tokenA });
    expect(await intruder.closed()).toEqual(Close.wrongDocument);
    intruder.destroy();
    // B's own editor still writes, and only B's words are there.
    const ownEditor = connectProvider(server.url, 'hoering-43', { token: await mint(api, keyB, 'hoering-43', 'edit', 'b') });
    await ownEditor.synced();
    ownEditor.doc.getText('t').insert(0, 'B skriver');
    await waitForDoc(observer.doc, (d) => d.getText('t').toString() === 'B skriver', { what: 'B’s edit at B’s reader' });
    expect(await storedText(server, 'hoering-43')).toBe('B skriver');
    ownEditor.destroy();
    observer.destroy();
  });

  it('the first token to create an id binds it to its key: another key’s earlier token is refused, and the id is taken', async () => {
    const { server, api, keyA, keyB } = await setup();
    const tokenB = await mint(api, keyB, 'borgerbudget', 'edit', 'b');
    const creator = connectProvider(server.url, 'borgerbudget', { token: await mint(api, keyA, 'borgerbudget', 'edit', 'a') });
    await creator.synced();
    expect((await server.documents.get('borgerbudget'))?.createdBy.id).toMatch(new RegExp(`^ext:${keyA.id}:`));

    const other = connectProvider(server.url, 'borgerbudget', { token: tokenB });
    expect(await other.closed()).toEqual(Close.wrongDocument);
    other.destroy();
    expect((await api.createDocument(keyB, { id: 'borgerbudget', title: 'Mit' })).status).toBe(409);
    // A's platform keeps writing into the document its token created.
    creator.doc.getText('t').insert(0, 'A skriver');
    await waitUntil(async () => (await storedText(server, 'borgerbudget')) === 'A skriver', 'A’s edit to be stored');
    expect(creator.closes).toEqual([]);
    creator.destroy();
  });

  it('two keys’ tokens creating one id at once: one creates it, the other is refused', async () => {
    const { server, api, keyA, keyB } = await setup();
    const [tokenA, tokenB] = await Promise.all([mint(api, keyA, 'samtidig', 'edit', 'a'), mint(api, keyB, 'samtidig', 'edit', 'b')]);
    const clients = [
      connectProvider(server.url, 'samtidig', { token: tokenA }),
      connectProvider(server.url, 'samtidig', { token: tokenB }),
    ];
    const outcomes = await Promise.all(
      clients.map((client) => Promise.race([client.synced().then(() => 'synced' as const), client.closed().then((close) => close)])),
    );
    const owner = (await server.documents.get('samtidig'))?.createdBy.id ?? '';
    const winner = owner.startsWith(`ext:${keyA.id}:`) ? 0 : 1;
    expect(owner).toMatch(new RegExp(`^ext:(${keyA.id}|${keyB.id}):`));
    expect(outcomes[winner]).toBe('synced');
    expect(outcomes[1 - winner]).toEqual(Close.wrongDocument);
    for (const client of clients) client.destroy();
  });
});

describe('revoking an API key ends its tokens', () => {
  it('refuses them at connect and closes their open connections, and no other key’s', async () => {
    const { server, api, keyA, keyB } = await setup();
    expect((await api.createDocument(keyA, { id: 'a-dok', title: 'A' })).status).toBe(201);
    expect((await api.createDocument(keyB, { id: 'b-dok', title: 'B' })).status).toBe(201);
    const tokenA = await mint(api, keyA, 'a-dok', 'edit');
    const clientA = connectProvider(server.url, 'a-dok', { token: tokenA });
    const viewerA = connectProvider(server.url, 'a-dok', { token: await mint(api, keyA, 'a-dok', 'view') });
    const clientB = connectProvider(server.url, 'b-dok', { token: await mint(api, keyB, 'b-dok', 'edit') });
    await Promise.all([clientA.synced(), viewerA.synced(), clientB.synced()]);

    await api.revoke(keyA);
    expect(await clientA.closed()).toEqual(Close.invalidToken);
    expect(await viewerA.closed()).toEqual(Close.invalidToken);
    const late = connectProvider(server.url, 'a-dok', { token: tokenA });
    expect(await late.closed()).toEqual(Close.invalidToken);
    expect(await storedText(server, 'a-dok')).toBe('');

    clientB.doc.getText('t').insert(0, 'B fortsætter');
    await waitUntil(async () => (await storedText(server, 'b-dok')) === 'B fortsætter', 'B’s edit to be stored');
    expect(clientB.closes).toEqual([]);
    for (const client of [clientA, viewerA, late, clientB]) client.destroy();
  });
});

describe('the app’s token for a signed-out visitor', () => {
  it('is judged as signed out live: it is closed when the public document turns private, and refused after', async () => {
    const server = await startSyncServer();
    const meta = await server.documents.create({
      title: 'Offentlig høring',
      template: 'blank',
      createdBy: { id: 'p_ejer', name: 'Ejer' },
      visibility: 'public',
    });
    // As GET /api/documents/<id>/sync-token mints it for a visitor without a session.
    const token = await mintSyncToken({ sub: 'anon_1', name: 'Læser', doc: meta.id, access: 'view', anon: true }, TEST_SECRET, 300);
    const reader = connectProvider(server.url, meta.id, { token });
    await reader.synced();

    await server.documents.setVisibility(meta.id, 'private');
    expect(await reader.closed()).toEqual(Close.unauthenticated);
    reader.destroy();
    const late = connectProvider(server.url, meta.id, { token });
    expect(await late.closed()).toEqual(Close.unauthenticated);
    late.destroy();
  });
});
