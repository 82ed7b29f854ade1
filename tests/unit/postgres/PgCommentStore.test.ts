/**
 * PgCommentStore runs the CommentStore contract against a real PostgreSQL, and two stores on two
 * pools (two nodes) changing one document's comments at the same time lose no change.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../../server/postgres/createPool';
import { PgCommentStore } from '../../../server/postgres/PgCommentStore';
import { commentStoreContract, sampleComment } from '../comments/commentStoreContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

commentStoreContract('PgCommentStore', async () => {
  await database.truncate();
  return new PgCommentStore(database.pool);
});

describe('PgCommentStore on two nodes', () => {
  const poolA = createPool(database.url, { max: 5 });
  const poolB = createPool(database.url, { max: 5 });
  afterAll(async () => {
    await Promise.all([poolA.end(), poolB.end()]);
  });

  it('loses no support when two nodes add supports to one comment concurrently, and counts every revision', async () => {
    await database.truncate();
    const nodeA = new PgCommentStore(poolA);
    const nodeB = new PgCommentStore(poolB);
    await nodeA.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null }));
    const supporters = Array.from({ length: 60 }, (_, i) => `person:p_${i}`);
    const results = await Promise.all(
      supporters.map((key, i) =>
        (i % 2 === 0 ? nodeA : nodeB).update('dok-1', (current) => {
          const comment = current.comments.find((c) => c.id === 'c_1')!;
          return { put: [{ ...comment, supporters: [...comment.supporters, key] }], result: key };
        }),
      ),
    );
    expect([...((await nodeB.get('c_1'))?.supporters ?? [])].sort()).toEqual([...supporters].sort());
    // Every change saw the one before it: revisions 2..61, each exactly once.
    expect(results.map((result) => result.revision).sort((a, b) => a - b)).toEqual(supporters.map((_, i) => i + 2));
    expect((await nodeA.read('dok-1')).revision).toBe(61);
    await Promise.all([nodeA.close(), nodeB.close()]);
  });

  it('lets changes to different documents run side by side, and a refused change on one node leaves the other node’s write', async () => {
    await database.truncate();
    const nodeA = new PgCommentStore(poolA);
    const nodeB = new PgCommentStore(poolB);
    await Promise.all([
      nodeA.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null })),
      nodeB.update('dok-2', () => ({ put: [sampleComment('c_2', { documentId: 'dok-2' })], result: null })),
      expect(
        nodeB.update('dok-1', () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused'),
    ]);
    expect((await nodeB.read('dok-1')).comments.map((c) => c.id)).toEqual(['c_1']);
    expect((await nodeA.read('dok-2')).comments.map((c) => c.id)).toEqual(['c_2']);
  });
});
