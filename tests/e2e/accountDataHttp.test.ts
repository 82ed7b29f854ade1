/**
 * /konto self-service over HTTP against the production server (no browser): sessions listed and
 * ended (one's own only), name and e-mail changed (hostile bodies refused), the data export (a zip
 * with one's own words and nobody else's), deleting an account (wrong password, cross-origin, the
 * last admin refused; afterwards the session is dead and the comments say "Tidligere deltager"),
 * and an admin doing the same for someone.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startServerWithAdmin, writeBody, type Answer, type Client, type CommentsClient } from './helpers/commentsClient';
import type { AppServer } from './helpers/startAppServer';

let server: AppServer;
let http: CommentsClient;
let admin: Client;

beforeAll(async () => {
  ({ server, http, admin } = await startServerWithAdmin());
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const codeOf = (answer: Answer) => `${answer.status}${answer.body?.error ? ` ${answer.body.error.code}` : ''}`;

interface SessionItem {
  readonly id: string;
  readonly device: string | null;
  readonly current: boolean;
}

/** Signs in again (a second session) from a browser that says it is Firefox on Linux. */
async function signInWithFirefox(email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/account/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url, 'User-Agent': FIREFOX },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('samskriv_session='));
  return cookie!.slice('samskriv_session='.length).split(';')[0]!;
}

async function sessionsOf(who: Client): Promise<SessionItem[]> {
  return ((await http.ok(http.call('GET', '/api/account/sessions', { as: who }), 'sessions')).body as { sessions: SessionItem[] }).sessions;
}

/** A public document in consultation, owned by `owner`, with a body to comment on. */
async function consultation(owner: Client, title: string) {
  const created = await http.ok(http.call('POST', '/api/documents', { as: owner, body: { title, template: 'blank' } }), 'create');
  const id = (created.body!.document as { id: string }).id;
  await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as: owner, body: { visibility: 'public' } }), 'public');
  const anchor = await writeBody(server, owner.session!, id);
  for (const state of ['in_review', 'consultation'])
    await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as: owner, body: { state } }), `phase ${state}`);
  return { id, anchor };
}

describe('sessions', () => {
  it("lists one's sessions with the device, ends one's own and never another person's", async () => {
    const karen = await http.signUp('Karen Borger');
    const bo = await http.signUp('Bo Nabo');
    const firefox = { session: await signInWithFirefox(karen.email) };
    const listed = await sessionsOf(karen);
    expect(listed).toHaveLength(2);
    expect(listed.filter((session) => session.current)).toHaveLength(1);
    expect(listed.find((session) => !session.current)?.device).toBe('Firefox · Linux');
    expect(JSON.stringify(listed)).not.toContain(karen.session);

    const bosOwn = (await sessionsOf(bo))[0]!;
    expect(codeOf(await http.call('DELETE', `/api/account/sessions/${bosOwn.id}`, { as: karen }))).toBe('404 session_not_found');
    expect(await sessionsOf(bo)).toHaveLength(1);
    expect(codeOf(await http.call('DELETE', '/api/account/sessions/..%2F..%2Fetc', { as: karen }))).toBe('400 session_ref_invalid');
    const other = listed.find((session) => !session.current)!;
    expect(codeOf(await http.call('DELETE', `/api/account/sessions/${other.id}`, { as: karen, origin: null }))).toBe('403 cross_origin');
    expect(codeOf(await http.call('DELETE', `/api/account/sessions/${other.id}`, { as: karen, origin: 'https://evil.example' }))).toBe(
      '403 cross_origin',
    );
    expect((await http.call('DELETE', `/api/account/sessions/${other.id}`, { as: karen })).status).toBe(204);
    expect((await http.call('GET', '/api/account/sessions', { as: firefox })).status).toBe(401);
    expect(await sessionsOf(karen)).toHaveLength(1);
    expect((await http.call('GET', '/api/account/sessions')).status).toBe(401);
  });
});

