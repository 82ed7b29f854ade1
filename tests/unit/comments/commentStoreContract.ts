/**
 * The CommentStore contract (lib/comments/CommentStore.ts), run against every implementation:
 * MemoryCommentStore.test.ts and LowCommentStore.test.ts call `commentStoreContract`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CommentStore } from '../../../lib/comments/CommentStore';
import type { ModerationLogEntry, StoredComment } from '../../../lib/comments/model';

export function sampleComment(id: string, overrides: Partial<StoredComment> = {}): StoredComment {
  return {
    id,
    documentId: 'dok-1',
    threadId: id,
    parentId: null,
    kind: 'comment',
    anchor: {
      start: { item: { client: 1, clock: 3 }, assoc: 0 },
      end: { item: { client: 1, clock: 9 }, assoc: -1 },
      quote: { prefix: 'Vi vil ', exact: 'spise sammen', suffix: ' hver uge' },
    },
    text: 'Godt forslag!',
    author: { kind: 'person', id: 'p_anna', name: 'Anna', organisation: { id: 'o_1', name: 'Grønne Hjerter' } },
    createdAt: '2027-03-01T10:00:00.000Z',
    supporters: [],
    reports: [],
    moderation: { state: 'visible' },
    ...overrides,
  };
}

export function sampleLogEntry(id: string, overrides: Partial<ModerationLogEntry> = {}): ModerationLogEntry {
  return {
    id,
    at: '2027-03-02T10:00:00.000Z',
    documentId: 'dok-1',
    commentId: 'c_1',
    action: 'hide',
    ground: 'offensive',
    reason: 'Personangreb',
    by: { id: 'p_mod', name: 'Mona Moderator' },
    ...overrides,
  };
}

export function commentStoreContract(name: string, makeStore: () => CommentStore | Promise<CommentStore>): void {
  describe(`${name} (CommentStore contract)`, () => {
    let store: CommentStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    it('has no comments and revision 0 for a document nobody commented on', async () => {
      expect(await store.read('dok-1')).toEqual({ documentId: 'dok-1', comments: [], revision: 0 });
      expect(await store.get('c_nope')).toBeNull();
      expect(await store.reported()).toEqual([]);
      expect(await store.moderationLog()).toEqual([]);
    });

    it('finds a comment by id and by author and clientKey, in a change and in a read, as copies', async () => {
      await store.update('dok-1', () => ({
        put: [sampleComment('c_1', { clientKey: 'k1' }), sampleComment('c_2', { createdAt: '2027-03-01T11:00:00.000Z', clientKey: 'k2' })],
        result: null,
      }));
      await store.update('dok-1', (current) => {
        const found = current.find('c_2');
        expect(found).toEqual(sampleComment('c_2', { createdAt: '2027-03-01T11:00:00.000Z', clientKey: 'k2' }));
        // The same copy the array hands out: a change may look both ways and keep what it read.
        expect(found).toBe(current.comments[1]);
        expect(current.find('c_nope')).toBeUndefined();
        expect(current.findByClientKey('person:p_anna', 'k1')?.id).toBe('c_1');
        expect(current.findByClientKey('person:p_other', 'k1')).toBeUndefined();
        expect(current.findByClientKey('person:p_anna', 'k3')).toBeUndefined();
        return { result: null };
      });
      const read = await store.read('dok-1');
      expect(read.find('c_1')).toEqual(read.comments[0]);
      expect(read.findByClientKey('person:p_anna', 'k2')?.id).toBe('c_2');
      // A copy: changing it changes nothing stored.
      (read.find('c_1') as { text: string }).text = 'ændret';
      expect((await store.get('c_1'))?.text).toBe('Godt forslag!');
    });

    it('writes what a change puts, bumps the revision once per change, and returns its result', async () => {
      const first = await store.update('dok-1', (current) => {
        expect(current.revision).toBe(0);
        return { put: [sampleComment('c_1'), sampleComment('c_2', { createdAt: '2027-03-01T09:00:00.000Z' })], result: 'made' };
      });
      expect(first).toEqual({ result: 'made', revision: 1, changed: true });
      const read = await store.read('dok-1');
      expect(read.revision).toBe(1);
      // Creation order, whatever order they were put in.
      expect(read.comments.map((c) => c.id)).toEqual(['c_2', 'c_1']);
      expect(read.comments[1]).toEqual(sampleComment('c_1'));
      expect(await store.get('c_1')).toEqual(sampleComment('c_1'));
      const second = await store.update('dok-1', (current) => ({ put: [{ ...current.comments[1]!, text: 'Rettet' }], result: null }));
      expect(second.revision).toBe(2);
      expect((await store.get('c_1'))?.text).toBe('Rettet');
    });

    it('writes nothing and keeps the revision for a change that puts nothing', async () => {
      await store.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null }));
      expect(await store.update('dok-1', () => ({ result: 'same' }))).toEqual({ result: 'same', revision: 1, changed: false });
      expect((await store.read('dok-1')).revision).toBe(1);
    });

    it('bumps the revision for a touch, also of a document without comments', async () => {
      expect(await store.update('dok-1', () => ({ touch: true, result: null }))).toEqual({ result: null, revision: 1, changed: true });
      expect(await store.read('dok-1')).toEqual({ documentId: 'dok-1', comments: [], revision: 1 });
    });

    it('writes nothing when the change throws, and passes the error on', async () => {
      await store.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null }));
      await expect(
        store.update('dok-1', () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store.read('dok-1')).toMatchObject({ revision: 1, comments: [sampleComment('c_1')] });
      // The store still works after a refused change.
      expect((await store.update('dok-1', () => ({ put: [sampleComment('c_2')], result: null }))).revision).toBe(2);
    });

    it('keeps documents apart: their own comments and revisions', async () => {
      await store.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null }));
      await store.update('dok-2', () => ({ put: [sampleComment('c_2', { documentId: 'dok-2' })], result: null }));
      await store.update('dok-2', () => ({ put: [sampleComment('c_3', { documentId: 'dok-2' })], result: null }));
      expect(await store.read('dok-1')).toMatchObject({ revision: 1, comments: [{ id: 'c_1' }] });
      expect(await store.read('dok-2')).toMatchObject({ revision: 2, comments: [{ id: 'c_2' }, { id: 'c_3' }] });
      expect((await store.get('c_3'))?.documentId).toBe('dok-2');
    });

    it('refuses a comment or log entry of another document, and a comment id used on another document', async () => {
      await expect(store.update('dok-1', () => ({ put: [sampleComment('c_1', { documentId: 'dok-2' })], result: null }))).rejects.toThrow();
      await expect(
        store.update('dok-1', () => ({ log: [sampleLogEntry('m_1', { documentId: 'dok-2' })], result: null })),
      ).rejects.toThrow();
      await store.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null }));
      await expect(store.update('dok-2', () => ({ put: [sampleComment('c_1', { documentId: 'dok-2' })], result: null }))).rejects.toThrow();
      expect(await store.read('dok-2')).toEqual({ documentId: 'dok-2', comments: [], revision: 0 });
    });

    it('hands out copies: changing what it returned or what was put changes nothing stored', async () => {
      const put = sampleComment('c_1');
      await store.update('dok-1', () => ({ put: [put], result: null }));
      (put as { text: string }).text = 'ændret efter';
      const got = (await store.get('c_1'))!;
      (got as { text: string }).text = 'ændret i kopien';
      ((await store.read('dok-1')).comments[0]!.supporters as string[]).push('person:x');
      await store.update('dok-1', (current) => {
        (current.comments[0] as { text: string }).text = 'ændret uden at blive lagt';
        return { result: null };
      });
      expect(await store.get('c_1')).toEqual(sampleComment('c_1'));
    });

    it('loses no update under many concurrent read-modify-write changes (one support each)', async () => {
      await store.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null }));
      const supporters = Array.from({ length: 40 }, (_, i) => `person:p_${i}`);
      await Promise.all(
        supporters.map((key) =>
          store.update('dok-1', (current) => {
            const comment = current.comments.find((c) => c.id === 'c_1')!;
            return { put: [{ ...comment, supporters: [...comment.supporters, key] }], result: null };
          }),
        ),
      );
      const stored = (await store.get('c_1'))!;
      expect([...stored.supporters].sort()).toEqual([...supporters].sort());
      expect((await store.read('dok-1')).revision).toBe(41);
    });

    it('lists the comments with open reports, the longest-waiting first, and not handled ones', async () => {
      const report = (id: string, at: string, handledAt?: string) => ({
        id,
        by: `person:${id}`,
        ground: 'spam' as const,
        note: '',
        at,
        ...(handledAt ? { handledAt } : {}),
      });
      await store.update('dok-1', () => ({
        put: [
          sampleComment('c_new', { reports: [report('r1', '2027-03-05T00:00:00.000Z')] }),
          sampleComment('c_old', { reports: [report('r2', '2027-03-04T00:00:00.000Z'), report('r3', '2027-03-06T00:00:00.000Z')] }),
          sampleComment('c_done', { reports: [report('r4', '2027-03-01T00:00:00.000Z', '2027-03-02T00:00:00.000Z')] }),
          sampleComment('c_quiet'),
        ],
        result: null,
      }));
      await store.update('dok-2', () => ({
        put: [sampleComment('c_other', { documentId: 'dok-2', reports: [report('r5', '2027-03-04T12:00:00.000Z')] })],
        result: null,
      }));
      expect((await store.reported()).map((c) => c.id)).toEqual(['c_old', 'c_other', 'c_new']);
    });

    it('appends to the moderation log and lists it newest first, per document and limited', async () => {
      await store.update('dok-1', () => ({ log: [sampleLogEntry('m_1')], result: null }));
      await store.update('dok-2', () => ({ log: [sampleLogEntry('m_2', { documentId: 'dok-2' })], result: null }));
      await store.update('dok-1', () => ({ log: [sampleLogEntry('m_3', { action: 'restore' })], result: null }));
      expect((await store.moderationLog()).map((e) => e.id)).toEqual(['m_3', 'm_2', 'm_1']);
      expect((await store.moderationLog({ documentIds: ['dok-1'] })).map((e) => e.id)).toEqual(['m_3', 'm_1']);
      expect((await store.moderationLog({ limit: 1 })).map((e) => e.id)).toEqual(['m_3']);
      expect((await store.moderationLog({ documentIds: [] })).map((e) => e.id)).toEqual([]);
      expect(await store.moderationLog({ documentIds: ['dok-2'] })).toEqual([sampleLogEntry('m_2', { documentId: 'dok-2' })]);
      // A log entry is a change to its document: the revision moves.
      expect((await store.read('dok-1')).revision).toBe(2);
    });
  });
}
