/**
 * The MetadataStore contract (lib/storage/MetadataStore.ts), run against every implementation:
 * MemoryMetadataStore.test.ts and LowMetadataStore.test.ts call `metadataStoreContract`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentMeta, MetadataStore } from '../../../lib/storage/MetadataStore';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';

export function sampleMeta(id: string, createdAt = '2026-11-01T10:00:00.000Z', overrides: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    id,
    title: `Dokument ${id}`,
    template: 'projektforslag',
    createdAt,
    updatedAt: createdAt,
    createdBy: { id: 'person-1', name: 'Åse Ødegård' },
    epoch: 1,
    workspaceId: null,
    visibility: 'private',
    state: 'draft',
    grants: [{ subject: 'person', personId: 'person-1', role: 'owner' }],
    consultation: DEFAULT_CONSULTATION,
    ...overrides,
  };
}

export function metadataStoreContract(name: string, makeStore: () => MetadataStore | Promise<MetadataStore>): void {
  describe(`${name} (MetadataStore contract)`, () => {
    let store: MetadataStore;

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('has no documents at first and null for an unknown id', async () => {
      expect(await store.listDocuments()).toEqual([]);
      expect(await store.getDocument('unknown')).toBeNull();
    });

    it('returns a created document as it was given', async () => {
      const meta = sampleMeta('a');
      expect(await store.createDocument(meta)).toEqual(meta);
      expect(await store.getDocument('a')).toEqual(meta);
      expect(await store.listDocuments()).toEqual([meta]);
    });

    it('reads many documents in one call where it can (getDocuments), leaving out unknown ids', async () => {
      const getDocuments = store.getDocuments?.bind(store);
      if (!getDocuments) return;
      const [a, b] = [sampleMeta('a'), sampleMeta('b', '2026-11-02T10:00:00.000Z')];
      await store.createDocument(a);
      await store.createDocument(b);
      const found = await getDocuments(['b', 'unknown', 'a', 'b']);
      expect([...found].sort((x, y) => x.id.localeCompare(y.id))).toEqual([a, b]);
      expect(await getDocuments([])).toEqual([]);
    });

    it('refuses to create a second document with the same id and keeps the first', async () => {
      await store.createDocument(sampleMeta('a'));
      await expect(store.createDocument(sampleMeta('a', undefined, { title: 'Other' }))).rejects.toThrow(/exists/);
      expect((await store.getDocument('a'))?.title).toBe('Dokument a');
    });

    it('lists the newest first by creation time, ties by id', async () => {
      await store.createDocument(sampleMeta('old', '2026-01-01T00:00:00.000Z'));
      await store.createDocument(sampleMeta('new', '2026-06-01T00:00:00.000Z'));
      await store.createDocument(sampleMeta('tie-b', '2026-03-01T00:00:00.000Z'));
      await store.createDocument(sampleMeta('tie-a', '2026-03-01T00:00:00.000Z'));
      expect((await store.listDocuments()).map((meta) => meta.id)).toEqual(['new', 'tie-a', 'tie-b', 'old']);
    });

    it('updates title, updatedAt and epoch and nothing else', async () => {
      await store.createDocument(sampleMeta('a'));
      const updated = await store.updateDocument('a', { title: 'Nyt navn', epoch: 2 });
      expect(updated).toEqual({ ...sampleMeta('a'), title: 'Nyt navn', epoch: 2 });
      // A stray key at run time (e.g. from unvalidated input) must not reach the stored record.
      const stray = { updatedAt: '2026-11-02T00:00:00.000Z', id: 'x', createdAt: 'x' } as unknown as { updatedAt: string };
      await store.updateDocument('a', stray);
      expect(await store.getDocument('a')).toEqual({
        ...sampleMeta('a'),
        title: 'Nyt navn',
        epoch: 2,
        updatedAt: '2026-11-02T00:00:00.000Z',
      });
    });

    it("renames the creator (a deleted account's name) but never changes who it was", async () => {
      await store.createDocument(sampleMeta('a'));
      const before = await store.getDocument('a');
      const updated = await store.updateDocument('a', { createdBy: { id: 'someone-else', name: 'Tidligere deltager' } });
      expect(updated?.createdBy).toEqual({ id: before!.createdBy.id, name: 'Tidligere deltager' });
      expect((await store.getDocument('a'))?.createdBy).toEqual({ id: before!.createdBy.id, name: 'Tidligere deltager' });
    });

    it('moves a document out of its workspace (a removed one) with its new visibility, and nothing else', async () => {
      await store.createDocument(sampleMeta('a', undefined, { workspaceId: 'w1', visibility: 'workspace' }));
      const before = await store.getDocument('a');
      const moved = await store.updateDocument('a', { workspaceId: null, visibility: 'private' });
      expect(moved).toEqual({ ...before, workspaceId: null, visibility: 'private' });
      expect(await store.getDocument('a')).toEqual(moved);
      // Left out: kept.
      expect((await store.updateDocument('a', { title: 'Ny titel' }))?.workspaceId).toBeNull();
    });

    it('keeps a forum post’s type, tags and supporters, and changes only tags and supporters when asked', async () => {
      const post = sampleMeta('p', undefined, {
        workspaceId: 'w1',
        visibility: 'workspace',
        postType: 'case',
        tags: ['samskabelse'],
        supporters: [],
      });
      await store.createDocument(post);
      expect(await store.getDocument('p')).toEqual(post);
      const tagged = await store.updateDocument('p', { tags: ['frivillige', 'effektkæde'] });
      expect(tagged).toEqual({ ...post, tags: ['frivillige', 'effektkæde'] });
      const supported = await store.updateDocument('p', { supporters: ['p1', 'p2'] });
      expect(supported).toEqual({ ...post, tags: ['frivillige', 'effektkæde'], supporters: ['p1', 'p2'] });
      expect(await store.getDocument('p')).toEqual(supported);
      expect((await store.listDocuments()).find((meta) => meta.id === 'p')).toEqual(supported);
      // A document that is no post has none of the fields.
      await store.createDocument(sampleMeta('d'));
      expect(await store.getDocument('d')).not.toHaveProperty('tags');
    });

    it('replaces the consultation settings, whole and as a copy', async () => {
      await store.createDocument(sampleMeta('a'));
      const settings = {
        opensAt: '2027-03-02T00:00:00.000Z',
        closesAt: '2027-03-16T00:00:00.000Z',
        citizensMayComment: false,
        organisationsMayComment: true,
        guestsMayComment: true,
      };
      expect((await store.updateDocument('a', { consultation: settings }))?.consultation).toEqual(settings);
      (settings as { guestsMayComment: boolean }).guestsMayComment = false;
      expect((await store.getDocument('a'))?.consultation.guestsMayComment).toBe(true);
      expect(await store.getDocument('a')).toMatchObject({ ...sampleMeta('a'), consultation: { citizensMayComment: false } });
    });

    it('returns null when updating an unknown document and creates nothing', async () => {
      expect(await store.updateDocument('ghost', { title: 'x' })).toBeNull();
      expect(await store.listDocuments()).toEqual([]);
    });

    it('hands out copies: changing a returned object changes nothing stored', async () => {
      const given = sampleMeta('a');
      const created = await store.createDocument(given);
      (given as { title: string }).title = 'changed given';
      (created as { title: string }).title = 'changed created';
      const fetched = (await store.getDocument('a'))!;
      (fetched.createdBy as { name: string }).name = 'changed fetched';
      ((await store.listDocuments())[0]!.createdBy as { id: string }).id = 'changed listed';
      expect(await store.getDocument('a')).toEqual(sampleMeta('a'));
    });

    it('keeps every one of many concurrent creates and updates', async () => {
      const ids = Array.from({ length: 40 }, (_, i) => `doc-${String(i).padStart(2, '0')}`);
      await Promise.all(ids.map((id, i) => store.createDocument(sampleMeta(id, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()))));
      await Promise.all(ids.map((id) => store.updateDocument(id, { title: `renamed ${id}` })));
      const listed = await store.listDocuments();
      expect(listed.map((meta) => meta.id)).toEqual([...ids].reverse());
      expect(listed.every((meta) => meta.title === `renamed ${meta.id}`)).toBe(true);
    });
  });
}
