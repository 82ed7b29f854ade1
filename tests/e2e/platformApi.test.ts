/**
 * The platform API (/api/v1) over HTTP against the production server: API keys made by an admin
 * (shown once, revocable), Bearer authentication without cookies, scopes, validation, the per-key
 * rate limit, documents, grants and sync tokens, and the embed page using a minted token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySyncToken } from '../../lib/auth/syncToken';
import { platformSend } from './helpers/platformSend';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
let admin: string;
const PASSWORD = 'en lang adgangskode';
const RATE_LIMIT = 25;

beforeAll(async () => {
  server = await startAppServer({ env: { API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) } });
  const created = await session('/api/setup', {
    token: server.setupToken(),
    email: 'admin@eksempel.dk',
    name: 'Admin',
    password: PASSWORD,
  });
  admin = created.session ?? '';
});
afterAll(async () => {
  await server?.stop();
});

const send = platformSend(() => server);

/** A same-origin request with a session cookie, as the app's own pages send them. */
const session = (path: string, body?: unknown, cookie?: string, method = 'POST') =>
  send(path, { method, headers: { Origin: server.url, ...(cookie ? { Cookie: `samskriv_session=${cookie}` } : {}) }, body });

const api = (key: string, path: string, method = 'GET', body?: unknown) =>
  send(path, { method, headers: { Authorization: `Bearer ${key}` }, body });

async function newKey(name: string, scopes?: string[]): Promise<{ key: string; id: string }> {
  const created = await session('/api/admin/api-keys', { name, ...(scopes ? { scopes } : {}) }, admin);
  expect(created.status).toBe(201);
  return { key: created.body.key as string, id: (created.body.apiKey as { id: string }).id };
}

describe('API keys', () => {
  it('an admin creates a key, sees the raw key once, and lists it without secrets', async () => {
    const { key, id } = await newKey('Decidim');
    expect(key).toMatch(/^sk_/);
    const listed = await session('/api/admin/api-keys', undefined, admin, 'GET');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(listed.body.apiKeys).toEqual(expect.arrayContaining([expect.objectContaining({ id, name: 'Decidim', revokedAt: null })]));
  });

  it('only admins manage keys, and only from this site', async () => {
    const citizen = (await session('/api/account/sign-up', { email: 'borger@eksempel.dk', name: 'Borger', password: PASSWORD })).session;
    expect((await session('/api/admin/api-keys', { name: 'Min' }, citizen)).status).toBe(403);
    expect((await session('/api/admin/api-keys', { name: 'Anonym' })).status).toBe(401);
    const crossSite = await send('/api/admin/api-keys', {
      method: 'POST',
      headers: { Origin: 'https://ond.example', Cookie: `samskriv_session=${admin}` },
      body: { name: 'Fra et andet websted' },
    });
    expect(crossSite.status).toBe(403);
  });

  it('refuses a missing, malformed, forged or revoked key with 401, and a session cookie alone', async () => {
    const { key, id } = await newKey('Kortlivet');
    expect((await api(key, '/api/v1/documents')).status).toBe(200);
    const missing = await send('/api/v1/documents', {});
    expect(missing.status).toBe(401);
    expect(missing.body.error?.code).toBe('api_key_required');
    const cookieOnly = await send('/api/v1/documents', { headers: { Cookie: `samskriv_session=${admin}`, Origin: server.url } });
    expect(cookieOnly.status).toBe(401);
    expect((await api('not-a-key', '/api/v1/documents')).body.error?.code).toBe('invalid_api_key');
    expect((await api(`sk_${'A'.repeat(43)}`, '/api/v1/documents')).status).toBe(401);
    expect((await session(`/api/admin/api-keys/${id}`, undefined, admin, 'DELETE')).status).toBe(200);
    const revoked = await api(key, '/api/v1/documents');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error?.code).toBe('invalid_api_key');
    expect((await session('/api/admin/api-keys/k_ukendt', undefined, admin, 'DELETE')).status).toBe(404);
  });

  it('refuses what the key has no scope for with 403', async () => {
    const { key } = await newKey('Kun læsning', ['documents:read']);
    expect((await api(key, '/api/v1/documents')).status).toBe(200);
    const refused = await api(key, '/api/v1/documents', 'POST', { title: 'Nej' });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('insufficient_scope');
    expect((await api(key, '/api/v1/sync-tokens', 'POST', { doc: 'x', access: 'view', sub: 'u1', name: 'U' })).status).toBe(403);
  });

  it('limits requests per key in a fixed window, with Retry-After, without touching other keys', async () => {
    const { key } = await newKey('Travl');
    const other = await newKey('Rolig');
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 1; i += 1) statuses.push((await api(key, '/api/v1/documents?limit=1')).status);
    expect(statuses.slice(0, RATE_LIMIT).every((status) => status === 200)).toBe(true);
    const limited = await api(key, '/api/v1/documents');
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api(other.key, '/api/v1/documents')).status).toBe(200);
  });
});

