/**
 * The admin routes over HTTP against the production server (no browser): people (search, paging,
 * roles, disabling, the last admin), organisations (CVR check, members), workspaces (members,
 * documents in them), acting for an organisation; refusals for signed-out visitors, non-admins
 * and cross-origin requests alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
let admin = '';
let citizen = '';
const PASSWORD = 'en lang adgangskode';

interface Sent {
  readonly status: number;
  readonly body: unknown;
  readonly session: string | undefined;
}

async function send(method: string, path: string, body: unknown, session?: string, origin: string | null = server.url): Promise<Sent> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(origin === null ? {} : { Origin: origin }),
      ...(session === undefined ? {} : { Cookie: `samskriv_session=${session}` }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('samskriv_session='));
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? null : text.startsWith('{') ? (JSON.parse(text) as unknown) : text,
    session: cookie ? cookie.slice('samskriv_session='.length).split(';')[0] : undefined,
  };
}

const get = (path: string, session?: string) => send('GET', path, undefined, session, null);

async function signUp(email: string, name: string): Promise<{ id: string; session: string }> {
  const sent = await send('POST', '/api/account/sign-up', { email, name, password: PASSWORD });
  expect(sent.status).toBe(201);
  return { id: (sent.body as { person: { id: string } }).person.id, session: sent.session ?? '' };
}

interface ListedPerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: string;
  readonly disabled: boolean;
}
const peopleOf = (sent: Sent) => (sent.body as { people: ListedPerson[]; total: number }).people;

beforeAll(async () => {
  server = await startAppServer();
  const created = await send('POST', '/api/setup', {
    token: server.setupToken(),
    email: 'admin@eksempel.dk',
    name: 'Ada Admin',
    password: PASSWORD,
  });
  expect(created.status).toBe(201);
  admin = created.session ?? '';
  citizen = (await signUp('borger@eksempel.dk', 'Bodil Borger')).session;
  for (const [index, name] of ['Søren Sørensen', 'Åse Ågaard', 'Ib Iversen', 'Else Eriksen'].entries()) {
    await signUp(`person${index}@eksempel.dk`, name);
  }
});
afterAll(async () => {
  await server?.stop();
});

describe('every admin route refuses signed-out visitors, non-admins and other origins', () => {
  const writes: [string, string, unknown][] = [
    ['PATCH', '/api/admin/people/p_x', { disabled: true }],
    ['POST', '/api/admin/people/p_x/reset-link', {}],
    ['POST', '/api/admin/organisations', { name: 'Forening', kind: 'association' }],
    ['POST', '/api/admin/organisations/o_x/members', { email: 'borger@eksempel.dk' }],
    ['DELETE', '/api/admin/organisations/o_x/members', { personId: 'p_x' }],
    ['POST', '/api/admin/workspaces', { name: 'Projekt' }],
    ['POST', '/api/admin/workspaces/w_x/members', { email: 'borger@eksempel.dk' }],
    ['DELETE', '/api/admin/workspaces/w_x/members', { personId: 'p_x' }],
    ['PATCH', '/api/admin/organisations/o_x', { name: 'Nyt navn' }],
    ['DELETE', '/api/admin/organisations/o_x', undefined],
    ['PATCH', '/api/admin/workspaces/w_x', { name: 'Nyt navn' }],
    ['DELETE', '/api/admin/workspaces/w_x', undefined],
  ];
  const reads = ['/api/admin/people', '/api/admin/organisations', '/api/admin/workspaces'];

  it.each(writes)('%s %s: 401 signed out, 403 for a citizen', async (method, path, body) => {
    expect((await send(method, path, body)).body).toMatchObject({ error: { code: 'unauthenticated' } });
    const refused = await send(method, path, body, citizen);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden', message: 'Du har ikke adgang til at gøre det.' } });
  });

  it.each(writes)('%s %s: 403 cross_origin from another site or without Origin, even for an admin', async (method, path, body) => {
    expect((await send(method, path, body, admin, 'https://angriber.example')).body).toMatchObject({ error: { code: 'cross_origin' } });
    expect((await send(method, path, body, admin, null)).status).toBe(403);
  });

  it.each(['/api/admin/organisations/o_x/removal', '/api/admin/workspaces/w_x/removal'])(
    'GET %s: 401 signed out, 403 for a citizen, 404 for an admin asking about an unknown id',
    async (path) => {
      expect((await get(path)).status).toBe(401);
      expect((await get(path, citizen)).status).toBe(403);
      expect(await get(path, admin)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    },
  );

  it.each(reads)('GET %s: 401 signed out, 403 for a citizen', async (path) => {
    expect((await get(path)).status).toBe(401);
    expect((await get(path, citizen)).status).toBe(403);
    expect((await get(path, admin)).status).toBe(200);
  });

  it('the admin page is there for admins only: sign-in for visitors, "not found" for others', async () => {
    const page = (session?: string) =>
      fetch(`${server.url}/admin`, { redirect: 'manual', headers: session ? { Cookie: `samskriv_session=${session}` } : {} });
    expect([303, 307]).toContain((await page()).status);
    expect((await page(citizen)).status).toBe(404);
    const html = await (await page(admin)).text();
    expect(html).toContain('Administration');
    expect(html).toContain('Bodil Borger');
  });

  it('refuses bodies over the size limit and non-JSON bodies', async () => {
    const big = await send('POST', '/api/admin/organisations', { name: 'x'.repeat(5000), kind: 'association' }, admin);
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ error: { code: 'body_too_large' } });
    expect((await send('POST', '/api/admin/workspaces', 'ikke json', admin)).body).toMatchObject({ error: { code: 'invalid_json' } });
  });
});

describe('people', () => {
  it('pages through people by name, stably, with the total', async () => {
    const first = await get('/api/admin/people?limit=2', admin);
    const second = await get('/api/admin/people?limit=2&offset=2', admin);
    expect((first.body as { total: number }).total).toBe(6);
    const names = [...peopleOf(first), ...peopleOf(second)].map((person) => person.name);
    expect(names).toEqual(['Ada Admin', 'Bodil Borger', 'Else Eriksen', 'Ib Iversen']);
    const last = await get('/api/admin/people?limit=2&offset=4', admin);
    // Danish order: Å comes last, after Ø.
    expect(peopleOf(last).map((person) => person.name)).toEqual(['Søren Sørensen', 'Åse Ågaard']);
    expect(JSON.stringify(first.body)).not.toContain('passwordHash');
  });

  it('searches name and e-mail, case-insensitively', async () => {
    expect(peopleOf(await get('/api/admin/people?q=s%C3%98REN', admin)).map((person) => person.email)).toEqual(['person0@eksempel.dk']);
    expect(peopleOf(await get('/api/admin/people?q=borger%40', admin)).map((person) => person.name)).toEqual(['Bodil Borger']);
    expect((await get('/api/admin/people?q=ingen-s%C3%A5dan', admin)).body).toEqual({ people: [], total: 0 });
  });

  it('refuses bad paging parameters with a code', async () => {
    expect((await get('/api/admin/people?limit=0', admin)).body).toMatchObject({ error: { code: 'limit_invalid' } });
    expect((await get('/api/admin/people?limit=101', admin)).body).toMatchObject({ error: { code: 'limit_invalid' } });
    expect((await get('/api/admin/people?offset=-1', admin)).body).toMatchObject({ error: { code: 'offset_invalid' } });
    expect((await get(`/api/admin/people?q=${'a'.repeat(201)}`, admin)).body).toMatchObject({ error: { code: 'query_too_long' } });
  });

  it('changes a role, and refuses an unknown role, an empty change and an unknown person', async () => {
    const person = await signUp('rolle@eksempel.dk', 'Rolf Rolle');
    const changed = await send('PATCH', `/api/admin/people/${person.id}`, { role: 'staff' }, admin);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ person: { id: person.id, role: 'staff', disabled: false } });
    expect((await send('PATCH', `/api/admin/people/${person.id}`, { role: 'kejser' }, admin)).body).toMatchObject({
      error: { code: 'role_invalid' },
    });
    expect((await send('PATCH', `/api/admin/people/${person.id}`, {}, admin)).body).toMatchObject({ error: { code: 'nothing_to_change' } });
    expect((await send('PATCH', '/api/admin/people/p_findesikke', { role: 'staff' }, admin)).status).toBe(404);
  });

  it('disables and enables a person: their session ends, and they can sign in again afterwards', async () => {
    const person = await signUp('pause@eksempel.dk', 'Pia Pause');
    expect((await send('PATCH', `/api/admin/people/${person.id}`, { disabled: true }, admin)).body).toMatchObject({
      person: { disabled: true },
    });
    expect((await send('POST', '/api/documents', { title: 'x', template: 'blank' }, person.session)).status).toBe(401);
    expect((await send('PATCH', `/api/admin/people/${person.id}`, { disabled: false }, admin)).status).toBe(200);
    expect((await send('POST', '/api/account/sign-in', { email: 'pause@eksempel.dk', password: PASSWORD })).status).toBe(200);
  });

  it('keeps the last admin: neither demoted nor disabled, with a sentence saying why', async () => {
    const adminId = peopleOf(await get('/api/admin/people?q=admin%40', admin))[0]?.id ?? '';
    const demoted = await send('PATCH', `/api/admin/people/${adminId}`, { role: 'citizen' }, admin);
    expect(demoted.status).toBe(409);
    expect(demoted.body).toMatchObject({
      error: { code: 'last_admin', message: 'Platformen skal have mindst én aktiv administrator. Gør en anden til administrator først.' },
    });
    expect((await send('PATCH', `/api/admin/people/${adminId}`, { disabled: true }, admin)).body).toMatchObject({
      error: { code: 'last_admin' },
    });
    // With a second admin, the first may step down.
    const second = await signUp('admin2@eksempel.dk', 'Anden Admin');
    expect((await send('PATCH', `/api/admin/people/${second.id}`, { role: 'admin' }, admin)).status).toBe(200);
    expect((await send('PATCH', `/api/admin/people/${second.id}`, { role: 'citizen' }, admin)).status).toBe(200);
  });
});

describe('organisations and acting for one', () => {
  it('requires a CVR number for a business and checks it with modulus 11', async () => {
    const missing = await send('POST', '/api/admin/organisations', { name: 'Tømrer ApS', kind: 'business' }, admin);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 'cvr_required', message: 'En virksomhed skal have et CVR-nummer.' } });
    const wrong = await send('POST', '/api/admin/organisations', { name: 'Tømrer ApS', kind: 'business', cvr: '12345678' }, admin);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      error: { code: 'cvr_invalid', message: 'CVR-nummeret er ikke gyldigt. Det skal være 8 cifre og bestå kontrollen med modulus 11.' },
    });
    const created = await send('POST', '/api/admin/organisations', { name: 'Tømrer ApS', kind: 'business', cvr: '3158 2717' }, admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ organisation: { name: 'Tømrer ApS', kind: 'business', cvr: '31582717' } });
  });

  it('creates an association without a CVR number and refuses an unknown kind or an empty name', async () => {
    expect((await send('POST', '/api/admin/organisations', { name: 'Grundejerforeningen', kind: 'association' }, admin)).status).toBe(201);
    expect((await send('POST', '/api/admin/organisations', { name: 'X', kind: 'klub' }, admin)).body).toMatchObject({
      error: { code: 'organisation_kind_invalid' },
    });
    expect((await send('POST', '/api/admin/organisations', { name: ' ', kind: 'association' }, admin)).body).toMatchObject({
      error: { code: 'organisation_name_required' },
    });
    const listed = await get('/api/admin/organisations?q=grundejer', admin);
    expect(listed.body).toMatchObject({ total: 1, organisations: [{ name: 'Grundejerforeningen', cvr: null, members: [] }] });
  });

  it('adds and removes members by e-mail; unknown e-mails and organisations are named', async () => {
    const created = await send('POST', '/api/admin/organisations', { name: 'Snedkerlauget', kind: 'association' }, admin);
    expect(created.status).toBe(201);
    const organisationId = (created.body as { organisation: { id: string } }).organisation.id;
    const member = await signUp('medlem@eksempel.dk', 'Mette Medlem');
    const url = `/api/admin/organisations/${organisationId}/members`;
    const added = await send('POST', url, { email: 'MEDLEM@eksempel.dk' }, admin);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ member: { id: member.id, name: 'Mette Medlem' }, added: true });
    expect((await send('POST', url, { email: 'medlem@eksempel.dk' }, admin)).body).toMatchObject({ added: false });
    expect((await send('POST', url, { email: 'ingen@eksempel.dk' }, admin)).body).toMatchObject({ error: { code: 'person_not_found' } });
    expect((await send('POST', url, { email: 'ikke en e-mail' }, admin)).body).toMatchObject({ error: { code: 'email_invalid' } });
    expect((await send('POST', '/api/admin/organisations/o_ingen/members', { email: 'medlem@eksempel.dk' }, admin)).status).toBe(404);
    const listed = await get('/api/admin/organisations?q=snedker', admin);
    expect(listed.body).toMatchObject({ organisations: [{ members: [{ id: member.id, email: 'medlem@eksempel.dk' }] }] });

    // The member acts for it: their name becomes "Navn (Organisation)".
    const acting = await send('PUT', '/api/account/acting-for', { organisationId }, member.session);
    expect(acting.status).toBe(200);
    expect(acting.body).toEqual({ label: 'Mette Medlem (Snedkerlauget)' });
    const konto = await (await fetch(`${server.url}/konto`, { headers: { Cookie: `samskriv_session=${member.session}` } })).text();
    expect(konto).toContain('Logget ind som Mette Medlem (Snedkerlauget)');
    // Someone who is not a member cannot act for it.
    expect((await send('PUT', '/api/account/acting-for', { organisationId }, citizen)).body).toMatchObject({
      error: { code: 'not_member' },
    });
    expect((await send('PUT', '/api/account/acting-for', { organisationId }, undefined)).status).toBe(401);

    // Removed: back to acting as themselves.
    expect((await send('DELETE', url, { personId: member.id }, admin)).status).toBe(204);
    const after = await (await fetch(`${server.url}/konto`, { headers: { Cookie: `samskriv_session=${member.session}` } })).text();
    expect(after).toContain('Logget ind som Mette Medlem');
    expect(after).not.toContain('Mette Medlem (Snedkerlauget)');
  });
});

describe('workspaces', () => {
  it('an admin creates a workspace and adds members, who put documents in it and see each other’s', async () => {
    expect((await send('POST', '/api/admin/workspaces', { name: '' }, admin)).body).toMatchObject({
      error: { code: 'workspace_name_required' },
    });
    const created = await send('POST', '/api/admin/workspaces', { name: 'Lokalplan Havnen', description: 'Høringssvar og udkast' }, admin);
    expect(created.status).toBe(201);
    const workspaceId = (created.body as { workspace: { id: string } }).workspace.id;
    const anna = await signUp('anna.ws@eksempel.dk', 'Anna Arbejdsrum');
    const bent = await signUp('bent.ws@eksempel.dk', 'Bent Arbejdsrum');
    const outsider = await signUp('ude@eksempel.dk', 'Udenfor');
    const url = `/api/admin/workspaces/${workspaceId}/members`;
    for (const email of ['anna.ws@eksempel.dk', 'bent.ws@eksempel.dk'])
      expect((await send('POST', url, { email }, admin)).status).toBe(201);
    expect((await send('POST', '/api/admin/workspaces/w_ingen/members', { email: 'ude@eksempel.dk' }, admin)).body).toMatchObject({
      error: { code: 'workspace_not_found' },
    });

    const doc = await send('POST', '/api/documents', { title: 'Udkast til høringssvar', template: 'blank', workspaceId }, anna.session);
    expect(doc.status).toBe(201);
    // Only members put documents in a workspace.
    expect(
      (await send('POST', '/api/documents', { title: 'Indtrængen', template: 'blank', workspaceId }, outsider.session)).body,
    ).toMatchObject({
      error: { code: 'workspace_invalid' },
    });
    const page = async (session: string, query = '') =>
      (await fetch(`${server.url}/${query}`, { headers: { Cookie: `samskriv_session=${session}` } })).text();
    const bentsStart = await page(bent.session);
    expect(bentsStart).toContain('Dine arbejdsrum');
    expect(bentsStart).toContain('Lokalplan Havnen');
    expect(bentsStart).toContain('Udkast til høringssvar');
    expect(await page(outsider.session)).not.toContain('Udkast til høringssvar');

    // The list filtered by workspace shows only its documents.
    await send('POST', '/api/documents', { title: 'Privat notat', template: 'blank' }, bent.session);
    const filtered = await page(bent.session, `?arbejdsrum=${workspaceId}`);
    expect(filtered).toContain('Udkast til høringssvar');
    expect(filtered).not.toContain('Privat notat');
    expect(await page(bent.session)).toContain('Privat notat');

    // Removed from the workspace: its documents are no longer Bent's to see.
    expect((await send('DELETE', url, { personId: bent.id }, admin)).status).toBe(204);
    expect(await page(bent.session)).not.toContain('Udkast til høringssvar');
    const listed = await get('/api/admin/workspaces', admin);
    expect(listed.body).toMatchObject({ workspaces: [{ name: 'Lokalplan Havnen', members: [{ name: 'Anna Arbejdsrum' }] }] });
  });
});

describe('the admin page pages through organisations', () => {
  it('shows 20 organisations a page, with links that keep the people search', async () => {
    const before = await get('/api/admin/organisations?limit=1', admin);
    const existing = (before.body as { total: number }).total;
    for (let i = existing; i < 23; i += 1) {
      expect(
        (await send('POST', '/api/admin/organisations', { name: `Forening nr. ${String(i).padStart(2, '0')}`, kind: 'association' }, admin))
          .status,
      ).toBe(201);
    }
    const first = String((await get('/admin?q=s', admin)).body);
    expect(first).toContain('Sider med organisationer');
    expect(first).toMatch(/href="\/admin\?q=s&amp;orgOffset=20"/);
    const second = String((await get('/admin?q=s&orgOffset=20', admin)).body);
    expect(second).toContain('Side 2 af 2');
    expect(second).toMatch(/href="\/admin\?q=s"/);
  });
});

describe('renaming and removing organisations and workspaces', () => {
  const page = async (session: string, path = '/') =>
    (await fetch(`${server.url}${path}`, { headers: { Cookie: `samskriv_session=${session}` } })).text();

  it('renames an organisation: hostile names and unknown ids refused, the new name shown where the old one was', async () => {
    const created = await send('POST', '/api/admin/organisations', { name: 'Foreningen Grø', kind: 'association' }, admin);
    const organisationId = (created.body as { organisation: { id: string } }).organisation.id;
    const url = `/api/admin/organisations/${organisationId}`;
    const member = await signUp('omdoeb@eksempel.dk', 'Rikke Rename');
    expect((await send('POST', `${url}/members`, { email: 'omdoeb@eksempel.dk' }, admin)).status).toBe(201);
    expect((await send('PUT', '/api/account/acting-for', { organisationId }, member.session)).status).toBe(200);

    for (const [body, code] of [
      [{ name: '' }, 'organisation_name_required'],
      [{ name: '   ' }, 'organisation_name_required'],
      [{ name: 'x'.repeat(121) }, 'organisation_name_too_long'],
      [{ name: 'Grøn\u202e' }, 'organisation_name_invalid'],
      [{ name: '<script>\u0000' }, 'organisation_name_invalid'],
      [{}, 'organisation_name_required'],
      [{ name: ['Grøn'] }, 'organisation_name_required'],
    ] as const) {
      expect(await send('PATCH', url, body, admin)).toMatchObject({ status: 400, body: { error: { code } } });
    }
    expect((await send('PATCH', url, { name: 'x'.repeat(5000) }, admin)).status).toBe(413);
    expect((await send('PATCH', url, 'ikke json', admin)).body).toMatchObject({ error: { code: 'invalid_json' } });
    expect(await send('PATCH', '/api/admin/organisations/o_ingen', { name: 'Ny' }, admin)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    expect((await send('PATCH', `/api/admin/organisations/${'o'.repeat(3000)}`, { name: 'Ny' }, admin)).status).toBe(404);

    const renamed = await send('PATCH', url, { name: ' Foreningen Grøn Fremtid ' }, admin);
    expect(renamed).toMatchObject({ status: 200, body: { organisation: { id: organisationId, name: 'Foreningen Grøn Fremtid' } } });
    // The label of someone acting for it, and the admin list, read the name by id.
    expect(await page(member.session, '/konto')).toContain('Rikke Rename (Foreningen Grøn Fremtid)');
    expect((await get('/api/admin/organisations?q=fremtid', admin)).body).toMatchObject({
      organisations: [{ id: organisationId, name: 'Foreningen Grøn Fremtid' }],
    });
  });

  it('previews and removes an organisation: members, grants, acting-for; then 404', async () => {
    const created = await send('POST', '/api/admin/organisations', { name: 'Byens Venner', kind: 'association' }, admin);
    const organisationId = (created.body as { organisation: { id: string } }).organisation.id;
    const url = `/api/admin/organisations/${organisationId}`;
    const members = [await signUp('ven1@eksempel.dk', 'Vera Ven'), await signUp('ven2@eksempel.dk', 'Villy Ven')];
    for (const email of ['ven1@eksempel.dk', 'ven2@eksempel.dk'])
      expect((await send('POST', `${url}/members`, { email }, admin)).status).toBe(201);
    const doc = await send('POST', '/api/documents', { title: 'Delt med Byens Venner', template: 'blank' }, admin);
    const documentId = (doc.body as { document: { id: string } }).document.id;
    const granted = await send('POST', `/api/documents/${documentId}/access/organisations`, { organisationId, role: 'editor' }, admin);
    expect(granted.status).toBeLessThan(300);
    expect((await send('PUT', '/api/account/acting-for', { organisationId }, members[0]!.session)).status).toBe(200);
    expect(await page(members[0]!.session)).toContain('Delt med Byens Venner');

    // Only admins see what removal would do, and only admins remove.
    expect((await get(`${url}/removal`, members[0]!.session)).status).toBe(403);
    expect((await send('DELETE', url, undefined, members[0]!.session)).status).toBe(403);
    expect(await get(`${url}/removal`, admin)).toMatchObject({
      status: 200,
      body: { removal: { name: 'Byens Venner', members: 2, documents: 1, madePrivate: 0 } },
    });
    expect(await send('DELETE', url, undefined, admin)).toMatchObject({
      status: 200,
      body: { removed: { name: 'Byens Venner', members: 2, documents: 1 } },
    });

    // Back to acting as themselves; the document shared with the organisation is no longer theirs to see.
    const konto = await page(members[0]!.session, '/konto');
    expect(konto).toContain('Logget ind som Vera Ven');
    expect(konto).not.toContain('Vera Ven (Byens Venner)');
    expect(await page(members[0]!.session)).not.toContain('Delt med Byens Venner');
    expect((await send('PUT', '/api/account/acting-for', { organisationId }, members[0]!.session)).body).toMatchObject({
      error: { code: 'not_member' },
    });
    // Gone: 404 for everything about it, and the list no longer shows it.
    expect((await send('DELETE', url, undefined, admin)).status).toBe(404);
    expect((await get(`${url}/removal`, admin)).status).toBe(404);
    expect((await send('PATCH', url, { name: 'Igen' }, admin)).status).toBe(404);
    expect((await send('POST', `${url}/members`, { email: 'ven1@eksempel.dk' }, admin)).status).toBe(404);
    expect((await get('/api/admin/organisations?q=venner', admin)).body).toMatchObject({ organisations: [], total: 0 });
  });

  it('changes a workspace, and removes it: its documents move out, never deleted', async () => {
    const created = await send('POST', '/api/admin/workspaces', { name: 'Havneplan', description: 'Udkast' }, admin);
    const workspaceId = (created.body as { workspace: { id: string } }).workspace.id;
    const url = `/api/admin/workspaces/${workspaceId}`;
    const owner = await signUp('rum.ejer@eksempel.dk', 'Rita Rumejer');
    const member = await signUp('rum.medlem@eksempel.dk', 'Rasmus Rummedlem');
    for (const email of ['rum.ejer@eksempel.dk', 'rum.medlem@eksempel.dk'])
      expect((await send('POST', `${url}/members`, { email }, admin)).status).toBe(201);
    expect((await send('POST', '/api/documents', { title: 'Havnens fremtid', template: 'blank', workspaceId }, owner.session)).status).toBe(
      201,
    );

    for (const [body, code] of [
      [{ name: '' }, 'workspace_name_required'],
      [{ name: 'x'.repeat(121) }, 'workspace_name_too_long'],
      [{ name: 'Rum', description: 'x'.repeat(501) }, 'workspace_description_too_long'],
      [{ name: 'Rum', description: 'Skjult\u202e' }, 'workspace_description_invalid'],
      [{ name: 'Rum\u0007' }, 'workspace_name_invalid'],
    ] as const) {
      expect(await send('PATCH', url, body, admin)).toMatchObject({ status: 400, body: { error: { code } } });
    }
    expect((await send('PATCH', '/api/admin/workspaces/w_ingen', { name: 'Ny' }, admin)).status).toBe(404);
    expect(await send('PATCH', url, { name: 'Havneplan 2030', description: '' }, admin)).toMatchObject({
      status: 200,
      body: { workspace: { id: workspaceId, name: 'Havneplan 2030', description: null } },
    });
    expect(await page(member.session)).toContain('Havneplan 2030');

    expect(await get(`${url}/removal`, admin)).toMatchObject({
      status: 200,
      body: { removal: { name: 'Havneplan 2030', members: 2, documents: 1, madePrivate: 1 } },
    });
    expect((await send('DELETE', url, undefined, member.session)).status).toBe(403);
    expect(await send('DELETE', url, undefined, admin)).toMatchObject({
      status: 200,
      body: { removed: { name: 'Havneplan 2030', members: 2, documents: 1, madePrivate: 1 } },
    });
    // The owner still has the document; the other member no longer sees it through the workspace.
    expect(await page(owner.session)).toContain('Havnens fremtid');
    expect(await page(member.session)).not.toContain('Havnens fremtid');
    expect(await page(member.session)).not.toContain('Havneplan 2030');
    expect((await send('DELETE', url, undefined, admin)).status).toBe(404);
    expect((await send('POST', `${url}/members`, { email: 'rum.medlem@eksempel.dk' }, admin)).status).toBe(404);
  });
});