describe('name and e-mail', () => {
  it('changes the name, refuses hostile bodies, and changes the e-mail with the password (no mail configured)', async () => {
    const karen = await http.signUp('Karen Borger');
    expect((await http.ok(http.call('PATCH', '/api/account/profile', { as: karen, body: { name: 'Karen B.' } }), 'name')).body).toEqual({
      person: { id: karen.id, name: 'Karen B.' },
    });
    for (const [options, code] of [
      [{ body: { name: 'Karen', role: 'admin' } }, '400'],
      [{ body: { name: 'x'.repeat(5000) } }, '413 body_too_large'],
      [{ body: { name: 'Karen\u202Enrak' } }, '400'],
      [{ raw: '{"name":', contentType: 'application/json' }, '400 invalid_json'],
      [{ raw: 'name=Karen', contentType: 'application/x-www-form-urlencoded' }, '415 unsupported_media_type'],
      [{ body: { name: 'Karen' }, origin: 'https://evil.example' }, '403 cross_origin'],
    ] as const) {
      expect(codeOf(await http.call('PATCH', '/api/account/profile', { as: karen, ...options }))).toMatch(new RegExp(`^${code}`));
    }
    const bo = await http.signUp('Bo Nabo');
    const wrong = await http.call('POST', '/api/account/email', { as: karen, body: { email: 'karen@ny.dk', currentPassword: 'forkert' } });
    expect(codeOf(wrong)).toBe('401 invalid_credentials');
    const changed = await http.call('POST', '/api/account/email', { as: karen, body: { email: 'karen@ny.dk', currentPassword: PASSWORD } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ status: 'changed' });
    // A taken address: the same answer, and nothing changes.
    const taken = await http.call('POST', '/api/account/email', { as: karen, body: { email: bo.email, currentPassword: PASSWORD } });
    expect([taken.status, taken.body]).toEqual([200, { status: 'changed' }]);
    const signIn = await http.call('POST', '/api/account/sign-in', { body: { email: 'karen@ny.dk', password: PASSWORD } });
    expect(signIn.status).toBe(200);
    expect((await http.call('POST', '/api/account/sign-in', { body: { email: bo.email, password: PASSWORD } })).status).toBe(200);
  });
});

