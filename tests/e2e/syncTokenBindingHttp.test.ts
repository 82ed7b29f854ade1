/**
 * Sync tokens minted through the platform API, against the production server (issue 10, items
 * 1–3): keys, tokens and documents over HTTP, the phase moved and the key revoked through the
 * app's own routes, and the sync endpoint over real sockets with the stock y-websocket client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Close } from '../../lib/protocol';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { waitForAwareness } from '../helpers/waitFor';
import { appendParagraph, bodyText } from '../helpers/bodyDoc';
import { platformSend } from './helpers/platformSend';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
let admin: string;
let syncUrl: string;

beforeAll(async () => {
  server = await startAppServer();
  syncUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
  const created = await send('/api/setup', {
    method: 'POST',
    headers: { Origin: server.url },
    body: { token: server.setupToken(), email: 'admin@eksempel.dk', name: 'Admin', password: 'en lang adgangskode' },
  });
  admin = created.session ?? '';
});
afterAll(async () => {
  await server?.stop();
});

const send = platformSend(() => server);

/** As the admin, from the app's own pages. */
const asAdmin = (path: string, method: string, body?: unknown) =>
  send(path, { method, headers: { Origin: server.url, Cookie: `samskriv_session=${admin}` }, body });

const api = (key: string, path: string, body: unknown) => send(path, { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body });

async function newKey(name: string): Promise<{ key: string; id: string }> {
  const created = await asAdmin('/api/admin/api-keys', 'POST', { name });
  expect(created.status).toBe(201);
  return { key: created.body.key as string, id: (created.body.apiKey as { id: string }).id };
}

async function mint(key: string, doc: string, access: 'view' | 'edit', sub = 'u1'): Promise<string> {
  const minted = await api(key, '/api/v1/sync-tokens', { doc, access, sub, name: 'Deltager' });
  expect(minted.status).toBe(201);
  return minted.body.token as string;
}

/** Has `writer` type, and resolves once the server has dealt with it (its frames are handled in order). */
async function typeAndSettle(writer: TestProvider, observer: TestProvider, text: string): Promise<void> {
  appendParagraph(writer.doc, text);
  writer.provider.awareness.setLocalStateField('done', text);
  const writerId = writer.doc.clientID;
  await waitForAwareness(observer.provider.awareness, (states) => states.get(writerId)?.done === text, { what: 'the writer’s marker' });
}

describe('platform API sync tokens on the production server', () => {
  it('a token minted for an id that does not exist yet is refused on the document another key creates under it', async () => {
    const a = await newKey('Platform A');
    const b = await newKey('Platform B');
    const tokenA = await mint(a.key, 'hoering-43', 'edit', 'a');
    expect((await api(b.key, '/api/v1/documents', { title: 'B’s høring', id: 'hoering-43' })).status).toBe(201);
    const intruder = connectProvider(syncUrl, 'hoering-43', { token: tokenA });
    expect(await intruder.closed()).toEqual(Close.wrongDocument);
    intruder.destroy();
  });

  it('an edit token connected when the document is published is closed, and comes back read-only', async () => {
    const { key } = await newKey('Platform C');
    expect((await api(key, '/api/v1/documents', { title: 'Plan', id: 'plan-7' })).status).toBe(201);
    const token = await mint(key, 'plan-7', 'edit');
    const writer = connectProvider(syncUrl, 'plan-7', { token });
    await writer.synced();
    expect((await asAdmin('/api/documents/plan-7/state', 'PATCH', { state: 'in_review' })).status).toBe(200);
    expect((await asAdmin('/api/documents/plan-7/state', 'PATCH', { state: 'final' })).status).toBe(200);
    expect(await writer.closed()).toEqual(Close.published);
    writer.destroy();

    const again = connectProvider(syncUrl, 'plan-7', { token });
    const observer = connectProvider(syncUrl, 'plan-7', { token: await mint(key, 'plan-7', 'view', 'læser') });
    await Promise.all([again.synced(), observer.synced()]);
    await typeAndSettle(again, observer, 'Efter vedtagelsen');
    const fresh = connectProvider(syncUrl, 'plan-7', { token: await mint(key, 'plan-7', 'view', 'kontrol') });
    await fresh.synced();
    expect(bodyText(observer.doc)).not.toContain('Efter vedtagelsen');
    expect(bodyText(fresh.doc)).not.toContain('Efter vedtagelsen');
    for (const client of [again, observer, fresh]) client.destroy();
  });

  it('revoking the key closes its tokens’ connections and refuses them at connect', async () => {
    const { key, id } = await newKey('Platform D');
    expect((await api(key, '/api/v1/documents', { title: 'D', id: 'd-dok' })).status).toBe(201);
    const token = await mint(key, 'd-dok', 'edit');
    const client = connectProvider(syncUrl, 'd-dok', { token });
    await client.synced();
    expect((await asAdmin(`/api/admin/api-keys/${id}`, 'DELETE')).status).toBe(200);
    expect(await client.closed()).toEqual(Close.invalidToken);
    client.destroy();
    const late = connectProvider(syncUrl, 'd-dok', { token });
    expect(await late.closed()).toEqual(Close.invalidToken);
    late.destroy();
  });
});
