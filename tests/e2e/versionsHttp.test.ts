/**
 * Versions over HTTP against the production server (issue 9): POST/GET /api/documents/:id/versions
 * and GET /api/documents/:id/versions/:n, and the phase route's freezes. Who may publish
 * (moderators and admins: `publish`), the refusals (401, 403, 404, 409 naming the version), the
 * idempotent replay, and hostile bodies, headers and paths.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFirstAdmin, sessionHttp } from './helpers/sessionHttp';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
const { send, signUp } = sessionHttp(() => server);

let admin = '';
let owner = '';
let stranger = '';
let documentId = '';

interface VersionBody {
  number: number;
  kind: string;
  title: string;
  summary: string;
  publishedAt: string;
  publishedBy: string;
  closesPhase: string;
  hash: string;
  html?: string;
}

/** POST with full control over the headers and the raw body. */
async function publishRaw(
  body: string,
  options: { session?: string; key?: string; contentType?: string; origin?: string | null; id?: string } = {},
): Promise<{
  status: number;
  headers: Headers;
  body: { version?: VersionBody; error?: { code: string; message: string; version?: number } };
}> {
  const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/json' };
  if (options.origin !== null) headers.Origin = options.origin ?? server.url;
  if (options.session !== undefined) headers.Cookie = `samskriv_session=${options.session}`;
  if (options.key !== undefined) headers['Idempotency-Key'] = options.key;
  const response = await fetch(`${server.url}/api/documents/${options.id ?? documentId}/versions`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? {} : JSON.parse(text) };
}
const publish = (input: unknown, session = admin, key?: string) =>
  publishRaw(JSON.stringify(input), { session, ...(key !== undefined && { key }) });
const moveTo = (state: string, session = owner) => send('PATCH', `/api/documents/${documentId}/state`, session, { state });
const listed = async (session?: string) => {
  const answer = await send('GET', `/api/documents/${documentId}/versions`, session);
  return answer as { status: number; body: { versions?: VersionBody[]; error?: { code: string } } };
};

beforeAll(async () => {
  server = await startAppServer();
  admin = await createFirstAdmin(server);
  owner = (await signUp('ejer@eksempel.dk', 'Olga Ejer')).session;
  stranger = (await signUp('fremmed@eksempel.dk', 'Frida Fremmed')).session;
});

// A fresh private document in review for each test.
beforeEach(async () => {
  const created = await send('POST', '/api/documents', owner, { title: 'Lokalplan 7', template: 'projektforslag' });
  expect(created.status).toBe(201);
  documentId = (created.body as { document: { id: string } }).document.id;
  expect((await moveTo('in_review')).status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
});

describe('POST /api/documents/:id/versions', () => {
  it('publishes version 1 (201), moves the document to final, and lists and serves it', async () => {
    const answer = await publish({ summary: 'Første udgave' });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('idempotent-replayed')).toBeNull();
    expect(answer.body.version).toMatchObject({
      number: 1,
      kind: 'published',
      title: 'Lokalplan 7',
      summary: 'Første udgave',
      publishedBy: 'Ada Admin',
      closesPhase: 'in_review',
      hash: expect.stringMatching(/^sha256-[0-9a-f]{64}$/),
    });
    expect(Date.parse(answer.body.version!.publishedAt)).not.toBeNaN();
    // Final now: nothing more to publish until a new draft (can() refuses publish on final documents).
    expect(await publish({ summary: 'igen' })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });

    const list = await listed(owner);
    expect(list.status).toBe(200);
    expect(list.body.versions).toEqual([answer.body.version]);
    const one = await send('GET', `/api/documents/${documentId}/versions/1`, owner);
    expect(one.status).toBe(200);
    const version = (one.body as { version: VersionBody }).version;
    expect(version).toMatchObject({ ...answer.body.version });
    // The body as the editor renders it: its sections from h2 (the title is the page's one h1, not the body's).
    expect(version.html).toContain('<h2>Formål</h2>');
    expect(version.html).not.toContain('<h1');
    expect(version.html).toContain('Formål');
  });

  it('answers a repeated Idempotency-Key with the same version (201, Idempotent-Replayed) and publishes once', async () => {
    const first = await publish({ summary: 'a' }, admin, 'klik-123');
    const again = await publish({ summary: 'a' }, admin, 'klik-123');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.version).toEqual(first.body.version);
    expect((await listed(owner)).body.versions).toHaveLength(1);
  });

  it('answers 409 nothing_changed naming the version when nothing changed, and numbers the next change 2', async () => {
    expect((await publish({ summary: 'a' })).status).toBe(201);
    // A new draft after publishing (final → draft), back to review without a change.
    expect((await moveTo('draft')).status).toBe(200);
    expect((await moveTo('in_review')).status).toBe(200);
    const refused = await publish({ summary: 'b' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'nothing_changed', version: 1 });
    expect(refused.body.error!.message).toContain('version 1');
    const renamed = await publish({ summary: 'Ny titel', title: 'Lokalplan 7 (revideret)' });
    expect(renamed.status).toBe(201);
    expect(renamed.body.version).toMatchObject({ number: 2, title: 'Lokalplan 7 (revideret)' });
    expect((await listed(owner)).body.versions!.map((version) => version.number)).toEqual([2, 1]);
  });

  it('refuses the signed-out (401), strangers (404), the owner (403, no publish right) and other origins (403)', async () => {
    expect((await publishRaw(JSON.stringify({ summary: 'x' }))).status).toBe(401);
    expect(await publish({ summary: 'x' }, stranger)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await publish({ summary: 'x' }, owner)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await publishRaw(JSON.stringify({ summary: 'x' }), { session: admin, origin: 'https://ondsindet.example' })).status).toBe(403);
    expect((await publishRaw(JSON.stringify({ summary: 'x' }), { session: admin, origin: null })).status).toBe(403);
    expect((await publishRaw(JSON.stringify({ summary: 'x' }), { session: admin, id: 'findes-ikke' })).status).toBe(404);
    expect((await publishRaw(JSON.stringify({ summary: 'x' }), { session: admin, id: 'ikke..gyldig' })).status).toBe(404);
    expect((await listed(owner)).body.versions).toEqual([]);
  });

  it('refuses hostile bodies and headers with a code, storing nothing', async () => {
    const cases: [Promise<{ status: number; body: { error?: { code: string } } }>, number, string][] = [
      [publish({ summary: 5 }), 400, 'summary_invalid'],
      [publish({}), 400, 'summary_invalid'],
      [publish({ summary: 'x'.repeat(2001) }), 400, 'summary_too_long'],
      [publish({ summary: 'a\u0000b' }), 400, 'summary_invalid'],
      [publish({ summary: 'a\u202eb' }), 400, 'summary_invalid'],
      [publish({ summary: 'x', title: '' }), 400, 'title_required'],
      [publish({ summary: 'x', title: ['a'] }), 400, 'title_invalid'],
      [publish({ summary: 'x', extra: true }), 400, 'unknown_field'],
      [publish(['summary']), 400, 'invalid_input'],
      [publish(null), 400, 'invalid_input'],
      [publishRaw('{"summary":', { session: admin }), 400, 'invalid_json'],
      [publishRaw(JSON.stringify({ summary: 'x' }), { session: admin, contentType: 'text/plain' }), 415, 'unsupported_media_type'],
      [publishRaw(JSON.stringify({ summary: 'x'.repeat(70_000) }), { session: admin }), 413, 'body_too_large'],
      [publish({ summary: 'x' }, admin, 'k'.repeat(201)), 400, 'idempotency_key_invalid'],
      [publish({ summary: 'x' }, admin, 'a\tb'), 400, 'idempotency_key_invalid'],
    ];
    for (const [answer, status, code] of cases) expect(await answer).toMatchObject({ status, body: { error: { code } } });
    expect((await listed(owner)).body.versions).toEqual([]);
    // A key of exactly 200 printable characters is fine.
    expect((await publish({ summary: 'x' }, admin, `${'k'.repeat(199)}~`)).status).toBe(201);
  });
});