describe('the data export and deleting an account', () => {
  it("exports one's own words only; deletion refuses a wrong password and other origins, then anonymises and ends the session", async () => {
    const olga = await http.signUp('Olga Ejer');
    const karen = await http.signUp('Karen Borger');
    const bo = await http.signUp('Bo Nabo');
    const { id, anchor } = await consultation(olga, 'Kulturhuset for alle');
    const post = (who: Client, text: string, passage: string) =>
      http.ok(
        http.call('POST', `/api/documents/${id}/comments`, { as: who, body: { kind: 'comment', anchor: anchor(passage), text } }),
        'comment',
      );
    await post(karen, 'Karens ord om spisning.', 'spise sammen');
    await post(bo, 'Bos ord om børn.', 'også børn');
    await http.ok(
      http.call('POST', `/api/documents/${id}/comments`, {
        as: karen,
        body: { kind: 'feedback', category: 'suggestions', text: 'Karens forslag til forbedring.' },
      }),
      'feedback',
    );

    const exported = await http.call('GET', '/api/account/export', { as: karen });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('application/zip');
    expect(exported.headers['cache-control']).toContain('no-store');
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="samskriv-data-\d{4}-\d{2}-\d{2}\.zip"$/);
    const raw = await fetch(`${server.url}/api/account/export`, { headers: { Cookie: `samskriv_session=${karen.session}` } });
    const files = Object.values(unzipSync(new Uint8Array(await raw.arrayBuffer())))
      .map((file) => strFromU8(file))
      .join('\n');
    expect(files).toContain('Karens ord om spisning.');
    // Feedback with its category, in data.json and in the readable README.
    expect(files).toContain('Karens forslag til forbedring.');
    expect(files).toMatch(/"category": ?"suggestions"/);
    expect(files).toContain('- Kategori: Forslag til forbedring');
    expect(files).toContain(karen.email);
    for (const others of ['Bos ord', bo.email, olga.email, 'Bo Nabo', 'Olga Ejer']) expect(files).not.toContain(others);
    expect((await http.call('GET', '/api/account/export')).status).toBe(401);

    expect(codeOf(await http.call('DELETE', '/api/account', { as: karen, body: { password: 'forkert adgangskode' } }))).toBe(
      '401 invalid_credentials',
    );
    expect(
      codeOf(await http.call('DELETE', '/api/account', { as: karen, body: { password: PASSWORD }, origin: 'https://evil.example' })),
    ).toBe('403 cross_origin');
    expect(codeOf(await http.call('DELETE', '/api/account', { as: karen, body: { password: PASSWORD, documents: { all: 'burn' } } }))).toBe(
      '400 disposal_invalid',
    );
    expect(codeOf(await http.call('DELETE', '/api/account', { as: karen, raw: 'x'.repeat(70_000) }))).toBe('413 body_too_large');
    expect((await sessionsOf(karen)).length).toBe(1);

    const deleted = await http.call('DELETE', '/api/account', { as: karen, body: { password: PASSWORD } });
    expect(deleted.status).toBe(200);
    expect(http.cookieValue(deleted, 'samskriv_session')).toBe('');
    expect((await http.call('GET', '/api/account/sessions', { as: karen })).status).toBe(401);
    expect((await http.call('POST', '/api/account/sign-in', { body: { email: karen.email, password: PASSWORD } })).status).toBe(401);
    const thread = await http.ok(http.call('GET', `/api/documents/${id}/comments`, { as: bo }), 'comments');
    expect(thread.text).toContain('Karens ord om spisning.');
    expect(thread.text).toContain('Tidligere deltager');
    expect(thread.text).not.toContain('Karen Borger');
    const notat = await http.ok(http.call('GET', `/api/documents/${id}/report?format=md`, { as: olga }), 'notat');
    expect(notat.text).toContain('Tidligere deltager');
    expect(notat.text).not.toContain('Karen Borger');
  });

  it('refuses the last admin; an admin deletes someone with their own password and exports their data, others may not', async () => {
    const plan = await http.ok(http.call('GET', '/api/account/deletion', { as: admin }), 'plan');
    expect(plan.body).toMatchObject({ lastAdmin: true, hasPassword: true });
    expect(codeOf(await http.call('DELETE', '/api/account', { as: admin, body: { password: PASSWORD } }))).toBe('409 last_admin');

    const bo = await http.signUp('Bo Nabo');
    const karen = await http.signUp('Karen Borger');
    expect((await http.call('GET', `/api/admin/people/${bo.id}/export`, { as: karen })).status).toBe(403);
    expect((await http.call('DELETE', `/api/admin/people/${bo.id}/account`, { as: karen, body: { password: PASSWORD } })).status).toBe(403);
    const exported = await http.call('GET', `/api/admin/people/${bo.id}/export`, { as: admin });
    expect([exported.status, exported.headers['content-type']]).toEqual([200, 'application/zip']);
    expect(
      codeOf(await http.call('DELETE', `/api/admin/people/${bo.id}/account`, { as: admin, body: { password: 'forkert adgangskode' } })),
    ).toBe('401 invalid_credentials');
    expect((await http.call('DELETE', `/api/admin/people/${bo.id}/account`, { as: admin, body: { password: PASSWORD } })).status).toBe(200);
    expect((await http.call('GET', '/api/account/sessions', { as: bo })).status).toBe(401);
    expect((await http.call('GET', `/api/admin/people/${bo.id}/deletion`, { as: admin })).status).toBe(404);
  });
});
