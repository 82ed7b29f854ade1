/**
 * The SearchIndex contract (issue 14), run against the embedded MiniSearch index (unit project) and
 * PostgreSQL's `danish` text search (services project): Danish stems, filters, comments replaced
 * per document, fields following a rename, removal and the marks a start reconciles with.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../lib/search/parseQuery';
import type { SearchIndex } from '../../../lib/search/SearchIndex';
import { commentEntryId, documentEntryId, type SearchEntry } from '../../../lib/search/model';

export function documentEntry(documentId: string, title: string, text: string, extra: Partial<SearchEntry> = {}): SearchEntry {
  return { id: documentEntryId(documentId), kind: 'document', documentId, title, text, workspaceId: null, state: 'draft', ...extra };
}

export function commentEntry(documentId: string, commentId: string, text: string, extra: Partial<SearchEntry> = {}): SearchEntry {
  return {
    id: commentEntryId(commentId),
    kind: 'comment',
    documentId,
    commentId,
    title: '',
    text,
    workspaceId: null,
    state: 'draft',
    ...extra,
  };
}

const ids = async (index: SearchIndex, q: string, filters = {}) => (await index.query(parseQuery(q), filters, 100)).map((c) => c.id);

export function searchIndexContract(name: string, makeIndex: () => Promise<SearchIndex>): void {
  describe(`${name}: the search index contract`, () => {
    it('finds a document by an inflected Danish word in its body, and by its title', async () => {
      const index = await makeIndex();
      await index.putDocument(
        documentEntry('doc-a', 'Budget 2027', 'Kommunerne skal samarbejde med foreningerne om de grønne områder.'),
        't1',
      );
      await index.putDocument(documentEntry('doc-b', 'Legeplads', 'Børnene ønsker en ny legeplads ved skolen.'), 't1');
      expect(await ids(index, 'kommunen')).toEqual(['d:doc-a']);
      expect(await ids(index, 'forening')).toEqual(['d:doc-a']);
      expect(await ids(index, 'barn børn')).toEqual([]);
      expect(await ids(index, 'børn')).toEqual(['d:doc-b']);
      expect(await ids(index, 'budget')).toEqual(['d:doc-a']);
      // Every word must match.
      expect(await ids(index, 'kommunen legeplads')).toEqual([]);
      // The last word as typed also matches as a prefix.
      expect(await ids(index, 'legepl')).toEqual(['d:doc-b']);
    });

    it('filters by kind, workspace, phase and tag, and keeps hidden comments marked', async () => {
      const index = await makeIndex();
      await index.putDocument(
        documentEntry('doc-a', 'Cykelstier', 'Cyklisterne vil have bredere stier.', {
          workspaceId: 'ws_1',
          state: 'consultation',
          tags: ['trafik'],
        }),
        't1',
      );
      await index.putComments(
        'doc-a',
        [commentEntry('doc-a', 'c1', 'Flere cykelstier tak', { workspaceId: 'ws_1', state: 'consultation', hidden: true })],
        3,
      );
      expect((await ids(index, 'cykelstier')).sort()).toEqual(['c:c1', 'd:doc-a']);
      expect(await ids(index, 'cykelstier', { kind: 'comment' })).toEqual(['c:c1']);
      expect(await ids(index, 'cykelstier', { workspaceId: 'ws_2' })).toEqual([]);
      expect(await ids(index, 'cykelstier', { state: 'draft' })).toEqual([]);
      expect(await ids(index, 'cykelstier', { tag: 'trafik' })).toEqual(['d:doc-a']);
      const [comment] = await index.query(parseQuery('tak'), {}, 10);
      expect(comment).toMatchObject({ id: 'c:c1', kind: 'comment', documentId: 'doc-a', commentId: 'c1', hidden: true });
      expect(await index.mark('doc-a')).toEqual({ updatedAt: 't1', commentsRevision: 3 });
    });

    it('replaces a document’s text and comments, follows a rename, and forgets a removed document', async () => {
      const index = await makeIndex();
      await index.putDocument(documentEntry('doc-a', 'Gammel titel', 'Første udkast om biblioteket.'), 't1');
      await index.putComments(
        'doc-a',
        [commentEntry('doc-a', 'c1', 'Godt forslag'), commentEntry('doc-a', 'c2', 'Hvad med parkering?')],
        2,
      );
      await index.putDocument(documentEntry('doc-a', 'Gammel titel', 'Andet udkast om svømmehallen.'), 't2');
      await index.putComments('doc-a', [commentEntry('doc-a', 'c2', 'Hvad med parkeringen?')], 3);
      expect(await ids(index, 'biblioteket')).toEqual([]);
      expect(await ids(index, 'svømmehal')).toEqual(['d:doc-a']);
      expect(await ids(index, 'forslag')).toEqual([]);
      expect(await ids(index, 'parkering')).toEqual(['c:c2']);
      await index.setDocumentFields('doc-a', { title: 'Ny titel om idræt', workspaceId: null, state: 'in_review' });
      expect(await ids(index, 'idræt')).toEqual(['d:doc-a']);
      expect(await ids(index, 'svømmehal', { state: 'in_review' })).toEqual(['d:doc-a']);
      expect(await ids(index, 'parkering', { state: 'in_review' })).toEqual(['c:c2']);
      expect((await index.texts(['d:doc-a'])).get('d:doc-a')).toEqual({
        title: 'Ny titel om idræt',
        text: 'Andet udkast om svømmehallen.',
      });
      expect([...(await index.marks()).keys()]).toEqual(['doc-a']);
      await index.removeDocument('doc-a');
      expect(await ids(index, 'svømmehal')).toEqual([]);
      expect(await ids(index, 'parkering')).toEqual([]);
      expect(await index.mark('doc-a')).toBeNull();
    });

    it('ranks a title match above a body match', async () => {
      const index = await makeIndex();
      await index.putDocument(documentEntry('doc-body', 'Referat', 'Vi talte om affaldssortering og meget andet i lang tid.'), 't1');
      await index.putDocument(documentEntry('doc-title', 'Affaldssortering', 'Et forslag.'), 't1');
      expect(await ids(index, 'affaldssortering')).toEqual(['d:doc-title', 'd:doc-body']);
    });
  });
}
