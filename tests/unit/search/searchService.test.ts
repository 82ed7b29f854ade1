/**
 * The search service over the embedded index, with can() judging every hit on the metadata as it is
 * now: nothing of a document the person cannot read (not its title), a revoked grant gone at once,
 * hidden comments only for moderators, filters decided by the metadata, limits and "more".
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';
import type { Actor, Grant } from '../../../lib/access/model';
import { createSearchService } from '../../../lib/search/SearchService';
import type { DocumentMeta } from '../../../lib/storage/MetadataStore';
import { MiniSearchIndex } from '../../../server/search/MiniSearchIndex';
import { FixedWindowLimiter } from '../../../lib/apiKeys/FixedWindowLimiter';
import { commentEntry, documentEntry } from './searchIndexContract';

const person = (id: string, extra: Partial<Extract<Actor, { kind: 'person' }>> = {}): Actor => ({
  kind: 'person',
  id,
  role: 'staff',
  disabled: false,
  organisationIds: [],
  workspaceIds: [],
  ...extra,
});

function meta(id: string, title: string, extra: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    id,
    title,
    template: 'blank',
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    createdBy: { id: 'p_owner', name: 'Ejer' },
    epoch: 0,
    workspaceId: null,
    visibility: 'private',
    state: 'draft',
    grants: [{ subject: 'person', personId: 'p_owner', role: 'owner' }],
    consultation: DEFAULT_CONSULTATION,
    ...extra,
  };
}

async function world() {
  const metas = new Map<string, DocumentMeta>();
  const index = new MiniSearchIndex();
  const add = async (doc: DocumentMeta, text: string) => {
    metas.set(doc.id, doc);
    await index.putDocument(documentEntry(doc.id, doc.title, text, { workspaceId: doc.workspaceId, state: doc.state }), doc.updatedAt);
  };
  const service = createSearchService({
    index,
    documents: { getMany: async (ids) => new Map(ids.flatMap((id) => (metas.has(id) ? [[id, metas.get(id)!] as const] : []))) },
  });
  const grant = (id: string, grants: readonly Grant[]) => metas.set(id, { ...metas.get(id)!, grants });
  return { metas, index, add, service, grant };
}

describe('search with access', () => {
  it('finds only what the person may read, never a title of anything else, and follows a revocation at once', async () => {
    const { add, service, grant, index } = await world();
    await add(meta('doc-secret', 'Hemmelig fusion af kommunerne'), 'Kommunerne lægges sammen.');
    await add(meta('doc-public', 'Åben høring', { visibility: 'public' }), 'Kommunen spørger borgerne.');
    await index.putComments('doc-secret', [commentEntry('doc-secret', 'c1', 'Kommunernes økonomi')], 1);

    const anonymous = await service.search({ kind: 'anonymous' }, { q: 'kommunerne', limit: 10 });
    expect(anonymous.results.map((hit) => hit.documentId)).toEqual(['doc-public']);
    expect(JSON.stringify(anonymous)).not.toContain('Hemmelig');

    const reader = person('p_reader');
    expect((await service.search(reader, { q: 'kommune', limit: 10 })).results.map((hit) => hit.documentId)).toEqual(['doc-public']);
    grant('doc-secret', [
      { subject: 'person', personId: 'p_owner', role: 'owner' },
      { subject: 'person', personId: 'p_reader', role: 'viewer' },
    ]);
    const granted = await service.search(reader, { q: 'kommune', limit: 10 });
    expect(granted.results.map((hit) => `${hit.kind}:${hit.documentId}`).sort()).toEqual([
      'comment:doc-secret',
      'document:doc-public',
      'document:doc-secret',
    ]);
    const secret = granted.results.find((hit) => hit.kind === 'document' && hit.documentId === 'doc-secret')!;
    expect(secret.title).toBe('Hemmelig fusion af kommunerne');
    expect(secret.titleHighlights).toEqual([[19, 29]]);
    expect(secret.snippet).toBe('Kommunerne lægges sammen.');
    expect(secret.highlights).toEqual([[0, 10]]);

    // Revoked: gone from the very next search, with its comments.
    grant('doc-secret', [{ subject: 'person', personId: 'p_owner', role: 'owner' }]);
    const revoked = await service.search(reader, { q: 'kommune', limit: 10 });
    expect(revoked.results.map((hit) => hit.documentId)).toEqual(['doc-public']);
  });

  it('shows hidden comments only to those who may moderate', async () => {
    const { add, service, index } = await world();
    await add(meta('doc-h', 'Høring', { visibility: 'public', state: 'consultation' }), 'Tekst.');
    await index.putComments('doc-h', [commentEntry('doc-h', 'c1', 'Grimme ord om naboen', { hidden: true, state: 'consultation' })], 2);
    expect((await service.search(person('p_citizen', { role: 'citizen' }), { q: 'naboen', limit: 10 })).results).toEqual([]);
    const moderator = await service.search(person('p_mod', { role: 'moderator' }), { q: 'naboen', limit: 10 });
    expect(moderator.results.map((hit) => hit.commentId)).toEqual(['c1']);
  });

  it('filters by the metadata as it is now, limits, and says when there is more', async () => {
    const { add, service, metas } = await world();
    for (let i = 0; i < 5; i++) await add(meta(`doc-${i}`, `Skole ${i}`, { visibility: 'public' }), 'Skolen får nye lokaler.');
    const owner = person('p_owner');
    const page = await service.search(owner, { q: 'skole', limit: 3 });
    expect(page.results).toHaveLength(3);
    expect(page.more).toBe(true);
    expect((await service.search(owner, { q: 'skole', limit: 5 })).more).toBe(false);
    // The index still says draft; the metadata says final: the metadata decides.
    metas.set('doc-2', { ...metas.get('doc-2')!, state: 'final' });
    expect((await service.search(owner, { q: 'skole', limit: 10, state: 'draft' })).results).toHaveLength(4);
    expect((await service.search(owner, { q: 'skole', limit: 10, kind: 'comment' })).results).toHaveLength(0);
    expect((await service.search(owner, { q: '…', limit: 10 })).results).toHaveLength(0);
  });

  it('limits searches per person, or per address when signed out, when the caller is named', async () => {
    const metas = new Map<string, DocumentMeta>();
    const service = createSearchService({
      index: new MiniSearchIndex(),
      documents: { getMany: async (ids) => new Map(ids.flatMap((id) => (metas.has(id) ? [[id, metas.get(id)!] as const] : []))) },
      limiter: new FixedWindowLimiter(2, 60_000),
    });
    const ask = (actor: Actor, caller?: string) => service.search(actor, { q: 'skole', limit: 5 }, caller);
    await ask(person('p_a'), '10.0.0.1');
    await ask(person('p_a'), '10.0.0.2');
    await expect(ask(person('p_a'), '10.0.0.3')).rejects.toMatchObject({ kind: 'rate_limited', code: 'rate_limited' });
    await ask(person('p_b'), '10.0.0.1');
    await ask({ kind: 'anonymous' }, '10.0.0.1');
    await ask({ kind: 'anonymous' }, '10.0.0.1');
    await expect(ask({ kind: 'anonymous' }, '10.0.0.1')).rejects.toMatchObject({ code: 'rate_limited' });
    // The server's own searches name no caller: never limited.
    await ask(person('p_a'));
  });
});
