/**
 * Invite links, "ask to co-author", visibility and organisation grants over HTTP against the
 * production server (no browser): every route, what it allows and what it refuses (not the
 * owner, signed out, revoked or expired links, cross-origin writes, bad input).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sessionHttp } from './helpers/sessionHttp';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { FileAccountStore } from '../../server/people/FileAccountStore';
import { RecordCollection } from '../../server/storage/RecordCollection';
import type { Invite } from '../../lib/sharing/SharingStore';

let server: AppServer;
const { send, signUp: person } = sessionHttp(() => server);

beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  await server?.stop();
});

async function documentOf(session: string, title = 'Foreningens vedtægter'): Promise<string> {
  const created = await send('POST', '/api/documents', session, { title, template: 'blank' });
  expect(created.status).toBe(201);
  return (created.body as { id?: string; document?: { id: string } }).document?.id ?? (created.body as { id: string }).id;
}

const canOpen = async (session: string | undefined, id: string) => {
  const response = await fetch(`${server.url}/d/${id}`, {
    headers: session ? { Cookie: `samskriv_session=${session}` } : {},
    redirect: 'manual',
  });
  return response.status;
};
const tokenOf = (path: unknown) => String(path).split('/').pop() ?? '';

let owner: { session: string; id: string };
let bent: { session: string; id: string };
let documentId = '';

beforeAll(async () => {
  owner = await person('ejer@eksempel.dk', 'Anna Ejer');
  bent = await person('bent@eksempel.dk', 'Bent Hansen');
});

// A fresh document of the owner's for each test, so none depends on what another did to it.
beforeEach(async () => {
  documentId = await documentOf(owner.session);
});

/** Bent may read and comment (what accepting a commenter link gives him), but not manage access. */
async function bentComments(): Promise<void> {
  const granted = await send('POST', `/api/documents/${documentId}/access`, owner.session, {
    email: 'bent@eksempel.dk',
    role: 'commenter',
  });
  expect(granted.status).toBe(201);
}

