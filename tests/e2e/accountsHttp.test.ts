/**
 * Accounts over HTTP against the production server (no browser): sign-up, sign-in and sign-out,
 * session rotation (fixation), forged cookies, a disabled person, the throttle, answers that do
 * not reveal whether an e-mail exists, the first-admin link, and what signed-out visitors see.
 * (Here rather than in tests/integration because the routes need the Next.js build.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
const PASSWORD = 'en lang adgangskode';

beforeAll(async () => {
  server = await startAppServer({ seedDemo: true });
});
afterAll(async () => {
  await server?.stop();
});

interface Sent {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
  /** The session id the response set, if it set one. */
  readonly session: string | undefined;
}

async function post(path: string, body: unknown, session?: string, method = 'POST'): Promise<Sent> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Origin: server.url,
      ...(session === undefined ? {} : { Cookie: `samskriv_session=${session}` }),
    },
    body: JSON.stringify(body),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('samskriv_session='));
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? null : (JSON.parse(text) as unknown),
    headers: response.headers,
    session: cookie ? cookie.slice('samskriv_session='.length).split(';')[0] : undefined,
  };
}

const signUp = (email: string, name = 'Karen Blixen') => post('/api/account/sign-up', { email, name, password: PASSWORD });
const signIn = (email: string, password = PASSWORD, session?: string) => post('/api/account/sign-in', { email, password }, session);
/** Creating a document needs a valid session: a cheap way to ask whether a cookie still works. */
const canCreate = async (session: string) => (await post('/api/documents', { title: 'Prøve', template: 'blank' }, session)).status === 201;