describe('GET /api/documents/:id/versions[/:n]', () => {
  it('hides a private document from strangers and the signed-out (404), also for bad numbers', async () => {
    expect((await publish({ summary: 'a' })).status).toBe(201);
    expect(await listed(stranger)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await listed()).status).toBe(404);
    for (const n of ['1', '0', 'abc'])
      expect(await send('GET', `/api/documents/${documentId}/versions/${n}`, stranger)).toMatchObject({
        status: 404,
        body: { error: { code: 'not_found' } },
      });
  });

  it('answers 404 version_not_found for numbers that name no version', async () => {
    expect((await publish({ summary: 'a' })).status).toBe(201);
    for (const n of ['2', '0', '01', '-1', '1.0', 'abc', '1e3', '9999999999999', '%00'])
      expect(await send('GET', `/api/documents/${documentId}/versions/${n}`, owner), n).toMatchObject({
        status: 404,
        body: { error: { code: 'version_not_found' } },
      });
  });
});

describe('PATCH /api/documents/:id/state freezes versions', () => {
  it('freezes the consultation draft on a move into consultation, and publishes on a move into final', async () => {
    const consultation = await moveTo('consultation');
    expect(consultation.status).toBe(200);
    expect(consultation.body).toMatchObject({ version: { number: 1, kind: 'consultation_draft', summary: '', closesPhase: 'in_review' } });
    const final = await moveTo('final', admin);
    expect(final.status).toBe(200);
    expect(final.body).toMatchObject({ state: 'final', version: { number: 2, kind: 'published', closesPhase: 'consultation' } });
    const versions = (await listed(owner)).body.versions!;
    expect(versions.map((version) => [version.number, version.kind])).toEqual([
      [2, 'published'],
      [1, 'consultation_draft'],
    ]);
    expect(versions[0]!.hash).toBe(versions[1]!.hash);
  });

  it('publishes nothing on a move into final when the current text already has a published version', async () => {
    expect((await publish({ summary: 'a' })).status).toBe(201);
    expect((await moveTo('draft')).status).toBe(200);
    expect((await moveTo('in_review')).status).toBe(200);
    const final = await moveTo('final', admin);
    expect(final).toMatchObject({ status: 200, body: { state: 'final', version: null } });
    expect((await listed(owner)).body.versions).toHaveLength(1);
  });
});
