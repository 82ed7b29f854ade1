/**
 * "Nulstil historik" over HTTP against the production server: who may (owners and admins:
 * manage_access), the refusals, the epoch it answers and the sync-token route reports, and that it
 * reaches the sync endpoint of the same process (a live socket is closed with 4409; the old epoch
 * is refused at connect, the new one welcome).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Close, EPOCH_QUERY_PARAM } from '../../lib/protocol';
import { openRawSocket } from '../helpers/rawSocket';
import { createFirstAdmin, sessionHttp } from './helpers/sessionHttp';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
const { send, signUp } = sessionHttp(() => server);

let admin = '';
let owner = '';
let editor = '';
let stranger = '';
let documentId = '';
const reset = (session?: string, origin?: string | null) =>
  send('POST', `/api/documents/${documentId}/reset-history`, session, undefined, origin);

async function syncToken(session: string): Promise<{ token: string; epoch: number }> {
  const response = await fetch(`${server.url}/api/documents/${documentId}/sync-token`, {
    headers: { Cookie: `samskriv_session=${session}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string; epoch: number };
}

const socketUrl = (token: string, epoch?: number) =>
  `${server.url.replace('http', 'ws')}/sync/${documentId}?token=${token}${epoch === undefined ? '' : `&${EPOCH_QUERY_PARAM}=${epoch}`}`;

beforeAll(async () => {
  server = await startAppServer();
  admin = await createFirstAdmin(server);
  owner = (await signUp('ejer@eksempel.dk', 'Olga Ejer')).session;
  editor = (await signUp('redaktoer@eksempel.dk', 'Erik Redaktør')).session;
  stranger = (await signUp('fremmed@eksempel.dk', 'Frida Fremmed')).session;
});

// A fresh document (epoch 1) for each test, so none depends on another's resets.
beforeEach(async () => {
  const created = await send('POST', '/api/documents', owner, { title: 'Vedtægter', template: 'projektforslag' });
  expect(created.status).toBe(201);
  documentId = (created.body as { document?: { id: string }; id?: string }).document?.id ?? String(created.body?.id);
  expect(
    (await send('POST', `/api/documents/${documentId}/access`, owner, { email: 'redaktoer@eksempel.dk', role: 'editor' })).status,
  ).toBe(201);
});

afterAll(async () => {
  await server?.stop();
});

describe('POST /api/documents/:id/reset-history', () => {
  it('refuses signed-out visitors (401), strangers (404), editors (403) and other origins (403)', async () => {
    expect((await reset()).status).toBe(401);
    expect(await reset(stranger)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await reset(editor)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await reset(owner, 'https://angriber.example')).toMatchObject({ status: 403, body: { error: { code: 'cross_origin' } } });
    expect((await reset(owner, null)).status).toBe(403);
    expect((await send('POST', '/api/documents/findes-ikke/reset-history', owner)).status).toBe(404);
    expect((await syncToken(owner)).epoch).toBe(1);
  });

  it('lets the owner reset: live sockets close with 4409, the old epoch is refused, the new one welcome', async () => {
    const { token } = await syncToken(editor);
    const live = await openRawSocket(socketUrl(token, 1));
    const stock = await openRawSocket(socketUrl(token));
    const answer = await reset(owner);
    expect(answer).toEqual({ status: 200, body: { epoch: 2 } });
    expect(await live.closed).toEqual(Close.staleEpoch);
    expect(await stock.closed).toEqual(Close.staleEpoch);

    const fresh = await syncToken(editor);
    expect(fresh.epoch).toBe(2);
    const stale = await openRawSocket(socketUrl(fresh.token, 1));
    expect(await stale.closed).toEqual(Close.staleEpoch);
    expect(stale.frames).toEqual([]);
    const current = await openRawSocket(socketUrl(fresh.token, 2));
    const answered = new Promise<void>((resolve) => current.ws.once('message', () => resolve()));
    // Sync step 1 with an empty state vector: the server answers with the document.
    current.ws.send(new Uint8Array([0, 0, 1, 0]));
    await answered;
    current.ws.close();
  });

  it('lets an admin reset a document they have no grant on', async () => {
    expect(await reset(admin)).toEqual({ status: 200, body: { epoch: 2 } });
    expect((await syncToken(owner)).epoch).toBe(2);
  });
});
