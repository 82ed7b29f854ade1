/**
 * Which page loads the proxy sends to the not-found page (the browser test in
 * tests/e2e/publicPages.test.ts shows the rewritten page itself): the paths it looks up as document
 * pages (other paths, such as the public feed and exports, are never looked up), and the pages'
 * own rules for who may see a document and its versions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMissingPage } from '../../../app/_server/isMissingPage';
import type { Actor } from '../../../lib/access/model';
import { setServices, type Services } from '../../../lib/services';
import { createDocumentService } from '../../../server/documents/createDocumentService';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';
import { createVersionService } from '../../../server/versions/createVersionService';
import { MemoryVersionStore } from '../../../server/versions/MemoryVersionStore';
import { sampleVersion } from '../versions/versionStoreContract';

let asked: string[];

beforeEach(() => {
  asked = [];
  setServices({
    documents: {
      get: (id: string) => {
        asked.push(id);
        return Promise.resolve(null);
      },
    },
  } as unknown as Services);
});

afterEach(() => setServices(undefined));

describe('isMissingPage', () => {
  it('finds an unknown document’s public, version, editor, høringsnotat and compare pages missing', async () => {
    for (const path of [
      '/p/findes-ikke',
      '/p/findes-ikke/v/3',
      '/d/findes-ikke',
      '/d/findes-ikke/hoeringsnotat',
      '/d/findes-ikke/versions/compare',
    ]) {
      expect(await isMissingPage(path, undefined), path).toBe(true);
    }
    expect(asked).toEqual(Array(5).fill('findes-ikke'));
  });

  it('decodes the id as Next.js does, and calls a malformed id missing without a lookup', async () => {
    expect(await isMissingPage('/p/%66indes-ikke', undefined)).toBe(true);
    expect(await isMissingPage(`/p/${'x'.repeat(65)}`, undefined)).toBe(true);
    expect(asked).toEqual(['findes-ikke']);
  });

  it('leaves the feed, exports, other pages and undecodable paths to Next.js', async () => {
    for (const path of ['/p/feed.xml', '/p/x/v/1/export', '/p/x/v', '/p/x/y', '/d/x/andet', '/', '/konto', '/p/%ff', '/p/x/v/%E0%A4%A']) {
      expect(await isMissingPage(path, undefined), path).toBe(false);
    }
    expect(asked).toEqual([]);
  });
});

describe('isMissingPage with documents', () => {
  const owner: Actor = { kind: 'person', id: 'p_owner', role: 'citizen', disabled: false, organisationIds: [], workspaceIds: [] };
  const stranger: Actor = { kind: 'person', id: 'p_stranger', role: 'citizen', disabled: false, organisationIds: [], workspaceIds: [] };
  const SESSIONS: Record<string, Actor> = { s_owner: owner, s_stranger: stranger };
  let sessionReads: string[];

  async function setup() {
    sessionReads = [];
    const documents = createDocumentService({ store: new MemoryDocumentStore(), metadata: new MemoryMetadataStore(), touchDelayMs: 5 });
    const store = new MemoryVersionStore();
    const versions = createVersionService({
      store,
      documents,
      readDocumentState: () => Promise.reject(new Error('not read here')),
      personOf: async (actor) => ({ id: actor.id, name: actor.id }),
    });
    const resolvePrincipal = async (sessionId: string | null | undefined) => {
      sessionReads.push(sessionId ?? '');
      const actor = sessionId ? SESSIONS[sessionId] : undefined;
      return actor ? { actor } : null;
    };
    setServices({ documents, versions, resolvePrincipal } as unknown as Services);
    const createdBy = { id: 'p_owner', name: 'Ole Ejer' };
    const open = await documents.create({ title: 'Offentlig plan', template: 'blank', createdBy });
    await documents.setVisibility(open.id, 'public');
    await store.add(sampleVersion(open.id, 1));
    const closed = await documents.create({ title: 'Privat notat', template: 'blank', createdBy });
    return { open: open.id, closed: closed.id };
  }

  it('finds a public document’s pages and its versions without reading the session, and an unknown version missing', async () => {
    const { open } = await setup();
    expect(await isMissingPage(`/p/${open}`, 's_stranger')).toBe(false);
    expect(await isMissingPage(`/p/${open}/v/1`, 's_stranger')).toBe(false);
    expect(await isMissingPage(`/d/${open}`, undefined)).toBe(false);
    expect(await isMissingPage(`/p/${open}/v/2`, undefined)).toBe(true);
    expect(await isMissingPage(`/p/${open}/v/01`, undefined)).toBe(true);
    expect(sessionReads).toEqual([]);
  });

  it('hides a private document from those who may not view it, and leaves a signed-out editor page to the sign-in redirect', async () => {
    const { closed } = await setup();
    expect(await isMissingPage(`/p/${closed}`, undefined)).toBe(true);
    expect(await isMissingPage(`/p/${closed}`, 's_stranger')).toBe(true);
    expect(await isMissingPage(`/p/${closed}`, 's_owner')).toBe(false);
    expect(await isMissingPage(`/d/${closed}`, 's_stranger')).toBe(true);
    expect(await isMissingPage(`/d/${closed}/hoeringsnotat`, 's_owner')).toBe(false);
    // Signed out (or a session that is no longer valid): the page asks to sign in first.
    expect(await isMissingPage(`/d/${closed}`, undefined)).toBe(false);
    expect(await isMissingPage(`/d/${closed}`, 's_expired')).toBe(false);
  });
});