describe('invite links', () => {
  it('the owner creates a link; the token is only in the answer’s path, never in the list', async () => {
    const created = await send('POST', `/api/documents/${documentId}/invites`, owner.session, { role: 'editor', expiresInDays: 7 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ invite: { role: 'editor', uses: 0, status: 'active' } });
    expect(String(created.body?.path)).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/);
    const listed = await send('GET', `/api/documents/${documentId}/invites`, owner.session);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(tokenOf(created.body?.path));
    expect(JSON.stringify(listed.body)).not.toContain('tokenHash');
  });

  it('accepting grants the role and counts the use; the invitation page asks signed-out visitors to sign in', async () => {
    const created = await send('POST', `/api/documents/${documentId}/invites`, owner.session, { role: 'commenter', expiresInDays: 1 });
    const token = tokenOf(created.body?.path);
    const page = await fetch(`${server.url}/invitation/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // A commenter is told what the role can do, not that they will write along (session 9).
    expect(html).toContain('Du er inviteret til at læse og kommentere');
    expect(html).toContain('men ikke ændre teksten');
    // The page (not the catalogue the browser gets beside it) does not tell a commenter to write along.
    const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
    expect(main).toContain('Du er inviteret til at læse og kommentere');
    expect(main).not.toContain('skrive med');
    expect(html).toContain(`/konto/opret?next=${encodeURIComponent(`/invitation/${token}`)}`);

    expect(await canOpen(bent.session, documentId)).toBe(404);
    const accepted = await send('POST', `/api/invitations/${token}`, bent.session);
    expect(accepted).toMatchObject({ status: 200, body: { documentId, path: `/d/${documentId}` } });
    expect(await canOpen(bent.session, documentId)).toBe(200);
    // The token opened a document: no log line may carry it.
    expect(server.output()).toContain('/api/invitations/…');
    expect(server.output()).not.toContain(token);
    const listed = await send('GET', `/api/documents/${documentId}/invites`, owner.session);
    expect((listed.body?.invites as { uses: number }[]).find((invite) => invite.uses === 1)).toBeDefined();
  });

  it('never lowers a stronger role: the owner accepting a viewer link stays owner', async () => {
    const created = await send('POST', `/api/documents/${documentId}/invites`, owner.session, { role: 'viewer', expiresInDays: 1 });
    expect((await send('POST', `/api/invitations/${tokenOf(created.body?.path)}`, owner.session)).status).toBe(200);
    expect((await send('GET', `/api/documents/${documentId}/invites`, owner.session)).status).toBe(200);
  });

  it('refuses a revoked link with 410 and a clear Danish page', async () => {
    const created = await send('POST', `/api/documents/${documentId}/invites`, owner.session, { role: 'editor', expiresInDays: 30 });
    const inviteId = (created.body?.invite as { id: string }).id;
    const revoked = await send('DELETE', `/api/documents/${documentId}/invites/${inviteId}`, owner.session);
    expect(revoked).toMatchObject({ status: 200, body: { invite: { status: 'revoked' } } });
    const someone = await person('carla@eksempel.dk', 'Carla');
    const accepted = await send('POST', `/api/invitations/${tokenOf(created.body?.path)}`, someone.session);
    expect(accepted).toMatchObject({ status: 410, body: { error: { code: 'invite_revoked' } } });
    const page = await (await fetch(`${server.url}/invitation/${tokenOf(created.body?.path)}`)).text();
    expect(page).toContain('Invitationen er trukket tilbage af ejeren af dokumentet.');
  });

  it('refuses an unknown link, signed-out acceptance, and cross-origin acceptance', async () => {
    expect(await send('POST', `/api/invitations/${'A'.repeat(43)}`, bent.session)).toMatchObject({
      status: 404,
      body: { error: { code: 'invite_unknown' } },
    });
    expect(await send('POST', '/api/invitations/kort', bent.session)).toMatchObject({ status: 404 });
    const created = await send('POST', `/api/documents/${documentId}/invites`, owner.session, { role: 'editor', expiresInDays: 1 });
    const token = tokenOf(created.body?.path);
    expect(await send('POST', `/api/invitations/${token}`)).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(await send('POST', `/api/invitations/${token}`, bent.session, undefined, 'https://ondsindet.example')).toMatchObject({
      status: 403,
      body: { error: { code: 'cross_origin' } },
    });
    expect(
      (await fetch(`${server.url}/invitation/${'A'.repeat(43)}`).then((r) => r.text())).includes('Invitationslinket er ugyldigt'),
    ).toBe(true);
  });

  it('refuses links from anyone but those who manage access, and bad input', async () => {
    await bentComments();
    const stranger = await person('fremmed@eksempel.dk', 'Fremmed');
    const path = `/api/documents/${documentId}/invites`;
    expect((await send('POST', path, stranger.session, { role: 'editor', expiresInDays: 7 })).status).toBe(404);
    expect((await send('GET', path, stranger.session)).status).toBe(404);
    // Bent can view (commenter) but not manage access.
    expect(await send('POST', path, bent.session, { role: 'editor', expiresInDays: 7 })).toMatchObject({ status: 403 });
    expect((await send('POST', path, undefined, { role: 'editor', expiresInDays: 7 })).status).toBe(401);
    expect(await send('POST', path, owner.session, { role: 'owner', expiresInDays: 7 })).toMatchObject({
      status: 400,
      body: { error: { code: 'role_invalid' } },
    });
    expect(await send('POST', path, owner.session, { role: 'editor', expiresInDays: 365 })).toMatchObject({
      status: 400,
      body: { error: { code: 'expiry_invalid' } },
    });
    expect(await send('POST', path, owner.session, { role: 'editor', expiresInDays: 7 }, 'https://ondsindet.example')).toMatchObject({
      status: 403,
      body: { error: { code: 'cross_origin' } },
    });
    const created = await send('POST', path, owner.session, { role: 'editor', expiresInDays: 7 });
    expect(created.status).toBe(201);
    const listed = await send('GET', path, owner.session);
    const inviteId = (listed.body?.invites as { id: string }[])[0]?.id ?? '';
    expect(inviteId).not.toBe('');
    expect((await send('DELETE', `${path}/${inviteId}`, bent.session)).status).toBe(403);
    expect((await send('DELETE', `${path}/i_findes_ikke`, owner.session)).status).toBe(404);
  });
});

describe('asking to co-author', () => {
  it('a reader asks once, sees the state, and the owner approves: the reader can edit', async () => {
    await bentComments();
    const path = `/api/documents/${documentId}/requests`;
    expect(await send('GET', path, bent.session)).toMatchObject({ status: 200, body: { own: null } });
    const asked = await send('POST', path, bent.session, { message: 'Jeg vil gerne skrive afsnittet om økonomi.\nHilsen Bent' });
    expect(asked).toMatchObject({ status: 201, body: { own: { state: 'pending', name: 'Bent Hansen' } } });
    expect(await send('POST', path, bent.session, { message: 'Igen' })).toMatchObject({
      status: 409,
      body: { error: { code: 'request_pending' } },
    });
    const forOwner = await send('GET', path, owner.session);
    const request = (forOwner.body?.requests as { id: string; message: string }[])[0];
    expect(request?.message).toBe('Jeg vil gerne skrive afsnittet om økonomi.\nHilsen Bent');

    expect((await send('PATCH', `${path}/${request?.id}`, bent.session, { decision: 'approve' })).status).toBe(403);
    expect(await send('PATCH', `${path}/${request?.id}`, owner.session, { decision: 'maybe' })).toMatchObject({
      status: 400,
      body: { error: { code: 'decision_invalid' } },
    });
    expect(await send('PATCH', `${path}/${request?.id}`, owner.session, { decision: 'approve' })).toMatchObject({ status: 200 });
    expect(await send('GET', path, bent.session)).toMatchObject({ body: { own: { state: 'approved' } } });
    expect(await send('POST', path, bent.session, {})).toMatchObject({ status: 409, body: { error: { code: 'request_not_needed' } } });
    expect(await send('PATCH', `${path}/${request?.id}`, owner.session, { decision: 'decline' })).toMatchObject({
      status: 409,
      body: { error: { code: 'request_decided' } },
    });
  });

  it('refuses control and bidi characters, over-long messages, strangers and cross-origin requests', async () => {
    const reader = await person('laeser@eksempel.dk', 'Læser');
    const created = await send('POST', `/api/documents/${documentId}/invites`, owner.session, { role: 'viewer', expiresInDays: 1 });
    await send('POST', `/api/invitations/${tokenOf(created.body?.path)}`, reader.session);
    const path = `/api/documents/${documentId}/requests`;
    for (const message of ['skjult \u202e tekst', 'klokke \u0007', 'x'.repeat(501)]) {
      const refused = await send('POST', path, reader.session, { message });
      expect(refused.status).toBe(400);
      expect(['message_invalid', 'message_too_long']).toContain(refused.body?.error?.code);
    }
    const stranger = await person('ukendt@eksempel.dk', 'Ukendt');
    expect((await send('POST', path, stranger.session, { message: '' })).status).toBe(404);
    expect((await send('POST', path, reader.session, { message: '' }, 'https://ondsindet.example')).status).toBe(403);
    // Declined: nothing granted, and a new request may follow.
    expect((await send('POST', path, reader.session, { message: '' })).status).toBe(201);
    const requests = (await send('GET', path, owner.session)).body?.requests as { id: string; state: string; name: string }[];
    const pending = requests.find((request) => request.name === 'Læser' && request.state === 'pending');
    expect(await send('PATCH', `${path}/${pending?.id}`, owner.session, { decision: 'decline' })).toMatchObject({ status: 200 });
    expect(await send('GET', path, reader.session)).toMatchObject({ body: { own: { state: 'declined' } } });
  });
});

describe('visibility', () => {
  it('the owner makes a document public and private again; others may not', async () => {
    const id = await documentOf(owner.session, 'Offentlig høring');
    const path = `/api/documents/${id}/visibility`;
    expect(await canOpen(undefined, id)).toBe(307);
    expect(await send('PUT', path, owner.session, { visibility: 'public' })).toMatchObject({ status: 200, body: { visibility: 'public' } });
    expect(await canOpen(undefined, id)).toBe(200);
    expect((await send('PUT', path, bent.session, { visibility: 'private' })).status).toBe(403);
    expect((await send('PUT', path, undefined, { visibility: 'private' })).status).toBe(401);
    expect((await send('PUT', path, owner.session, { visibility: 'private' }, 'https://ondsindet.example')).status).toBe(403);
    expect(await send('PUT', path, owner.session, { visibility: 'hemmelig' })).toMatchObject({
      status: 400,
      body: { error: { code: 'visibility_invalid' } },
    });
    expect(await send('PUT', path, owner.session, { visibility: 'workspace' })).toMatchObject({
      status: 409,
      body: { error: { code: 'no_workspace' } },
    });
    expect((await send('PUT', path, owner.session, { visibility: 'private' })).status).toBe(200);
    expect(await canOpen(undefined, id)).toBe(307);
  });
});

describe('after a restart: expired links and organisation grants', () => {
  it('refuses an expired link with 410 and a clear page; an organisation’s members get its role', async () => {
    await bentComments();
    const created = await send('POST', `/api/documents/${documentId}/invites`, owner.session, { role: 'editor', expiresInDays: 1 });
    const token = tokenOf(created.body?.path);
    const member = await person('medlem@eksempel.dk', 'Medlem');
    await server.halt();
    // Time passes (the link's expiry moves into the past) and an admin creates an organisation.
    const records = join(server.dataDir, 'records');
    const invites = await RecordCollection.open<Invite>({ dir: records, name: 'invites', groupCommitMs: 0 });
    const inviteId = (created.body?.invite as { id: string }).id;
    const invite = invites.get(inviteId);
    if (invite) await invites.put(inviteId, { ...invite, expiresAt: '2020-01-01T00:00:00.000Z' });
    await invites.close();
    const people = new FileAccountStore({ dir: records });
    await people.createOrganisation({
      id: 'o_forening',
      name: 'Grundejerforeningen',
      kind: 'association',
      createdAt: '2026-11-01T00:00:00.000Z',
    });
    await people.addMembership({ personId: member.id, organisationId: 'o_forening' });
    await people.close();
    await server.resume();

    expect(await send('POST', `/api/invitations/${token}`, member.session)).toMatchObject({
      status: 410,
      body: { error: { code: 'invite_expired' } },
    });
    expect(await (await fetch(`${server.url}/invitation/${token}`)).text()).toContain('Invitationen er udløbet.');

    const path = `/api/documents/${documentId}/access/organisations`;
    expect(await send('GET', path, owner.session)).toMatchObject({
      status: 200,
      body: { grants: [], choices: [{ id: 'o_forening', name: 'Grundejerforeningen' }], visibility: 'private' },
    });
    expect(await canOpen(member.session, documentId)).toBe(404);
    expect(await send('POST', path, owner.session, { organisationId: 'o_forening', role: 'viewer' })).toMatchObject({
      status: 201,
      body: { grants: [{ organisationId: 'o_forening', name: 'Grundejerforeningen', role: 'viewer' }] },
    });
    expect(await canOpen(member.session, documentId)).toBe(200);
    expect(await send('POST', path, owner.session, { organisationId: 'o_findes_ikke', role: 'viewer' })).toMatchObject({
      status: 404,
      body: { error: { code: 'organisation_not_found' } },
    });
    expect((await send('POST', path, bent.session, { organisationId: 'o_forening', role: 'editor' })).status).toBe(403);
    expect((await send('DELETE', path, owner.session, { organisationId: 'o_forening' }, 'https://ondsindet.example')).status).toBe(403);
    expect(await send('DELETE', path, owner.session, { organisationId: 'o_forening' })).toMatchObject({
      status: 200,
      body: { grants: [] },
    });
    expect(await canOpen(member.session, documentId)).toBe(404);
  });
});