describe('sign-up, sign-in and sign-out', () => {
  it('signs up and in with an httpOnly, SameSite=Lax session cookie holding an opaque id', async () => {
    const response = await fetch(`${server.url}/api/account/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ email: 'Anna@Eksempel.dk ', name: 'Anna Jensen', password: PASSWORD }),
    });
    expect(response.status).toBe(201);
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('samskriv_session=')) ?? '';
    expect(cookie).toMatch(/^samskriv_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP here; Secure over HTTPS
    const session = cookie.slice('samskriv_session='.length).split(';')[0] ?? '';
    expect(await canCreate(session)).toBe(true);
  });

  it('makes no second account for the same e-mail, whatever its case, and does not say so', async () => {
    expect((await signUp('Dublet@eksempel.dk')).status).toBe(201);
    const again = await signUp('DUBLET@eksempel.dk');
    expect(again.status).toBe(201);
    expect(again.session).toBeDefined(); // the owner's own password: a sign-in (accountAbuseHttp.test.ts has the rest)
    const other = await post('/api/account/sign-up', { email: 'DUBLET@eksempel.dk', name: 'Dublet', password: 'en anden adgangskode' });
    expect(other.status).toBe(201);
    expect(other.session).toBeUndefined();
  });

  it('rotates the session at sign-in: the id held before is worthless afterwards (no fixation)', async () => {
    const { session: first } = await signUp('fix@eksempel.dk');
    expect(first).toBeDefined();
    const second = await signIn('fix@eksempel.dk', PASSWORD, first);
    expect(second.status).toBe(200);
    expect(second.session).toBeDefined();
    expect(second.session).not.toBe(first);
    expect(await canCreate(first ?? '')).toBe(false);
    expect(await canCreate(second.session ?? '')).toBe(true);
  });

  it('ends the session on the server at sign-out', async () => {
    const { session } = await signUp('ud@eksempel.dk');
    const out = await post('/api/account/sign-out', {}, session);
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/samskriv_session=;/);
    expect(await canCreate(session ?? '')).toBe(false);
  });

  it.each([
    ['a made-up id of the right shape', 'A'.repeat(43)],
    ['garbage', 'not-a-session'],
    ['an old signed display-name cookie', 'eyJzdWIiOiJwXzEiLCJuYW1lIjoiQSJ9.c2lnbmF0dXJl'],
  ])('refuses %s as unauthenticated', async (_name, session) => {
    const response = await post('/api/documents', { title: 'x', template: 'blank' }, session);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 'unauthenticated', message: 'Log ind, før du fortsætter.' } });
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    await signUp('kendt@eksempel.dk');
    const unknown = await signIn('ukendt@eksempel.dk', 'forkert adgangskode');
    const wrong = await signIn('kendt@eksempel.dk', 'forkert adgangskode');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.body).toEqual(unknown.body);
    expect(unknown.body).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('locks an account after repeated failures, with Retry-After, also for the right password', async () => {
    await signUp('gaet@eksempel.dk');
    for (let attempt = 0; attempt < 5; attempt++) expect((await signIn('gaet@eksempel.dk', `forkert ${attempt}`)).status).toBe(401);
    const locked = await signIn('gaet@eksempel.dk');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.body).toMatchObject({ error: { code: 'throttled' } });
    expect(locked.session).toBeUndefined();
  });

  it('changes the password and ends the other sessions, keeping this one', async () => {
    const { session: here } = await signUp('skift@eksempel.dk');
    const { session: elsewhere } = await signIn('skift@eksempel.dk');
    const changed = await post('/api/account/password', { currentPassword: PASSWORD, newPassword: 'en helt ny adgangskode' }, here);
    expect(changed.status).toBe(204);
    expect(await canCreate(here ?? '')).toBe(true);
    expect(await canCreate(elsewhere ?? '')).toBe(false);
    expect((await signIn('skift@eksempel.dk')).status).toBe(401);
    expect((await signIn('skift@eksempel.dk', 'en helt ny adgangskode')).status).toBe(200);
  });
});

describe('first start and admins', () => {
  let admin: string | undefined;
  /** The first admin's session: the setup test's, or made here when a test runs alone. */
  async function adminSession(): Promise<string | undefined> {
    admin ??= (await post('/api/setup', { token: server.setupToken(), email: 'admin@eksempel.dk', name: 'Admin', password: PASSWORD }))
      .session;
    admin ??= (await signIn('admin@eksempel.dk')).session;
    return admin;
  }

  it('prints a one-time setup link (never into the JSON log) that creates the first admin once', async () => {
    const token = server.setupToken();
    expect(token).not.toBeNull();
    const jsonLines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(jsonLines.join('\n')).not.toContain(token ?? '');
    const created = await post('/api/setup', { token, email: 'admin@eksempel.dk', name: 'Admin', password: PASSWORD });
    expect(created.status).toBe(201);
    admin = created.session;
    const again = await post('/api/setup', { token, email: 'admin2@eksempel.dk', name: 'Admin 2', password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'setup_done' } });
  });

  it('a disabled person loses their session and cannot sign in', async () => {
    const signedUp = await signUp('spaerret@eksempel.dk', 'Spærret');
    const personId = (signedUp.body as { person: { id: string } }).person.id;
    const disabled = await post(`/api/admin/people/${personId}`, { disabled: true }, await adminSession(), 'PATCH');
    expect(disabled.status).toBe(200);
    expect(await canCreate(signedUp.session ?? '')).toBe(false);
    const refused = await signIn('spaerret@eksempel.dk');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'account_disabled' } });
  });

  it('an admin issues a one-time reset link; it sets a new password once and ends old sessions', async () => {
    const signedUp = await signUp('glemt@eksempel.dk', 'Glemsom');
    const personId = (signedUp.body as { person: { id: string } }).person.id;
    const issued = await post(`/api/admin/people/${personId}/reset-link`, {}, await adminSession());
    expect(issued.status).toBe(201);
    const link = (issued.body as { link: string }).link;
    expect(link).toMatch(/\/konto\/nulstil\?token=[A-Za-z0-9_-]{43}$/);
    expect(server.output()).not.toContain(link.split('token=')[1] ?? 'no token');
    const token = new URL(link).searchParams.get('token');
    expect((await post('/api/account/reset', { token, newPassword: 'kort' })).status).toBe(400); // does not spend the link
    expect((await post('/api/account/reset', { token, newPassword: 'nulstillet adgangskode' })).status).toBe(204);
    expect((await post('/api/account/reset', { token, newPassword: 'endnu en adgangskode' })).body).toMatchObject({
      error: { code: 'invalid_token' },
    });
    expect(await canCreate(signedUp.session ?? '')).toBe(false);
    expect((await signIn('glemt@eksempel.dk', 'nulstillet adgangskode')).status).toBe(200);
    // Only admins issue them.
    const { session: citizen } = await signUp('ikke-admin@eksempel.dk');
    expect((await post(`/api/admin/people/${personId}/reset-link`, {}, citizen)).status).toBe(403);
  });

  it('only an admin may disable people', async () => {
    const { session } = await signUp('borger@eksempel.dk');
    const response = await post('/api/admin/people/p_whoever', { disabled: true }, session, 'PATCH');
    expect(response.status).toBe(403);
  });
});

describe('what signed-out visitors see', () => {
  it('lists the public demo documents of Fælles-skabet, without a create form', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain('Projektforslag: Fællesspisning i forsamlingshuset');
    expect(html).not.toContain('Opret dokument</button>');
    expect(html).toContain('Log ind');
  });

  it('does not list a private document to anyone but those with access', async () => {
    const { session: owner } = await signUp('ejer@eksempel.dk', 'Ejer');
    const created = await post('/api/documents', { title: 'Hemmeligt udkast', template: 'blank' }, owner);
    expect(created.status).toBe(201);
    const { session: stranger } = await signUp('fremmed@eksempel.dk', 'Fremmed');
    const page = async (session?: string) =>
      (await fetch(`${server.url}/`, { headers: session ? { Cookie: `samskriv_session=${session}` } : {} })).text();
    expect(await page(owner)).toContain('Hemmeligt udkast');
    expect(await page(stranger)).not.toContain('Hemmeligt udkast');
    expect(await page()).not.toContain('Hemmeligt udkast');
    // Renaming needs edit access: the stranger is told the document does not exist.
    const id = (created.body as { document: { id: string } }).document.id;
    const rename = await post(`/api/documents/${id}`, { title: 'Overtaget' }, stranger, 'PATCH');
    expect(rename.status).toBe(404);
  });
});
