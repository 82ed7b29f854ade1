import { describe, expect, it } from 'vitest';
import { authorizeSync, type AuthorizeSyncDeps } from '../../../lib/auth/authorizeSync';
import { colourFor } from '../../../lib/auth/session';
import { Close } from '../../../lib/protocol';
import { sessionCookie, TEST_SECRET, token, unsignedToken } from '../../helpers/tokens';

const existing = new Set(['doc1', 'doc2']);
const deps: AuthorizeSyncDeps = { secret: TEST_SECRET, documentExists: async (id) => existing.has(id) };

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
      expect(decision).toEqual({ ok: true, access, actor: { id: 'k-42', name: 'Kommunen', color: colourFor('k-42') } });
    },
  );

  it('takes precedence over a session cookie', async () => {
    const decision = await authorizeSync({ documentId: 'doc1', token: await token('doc1', 'view'), cookieHeader: sessionCookie() }, deps);
    expect(decision).toMatchObject({ ok: true, access: 'view' });
  });

  it('refuses a forged token with 4401 even next to a valid cookie', async () => {
    const forged = await token('doc1', 'edit', { secret: 'another-secret-that-is-32-characters-long!' });
    expect(await authorizeSync({ documentId: 'doc1', token: forged, cookieHeader: sessionCookie() }, deps)).toEqual({
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

describe('authorizeSync: session cookie', () => {
  it('grants edit on an existing document with the session name and colour', async () => {
    const decision = await authorizeSync({ documentId: 'doc1', cookieHeader: `other=1; ${sessionCookie('Karen Blixen')}` }, deps);
    expect(decision).toMatchObject({ ok: true, access: 'edit', actor: { name: 'Karen Blixen' } });
    if (decision.ok) expect(decision.actor.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('refuses an unknown document with 4404 and never creates it', async () => {
    expect(await authorizeSync({ documentId: 'new-doc', cookieHeader: sessionCookie() }, deps)).toEqual({
      ok: false,
      close: Close.notFound,
    });
  });

  it.each([
    ['no cookie header', undefined],
    ['no session cookie', 'theme=dark'],
    ['a forged cookie', sessionCookie('A', 'another-secret-that-is-32-characters-long!')],
    ['a malformed cookie', 'samskriv_session=not-a-session'],
    ['a malformed escape', 'samskriv_session=%E0%A4%A'],
  ])('refuses %s with 4401', async (_name, cookieHeader) => {
    expect(await authorizeSync({ documentId: 'doc1', cookieHeader }, deps)).toEqual({ ok: false, close: Close.unauthenticated });
  });

  it('does not ask whether the document exists before authenticating', async () => {
    let asked = false;
    await authorizeSync({ documentId: 'doc1' }, { secret: TEST_SECRET, documentExists: async () => (asked = true) });
    expect(asked).toBe(false);
  });
});
