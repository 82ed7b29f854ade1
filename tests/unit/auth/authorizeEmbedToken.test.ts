/**
 * The decision for tokens from other platforms (no session), pure over injected lookups: an API
 * key's token only while the key is live and on that key's documents; access capped by the phase.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';
import type { DocumentResource, DocumentState } from '../../../lib/access/model';
import { authorizeEmbedToken, authorizeSync, type AuthorizeSyncDeps, type EmbedClaims } from '../../../lib/auth/authorizeSync';
import { mintSyncToken } from '../../../lib/auth/syncToken';
import type { PersonRef } from '../../../lib/storage/MetadataStore';
import { Close } from '../../../lib/protocol';
import { TEST_SECRET } from '../../helpers/tokens';

interface Fixture {
  readonly state: DocumentState;
  readonly createdBy: string;
}

const DOCUMENTS: Record<string, Fixture> = {
  'a-draft': { state: 'draft', createdBy: 'apikey:k_a' },
  'a-review': { state: 'in_review', createdBy: 'ext:k_a:u9' },
  'a-consultation': { state: 'consultation', createdBy: 'apikey:k_a' },
  'a-final': { state: 'final', createdBy: 'apikey:k_a' },
  'a-archived': { state: 'archived', createdBy: 'ext:k_a:u9' },
  'b-draft': { state: 'draft', createdBy: 'apikey:k_b' },
  // A key whose id is a prefix of another's must not count as that one.
  'ab-draft': { state: 'draft', createdBy: 'apikey:k_ab' },
  'person-draft': { state: 'draft', createdBy: 'p_karen' },
};
const LIVE_KEYS = new Set(['k_a', 'k_b', 'k_ab']);

const resourceOf = (id: string, fixture: Fixture): DocumentResource => ({
  kind: 'document',
  id,
  workspaceId: null,
  visibility: 'private',
  state: fixture.state,
  grants: [],
  consultation: { ...DEFAULT_CONSULTATION, timing: 'open' },
});

const deps: AuthorizeSyncDeps = {
  secret: TEST_SECRET,
  resolveSession: async () => null,
  documentResource: async (id) => (DOCUMENTS[id] ? resourceOf(id, DOCUMENTS[id]) : null),
  documentCreatedBy: async (id): Promise<PersonRef | null> => (DOCUMENTS[id] ? { id: DOCUMENTS[id].createdBy, name: 'x' } : null),
  apiKeyActive: async (id) => LIVE_KEYS.has(id),
};

const claims = (access: EmbedClaims['access'], kid?: string): EmbedClaims => ({
  sub: kid ? `ext:${kid}:u1` : 'decidim:7',
  name: 'Deltager',
  access,
  ...(kid === undefined ? {} : { kid }),
});

describe('authorizeEmbedToken: the phase caps a token’s access', () => {
  it.each([
    ['a-draft', 'edit', 'edit'],
    ['a-review', 'edit', 'edit'],
    ['a-consultation', 'edit', 'edit'],
    ['a-consultation', 'comment', 'comment'],
    ['a-final', 'edit', 'view'],
    ['a-final', 'comment', 'view'],
    ['a-archived', 'edit', 'view'],
    ['a-archived', 'view', 'view'],
  ] as const)('%s with a %s token gives %s', async (doc, access, expected) => {
    expect(await authorizeEmbedToken(doc, claims(access, 'k_a'), deps)).toMatchObject({ ok: true, access: expected });
    // Tokens signed with the secret directly (no key) are capped alike.
    expect(await authorizeEmbedToken(doc, claims(access), deps)).toMatchObject({ ok: true, access: expected });
  });

  it('caps tokens through authorizeSync at the upgrade too', async () => {
    const token = await mintSyncToken({ ...claims('edit', 'k_a'), doc: 'a-final' }, TEST_SECRET, 60);
    expect(await authorizeSync({ documentId: 'a-final', token }, deps)).toMatchObject({
      ok: true,
      access: 'view',
      actor: { token: { access: 'edit', kid: 'k_a' } },
    });
  });
});

describe('authorizeEmbedToken: an API key’s token is bound to that key’s documents', () => {
  it('counts on documents the key created, directly or through its tokens', async () => {
    for (const doc of ['a-draft', 'a-review'])
      expect(await authorizeEmbedToken(doc, claims('edit', 'k_a'), deps)).toMatchObject({ ok: true });
  });

  it.each(['b-draft', 'ab-draft', 'person-draft'])('is refused with 4403 on %s, which someone else created', async (doc) => {
    expect(await authorizeEmbedToken(doc, claims('edit', 'k_a'), deps)).toEqual({ ok: false, close: Close.wrongDocument });
    expect(await authorizeEmbedToken(doc, claims('view', 'k_a'), deps)).toEqual({ ok: false, close: Close.wrongDocument });
  });

  it('offers to create an id that does not exist yet, for an edit token only', async () => {
    expect(await authorizeEmbedToken('ny', { ...claims('edit', 'k_a'), title: 'Ny' }, deps)).toMatchObject({
      ok: true,
      access: 'edit',
      create: { title: 'Ny' },
      actor: { id: 'ext:k_a:u1', token: { access: 'edit', kid: 'k_a' } },
    });
    expect(await authorizeEmbedToken('ny', claims('view', 'k_a'), deps)).toEqual({ ok: false, close: Close.notFound });
  });

  it('is refused when the creator cannot be looked up (fails closed)', async () => {
    const { documentCreatedBy: _omitted, ...blind } = deps;
    expect(await authorizeEmbedToken('a-draft', claims('edit', 'k_a'), blind)).toEqual({ ok: false, close: Close.wrongDocument });
  });
});

describe('authorizeEmbedToken: an API key’s token counts only while the key is live', () => {
  it('is refused with 4401 for a revoked or unknown key, before the document is looked at', async () => {
    let looked = false;
    const counting: AuthorizeSyncDeps = { ...deps, documentResource: async () => ((looked = true), null) };
    expect(await authorizeEmbedToken('a-draft', claims('edit', 'k_revoked'), counting)).toEqual({ ok: false, close: Close.invalidToken });
    expect(await authorizeEmbedToken('ny', claims('edit', 'k_revoked'), counting)).toEqual({ ok: false, close: Close.invalidToken });
    expect(looked).toBe(false);
  });

  it('is refused when keys cannot be checked (fails closed)', async () => {
    const { apiKeyActive: _omitted, ...blind } = deps;
    expect(await authorizeEmbedToken('a-draft', claims('view', 'k_a'), blind)).toEqual({ ok: false, close: Close.invalidToken });
  });
});

describe('authorizeSync: the app’s token for a signed-out visitor (anon)', () => {
  const anonToken = (doc: string, access: EmbedClaims['access']) =>
    mintSyncToken({ sub: 'anon_1', name: 'Læser', doc, access, anon: true }, TEST_SECRET, 60);
  const publicDeps: AuthorizeSyncDeps = {
    ...deps,
    documentResource: async (id) =>
      DOCUMENTS[id] ? { ...resourceOf(id, DOCUMENTS[id]), visibility: id === 'a-draft' ? 'public' : 'private' } : null,
  };

  it('reads a public document as a signed-out reader, never more', async () => {
    expect(await authorizeSync({ documentId: 'a-draft', token: await anonToken('a-draft', 'edit') }, publicDeps)).toMatchObject({
      ok: true,
      access: 'view',
      actor: { id: 'anon_1', anonymous: true },
    });
  });

  it('is refused with 4401 on a private document, and never creates one', async () => {
    expect(await authorizeSync({ documentId: 'b-draft', token: await anonToken('b-draft', 'view') }, publicDeps)).toEqual({
      ok: false,
      close: Close.unauthenticated,
    });
    expect(await authorizeSync({ documentId: 'ny', token: await anonToken('ny', 'edit') }, publicDeps)).toEqual({
      ok: false,
      close: Close.notFound,
    });
  });
});
