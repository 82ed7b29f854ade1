import { describe, expect, it } from 'vitest';
import type { DocumentResource, PersonActor } from '../../../lib/access/model';
import { authorizeSync, type AuthorizeSyncDeps, type SessionPrincipal } from '../../../lib/auth/authorizeSync';
import { colourFor } from '../../../lib/auth/colourFor';
import { SESSION_COOKIE } from '../../../lib/auth/sessionCookie';
import { Close } from '../../../lib/protocol';
import { TEST_SECRET, token, unsignedToken } from '../../helpers/tokens';
import { mintSyncToken } from '../../../lib/auth/syncToken';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';

const person = (id: string): PersonActor => ({
  kind: 'person',
  id,
  role: 'citizen',
  disabled: false,
  organisationIds: [],
  workspaceIds: [],
});
const documentOf = (id: string, overrides: Partial<DocumentResource> = {}): DocumentResource => ({
  kind: 'document',
  id,
  workspaceId: null,
  visibility: 'private',
  state: 'draft',
  grants: [
    { subject: 'person', personId: 'p_karen', role: 'owner' },
    { subject: 'person', personId: 'p_carl', role: 'commenter' },
  ],
  consultation: { ...DEFAULT_CONSULTATION, timing: 'open' },
  ...overrides,
});
const documents = new Map([
  ['doc1', documentOf('doc1')],
  ['doc2', documentOf('doc2')],
  ['open', documentOf('open', { visibility: 'public' })],
]);
const SESSION_IDS: Record<string, SessionPrincipal> = {
  karen: { actor: person('p_karen'), label: 'Karen Blixen', personId: 'p_karen', sessionIdHash: 'h_karen' },
  carl: { actor: person('p_carl'), label: 'Carl Nielsen (Musikforeningen)', personId: 'p_carl', sessionIdHash: 'h_carl' },
  stranger: { actor: person('p_stranger'), label: 'Fremmed', personId: 'p_stranger', sessionIdHash: 'h_stranger' },
};
const KAREN_COOKIE = `${SESSION_COOKIE}=karen`;
const deps: AuthorizeSyncDeps = {
  secret: TEST_SECRET,
  documentResource: async (id) => documents.get(id) ?? null,
  resolveSession: async (id) => SESSION_IDS[id] ?? null,
};

describe('authorizeSync: document id', () => {
  it.each(['', 'a/b', '../etc', 'x'.repeat(65), 'sp ace', 'æøå', 'doc1?x'])('refuses %j with 4400', async (documentId) => {
    expect(await authorizeSync({ documentId, token: await token('doc1', 'edit') }, deps)).toEqual({
      ok: false,
      close: Close.badDocumentId,
    });
  });
});

