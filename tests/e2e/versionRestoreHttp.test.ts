/**
 * POST /api/documents/:id/versions/:n/restore against the production server (issue 9): version 1's
 * body comes back as new edits, received by an editor that has the document open (a stock
 * y-websocket provider on the session cookie), attributed in the log to who restored it; and the
 * refusals (signed out 401, strangers 404, another origin 403, no such version 404).
 *
 * Needs the version service (helper "core") merged, with `restoreContent: createRestoreContent(…)`
 * (server/versions/restoreContent.ts) passed to it in server/startServer.ts; and `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendParagraph, bodyText } from '../helpers/bodyDoc';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { waitForDoc } from '../helpers/waitFor';
import { createFirstAdmin, sessionHttp } from './helpers/sessionHttp';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
const { send, signUp } = sessionHttp(() => server);
let admin = '';
let owner = { session: '', id: '' };
let stranger = '';
let documentId = '';
const providers: TestProvider[] = [];

const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;
const restore = (n: string, session?: string, origin?: string | null) =>
  send('POST', `/api/documents/${documentId}/versions/${n}/restore`, session, undefined, origin === undefined ? server.url : origin);
const moveTo = (state: string, session = owner.session) => send('PATCH', `/api/documents/${documentId}/state`, session, { state });

beforeAll(async () => {
  server = await startAppServer();
  admin = await createFirstAdmin(server);
  owner = await signUp('ejer@eksempel.dk', 'Olga Ejer');
  stranger = (await signUp('fremmed@eksempel.dk', 'Frida Fremmed')).session;
  const created = await send('POST', '/api/documents', owner.session, { title: 'Lokalplan 9', template: 'projektforslag' });
  expect(created.status).toBe(201);
  documentId = (created.body as { document: { id: string } }).document.id;
});

afterAll(async () => {
  for (const provider of providers) provider.destroy();
  await server?.stop();
});

describe('POST /api/documents/:id/versions/:n/restore', () => {
  it('brings version 1 back as new edits that open editors receive (201 { restoredFrom: 1 })', async () => {
    const cookie = `samskriv_session=${owner.session}`;
    const before = connectProvider(syncUrl(), documentId, { cookie });
    providers.push(before);
    await before.synced();
    const published = bodyText(before.doc);
    before.destroy();

    expect((await moveTo('in_review')).status).toBe(200);
    const version = await send('POST', `/api/documents/${documentId}/versions`, admin, { summary: 'Første udgave' });
    expect(version.status).toBe(201);
    // A new draft after publishing (editors connect afresh: publishing ended their write access), edited:
    // a paragraph added; the watcher seeing it means the server has it.
    expect((await moveTo('draft')).status).toBe(200);
    const editor = connectProvider(syncUrl(), documentId, { cookie });
    const watcher = connectProvider(syncUrl(), documentId, { cookie });
    providers.push(editor, watcher);
    await Promise.all([editor.synced(), watcher.synced()]);
    appendParagraph(editor.doc, 'Skrevet efter version 1');
    await waitForDoc(watcher.doc, (doc) => bodyText(doc).includes('Skrevet efter version 1'));
    expect(bodyText(watcher.doc)).not.toBe(published);

    const answer = await restore('1', owner.session);
    expect(answer).toEqual({ status: 201, body: { restoredFrom: 1 } });
    await waitForDoc(watcher.doc, (doc) => bodyText(doc) === published);
    await waitForDoc(editor.doc, (doc) => bodyText(doc) === published);
    expect(server.output()).toMatch(
      new RegExp(`"by":"${owner.id}".*restored a version as new edits|restored a version as new edits.*"by":"${owner.id}"`),
    );
  });

  it('refuses the signed-out (401), strangers (404), other origins (403) and numbers that name no version (404)', async () => {
    expect((await restore('1')).status).toBe(401);
    expect(await restore('1', stranger)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await restore('1', owner.session, 'https://ondsindet.example')).status).toBe(403);
    expect((await restore('1', owner.session, null)).status).toBe(403);
    for (const n of ['99', '0', '01', 'x', '1e3'])
      expect(await restore(n, owner.session)).toMatchObject({ status: 404, body: { error: { code: 'version_not_found' } } });
  });
});
