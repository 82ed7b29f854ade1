/**
 * PgCommentStore runs the CommentStore contract against a real PostgreSQL, and two stores on two
 * pools (two nodes) changing one document's comments at the same time lose no change, each node
 * sees the other's writes, and a write does not read the document's comments again when its node
 * already holds them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../../server/postgres/createPool';
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

/** Counts the rows SELECT statements of the pool's connections return (reads through `pool.query` are not counted). */
function countSelectedRows(pool: Pool): { rows: number } {
  const counter = { rows: 0 };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const answer = query(...args);
      if (answer instanceof Promise)
        return answer.then((result: { command?: string; rows?: unknown[] }) => {
          if (result.command === 'SELECT') counter.rows += result.rows?.length ?? 0;
          return result;
        });
      return answer;
    };
  });
  return counter;
}

describe('PgCommentStore keeps a document’s comments between writes', () => {
  const poolA = createPool(database.url, { max: 5 });
  const poolB = createPool(database.url, { max: 5 });
  const selectedA = countSelectedRows(poolA);
  afterAll(async () => {
    await Promise.all([poolA.end(), poolB.end()]);
  });

  it('does not read the document’s comments again for a write after its own, and does after another node wrote', async () => {
    await database.truncate();
    const nodeA = new PgCommentStore(poolA);
    const nodeB = new PgCommentStore(poolB);
    const many = Array.from({ length: 200 }, (_, i) => sampleComment(`c_${String(i).padStart(3, '0')}`));
    await nodeA.update('dok-1', () => ({ put: many, result: null }));
    const before = selectedA.rows;
    const seen = await nodeA.update('dok-1', (current) => ({ put: [sampleComment('c_new')], result: current.comments.length }));
    expect(seen.result).toBe(200);
    expect(selectedA.rows - before).toBeLessThan(10);
    await nodeB.update('dok-1', () => ({ put: [sampleComment('c_b')], result: null }));
    const after = await nodeA.update('dok-1', (current) => ({ result: current.comments.map((c) => c.id) }));
    expect(after.result).toContain('c_b');
    expect(after.result).toHaveLength(202);
    await Promise.all([nodeA.close(), nodeB.close()]);
  });

  it('sees the other node’s write every time when two nodes take turns writing to one document', async () => {
    await database.truncate();
    const nodes = [new PgCommentStore(poolA), new PgCommentStore(poolB)];
    await nodes[0]!.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null }));
    for (let turn = 0; turn < 20; turn++) {
      const node = nodes[turn % 2]!;
      const update = await node.update('dok-1', (current) => {
        const comment = current.comments.find((c) => c.id === 'c_1')!;
        return { put: [{ ...comment, supporters: [...comment.supporters, `person:p_${turn}`] }], result: [...comment.supporters] };
      });
      // Each node saw every support before its own, including the other node's last one.
      expect(update.result).toEqual(Array.from({ length: turn }, (_, i) => `person:p_${i}`));
      expect(update.revision).toBe(turn + 2);
    }
    expect((await nodes[0]!.read('dok-1')).comments[0]!.supporters).toHaveLength(20);
    await Promise.all(nodes.map((node) => node.close()));
  });

  it('answers each of many queued changes on its own: one that throws or is refused fails alone', async () => {
    await database.truncate();
    const nodeA = new PgCommentStore(poolA);
    const nodeB = new PgCommentStore(poolB);
    await nodeB.update('dok-2', () => ({ put: [sampleComment('c_taken', { documentId: 'dok-2' })], result: null }));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        nodeA.update('dok-1', () => {
          if (i === 7) throw new Error('refused');
          if (i === 11) return { put: [sampleComment('c_taken')], result: i };
          return { put: [sampleComment(`c_${i}`)], result: i };
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(2);
    expect(outcomes[7]).toMatchObject({ status: 'rejected', reason: { message: 'refused' } });
    expect(outcomes[11]!.status).toBe('rejected');
    const stored = await nodeB.read('dok-1');
    expect(stored.comments).toHaveLength(28);
    expect(stored.revision).toBe(28);
    expect((await nodeA.get('c_taken'))?.documentId).toBe('dok-2');
    await Promise.all([nodeA.close(), nodeB.close()]);
  });
});