describe('authorizeSync: sync token', () => {
  it.each(['view', 'comment', 'edit'] as const)(
    'grants %s on an existing document, with the token name and a derived colour',
    async (access) => {
      const decision = await authorizeSync(
        { documentId: 'doc1', token: await token('doc1', access, { name: 'Kommunen', sub: 'k-42' }) },
        deps,
      );
      expect(decision).toEqual({
        ok: true,
        access,
        actor: { id: 'k-42', name: 'Kommunen', color: colourFor('k-42'), token: { access } },
      });
    },
  );

  it('takes precedence over a session cookie', async () => {
    const decision = await authorizeSync({ documentId: 'doc1', token: await token('doc1', 'view'), cookieHeader: KAREN_COOKIE }, deps);
    expect(decision).toMatchObject({ ok: true, access: 'view' });
  });

  it('refuses a forged token with 4401 even next to a valid cookie', async () => {
    const forged = await token('doc1', 'edit', { secret: 'another-secret-that-is-32-characters-long!' });
    expect(await authorizeSync({ documentId: 'doc1', token: forged, cookieHeader: KAREN_COOKIE }, deps)).toEqual({
      ok: false,
      close: Close.invalidToken,
    });
  });

  it.each([
    ['garbage', async () => 'garbage'],
    ['empty', async () => ''],
    ['alg none', async () => unsignedToken('doc1')],
    ['expired', () => token('doc1', 'edit', { ttlSeconds: -5 })],
  ])('refuses a %s token with 4401', async (_name, make) => {
    expect(await authorizeSync({ documentId: 'doc1', token: await make() }, deps)).toEqual({ ok: false, close: Close.invalidToken });
  });

  it('refuses a token for another document with 4403', async () => {
    expect(await authorizeSync({ documentId: 'doc2', token: await token('doc1', 'edit') }, deps)).toEqual({
      ok: false,
      close: Close.wrongDocument,
    });
  });

  it('lets an edit token create an unknown document, with the title claim', async () => {
    expect(
      await authorizeSync({ documentId: 'new-doc', token: await token('new-doc', 'edit', { title: 'Borgerbudget 2027' }) }, deps),
    ).toMatchObject({
      ok: true,
      access: 'edit',
      create: { title: 'Borgerbudget 2027' },
    });
    const untitled = await authorizeSync({ documentId: 'new-doc', token: await token('new-doc', 'edit') }, deps);
    expect(untitled).toMatchObject({ ok: true, create: {} });
  });

  it('does not offer creation for a document that exists', async () => {
    const decision = await authorizeSync({ documentId: 'doc1', token: await token('doc1', 'edit', { title: 'X' }) }, deps);
    expect(decision.ok && decision.create).toBeUndefined();
  });

  it.each(['view', 'comment'] as const)('refuses a %s token for an unknown document with 4404', async (access) => {
    expect(await authorizeSync({ documentId: 'new-doc', token: await token('new-doc', access) }, deps)).toEqual({
      ok: false,
      close: Close.notFound,
    });
  });
});

describe('authorizeSync: session cookie (can() decides)', () => {
  it('gives the owner edit, with the account name and a colour from the person id', async () => {
    const decision = await authorizeSync({ documentId: 'doc1', cookieHeader: `other=1; ${KAREN_COOKIE}` }, deps);
    expect(decision).toEqual({
      ok: true,
      access: 'edit',
      actor: {
        id: 'p_karen',
        name: 'Karen Blixen',
        color: colourFor('p_karen'),
        session: { personId: 'p_karen', idHash: 'h_karen', id: 'karen' },
      },
    });
  });

  it('gives a commenter comment access, labelled with the organisation they act for', async () => {
    const decision = await authorizeSync({ documentId: 'doc1', cookieHeader: `${SESSION_COOKIE}=carl` }, deps);
    expect(decision).toMatchObject({ ok: true, access: 'comment', actor: { name: 'Carl Nielsen (Musikforeningen)' } });
  });

  it('refuses a signed-in stranger on a private document with 4403', async () => {
    expect(await authorizeSync({ documentId: 'doc1', cookieHeader: `${SESSION_COOKIE}=stranger` }, deps)).toEqual({
      ok: false,
      close: Close.forbidden,
    });
  });

  it('gives a signed-in stranger view on a public document', async () => {
    expect(await authorizeSync({ documentId: 'open', cookieHeader: `${SESSION_COOKIE}=stranger` }, deps)).toMatchObject({
      ok: true,
      access: 'view',
    });
  });

  it('lets a signed-out visitor read a public document, as an anonymous reader', async () => {
    const decision = await authorizeSync({ documentId: 'open' }, deps);
    expect(decision).toMatchObject({ ok: true, access: 'view', actor: { name: 'Læser' } });
    if (decision.ok) expect(decision.actor.session).toBeUndefined();
  });

  it('refuses an unknown document with 4404 and never creates it', async () => {
    expect(await authorizeSync({ documentId: 'new-doc', cookieHeader: KAREN_COOKIE }, deps)).toEqual({
      ok: false,
      close: Close.notFound,
    });
  });

  it.each([
    ['no cookie header', undefined],
    ['no session cookie', 'theme=dark'],
    ['an unknown (forged, expired or signed-out) session', `${SESSION_COOKIE}=not-a-session`],
    ['a malformed escape', `${SESSION_COOKIE}=%E0%A4%A`],
  ])('refuses %s on a private document with 4401', async (_name, cookieHeader) => {
    expect(await authorizeSync({ documentId: 'doc1', cookieHeader }, deps)).toEqual({ ok: false, close: Close.unauthenticated });
  });

  it('refuses a session that no longer resolves even on a public document, so the browser signs in again', async () => {
    expect(await authorizeSync({ documentId: 'open', cookieHeader: `${SESSION_COOKIE}=gone` }, deps)).toEqual({
      ok: false,
      close: Close.unauthenticated,
    });
  });

  it('does not look the document up before the session is known to be invalid', async () => {
    let asked = false;
    const counting: AuthorizeSyncDeps = { ...deps, documentResource: async () => ((asked = true), null) };
    await authorizeSync({ documentId: 'doc1', cookieHeader: `${SESSION_COOKIE}=gone` }, counting);
    expect(asked).toBe(false);
  });
});