describe('the platform API', () => {
  let key: string;
  beforeAll(async () => {
    key = (await newKey('Borgerportal')).key;
  });

  it('creates documents with a chosen id and visibility, refuses a taken id, and lists them in pages', async () => {
    const created = await api(key, '/api/v1/documents', 'POST', {
      title: 'Høringssvar om cykelstier',
      template: 'projektforslag',
      id: 'hoering-42',
      visibility: 'public',
    });
    expect(created.status).toBe(201);
    expect(created.body.document).toMatchObject({
      id: 'hoering-42',
      visibility: 'public',
      template: 'projektforslag',
      embedPath: '/embed/hoering-42',
    });
    expect((await api(key, '/api/v1/documents', 'POST', { title: 'Igen', id: 'hoering-42' })).body.error?.code).toBe('id_taken');
    await api(key, '/api/v1/documents', 'POST', { title: 'Andet' });
    const page = await api(key, '/api/v1/documents?offset=0&limit=1');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ offset: 0, limit: 1 });
    expect(page.body.documents).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    expect((await api(key, '/api/v1/documents?limit=1000')).body.error?.code).toBe('paging_invalid');
  });

  it('validates input with clear error codes and caps the body size', async () => {
    const cases: [unknown, string][] = [
      [{ title: '' }, 'title_required'],
      [{ title: 'Ok', id: '../etc' }, 'id_invalid'],
      [{ title: 'Ok', visibility: 'secret' }, 'visibility_invalid'],
      [{ title: 'Ok', owner: 'x' }, 'invalid_input'],
    ];
    for (const [body, code] of cases) {
      const refused = await api(key, '/api/v1/documents', 'POST', body);
      expect(refused.status, code).toBe(400);
      expect(refused.body.error).toMatchObject({ code, message: expect.any(String) });
    }
    const tooLarge = await api(key, '/api/v1/documents', 'POST', { title: 'x'.repeat(10_000) });
    expect(tooLarge.status).toBe(413);
  });

  it('grants a person with an account a role by e-mail, and says when there is no such person', async () => {
    await session('/api/account/sign-up', { email: 'karen@eksempel.dk', name: 'Karen', password: PASSWORD });
    await api(key, '/api/v1/documents', 'POST', { title: 'Fælles', id: 'faelles-1' });
    const granted = await api(key, '/api/v1/documents/faelles-1/access', 'POST', { email: 'karen@eksempel.dk', role: 'editor' });
    expect(granted.status).toBe(201);
    expect(granted.body.grant).toMatchObject({ email: 'karen@eksempel.dk', role: 'editor' });
    expect((await api(key, '/api/v1/documents/faelles-1/access', 'POST', { email: 'ingen@eksempel.dk', role: 'editor' })).status).toBe(404);
    expect((await api(key, '/api/v1/documents/findes-ikke/access', 'POST', { email: 'karen@eksempel.dk', role: 'editor' })).status).toBe(
      404,
    );
  });

  it('keeps to the key’s own documents: people’s documents and another key’s are not found', async () => {
    const person = (await session('/api/account/sign-up', { email: 'privat@eksempel.dk', name: 'Privat', password: PASSWORD })).session;
    const own = await session('/api/documents', { title: 'Min dagbog', template: 'blank' }, person);
    const privateId = (own.body.document as { id: string }).id;
    const other = await newKey('Anden platform');
    await api(other.key, '/api/v1/documents', 'POST', { title: 'Den andens', id: 'anden-1' });
    for (const id of [privateId, 'anden-1']) {
      expect((await api(key, '/api/v1/sync-tokens', 'POST', { doc: id, access: 'edit', sub: 'u', name: 'U' })).status, id).toBe(404);
      expect((await api(key, `/api/v1/documents/${id}/access`, 'POST', { email: 'privat@eksempel.dk', role: 'viewer' })).status, id).toBe(
        404,
      );
    }
    const listed = (await api(key, '/api/v1/documents?limit=100')).body.documents as { id: string }[];
    expect(listed.map((document) => document.id)).not.toContain(privateId);
    expect(listed.map((document) => document.id)).not.toContain('anden-1');
  });

  it('mints sync tokens of at most an hour, for a namespaced subject, and the embed page accepts them', async () => {
    const minted = await api(key, '/api/v1/sync-tokens', 'POST', {
      doc: 'hoering-42',
      access: 'comment',
      sub: 'borger-7',
      name: 'Borger Syv',
      ttl: 600,
    });
    expect(minted.status).toBe(201);
    const verified = await verifySyncToken(minted.body.token as string, server.secret);
    expect(verified.ok && verified.claims).toMatchObject({ doc: 'hoering-42', access: 'comment', name: 'Borger Syv' });
    expect(verified.ok && verified.claims.sub).toMatch(/^ext:k_[0-9a-f-]+:borger-7$/);
    // Bound to the key that minted it: the sync server honours it only while that key is live, on its documents.
    expect(verified.ok && verified.claims.kid).toBe(verified.ok ? verified.claims.sub.split(':')[1] : '');
    expect(verified.ok && verified.claims.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(600);
    const embed = await fetch(`${server.url}${minted.body.embedPath as string}`);
    expect(embed.status).toBe(200);
    expect(await embed.text()).toContain('Høringssvar om cykelstier');

    expect(
      (await api(key, '/api/v1/sync-tokens', 'POST', { doc: 'hoering-42', access: 'edit', sub: 'u', name: 'U', ttl: 7200 })).body.error
        ?.code,
    ).toBe('ttl_invalid');
    expect((await api(key, '/api/v1/sync-tokens', 'POST', { doc: 'ny-1', access: 'view', sub: 'u', name: 'U' })).status).toBe(404);
    // An edit token may name a document that does not exist yet: it is created at connect.
    expect((await api(key, '/api/v1/sync-tokens', 'POST', { doc: 'ny-1', access: 'edit', sub: 'u', name: 'U', title: 'Nyt' })).status).toBe(
      201,
    );
  });
});