describe('authorizeSync: a browser token bound to a session (sid)', () => {
  const BY_HASH: Record<string, SessionPrincipal> = Object.fromEntries(Object.values(SESSION_IDS).map((p) => [p.sessionIdHash, p]));
  const withHash: AuthorizeSyncDeps = { ...deps, resolveSessionByHash: async (hash) => BY_HASH[hash] ?? null };
  const sessionToken = (doc: string, access: 'view' | 'comment' | 'edit', sub: string, sid: string) =>
    mintSyncToken({ sub, name: 'Fra tokenet', doc, access, sid }, TEST_SECRET, 300);

  it('takes the name and access from the session now, never more than the token says', async () => {
    const karen = await authorizeSync({ documentId: 'doc1', token: await sessionToken('doc1', 'edit', 'p_karen', 'h_karen') }, withHash);
    expect(karen).toEqual({
      ok: true,
      access: 'edit',
      actor: {
        id: 'p_karen',
        name: 'Karen Blixen',
        color: colourFor('p_karen'),
        session: { personId: 'p_karen', idHash: 'h_karen', maxAccess: 'edit' },
      },
    });
    const capped = await authorizeSync({ documentId: 'doc1', token: await sessionToken('doc1', 'view', 'p_karen', 'h_karen') }, withHash);
    expect(capped).toMatchObject({ ok: true, access: 'view' });
    // Carl is a commenter: an edit claim does not make him an editor.
    const carl = await authorizeSync({ documentId: 'doc1', token: await sessionToken('doc1', 'edit', 'p_carl', 'h_carl') }, withHash);
    expect(carl).toMatchObject({ ok: true, access: 'comment' });
  });

  it('refuses a token whose session is gone or belongs to someone else, a stranger, and an unknown document', async () => {
    const refused = async (doc: string, sub: string, sid: string, using = withHash) =>
      authorizeSync({ documentId: doc, token: await sessionToken(doc, 'edit', sub, sid) }, using);
    expect(await refused('doc1', 'p_karen', 'h_gone')).toEqual({ ok: false, close: Close.unauthenticated });
    expect(await refused('doc1', 'p_karen', 'h_carl')).toEqual({ ok: false, close: Close.unauthenticated });
    expect(await refused('doc1', 'p_karen', 'h_karen', deps)).toEqual({ ok: false, close: Close.unauthenticated });
    expect(await refused('doc1', 'p_stranger', 'h_stranger')).toEqual({ ok: false, close: Close.forbidden });
    expect(await refused('nyt', 'p_karen', 'h_karen')).toEqual({ ok: false, close: Close.notFound });
  });
});