describe('browser sync tokens (GET /api/documents/[id]/sync-token)', () => {
  const tokenFor = (id: string, cookie?: string, headers: Record<string, string> = {}) =>
    send(`/api/documents/${id}/sync-token`, { headers: { ...(cookie ? { Cookie: `samskriv_session=${cookie}` } : {}), ...headers } });

  it('gives a signed-in person a 5-minute token bound to their session, with the access can() gives', async () => {
    const owner = (await session('/api/account/sign-up', { email: 'ejer@eksempel.dk', name: 'Ejer', password: PASSWORD })).session;
    const created = await session('/api/documents', { title: 'Mit udkast', template: 'blank' }, owner);
    const id = (created.body.document as { id: string }).id;
    const answer = await tokenFor(id, owner);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toContain('no-store');
    const verified = await verifySyncToken(answer.body.token as string, server.secret);
    expect(verified.ok && verified.claims).toMatchObject({ doc: id, access: 'edit', name: 'Ejer', sid: expect.any(String) });
    expect(verified.ok && verified.claims.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(300);

    const stranger = (await session('/api/account/sign-up', { email: 'fremmed@eksempel.dk', name: 'Fremmed', password: PASSWORD })).session;
    expect((await tokenFor(id, stranger)).status).toBe(404);
    expect((await tokenFor(id)).status).toBe(401);
    expect((await tokenFor(id, owner, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });

  it('gives a signed-out visitor a view token for a public document, without a session', async () => {
    const answer = await tokenFor('hoering-42');
    expect(answer.status).toBe(200);
    const verified = await verifySyncToken(answer.body.token as string, server.secret);
    // Marked as a signed-out visitor's: the sync server judges it as signed out, at connect and live.
    expect(verified.ok && verified.claims).toMatchObject({ doc: 'hoering-42', access: 'view', anon: true });
    expect(verified.ok && verified.claims.sid).toBeUndefined();
  });
});
