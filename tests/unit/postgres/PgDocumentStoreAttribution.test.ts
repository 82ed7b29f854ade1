/**
 * PgDocumentStore keeps each update's attribution in the same row (migration 0008) and the folded
 * table with the snapshot; when a node compacts, the attribution of other nodes' updates it merges
 * into the snapshot is merged into the table too, so nobody's authorship is lost.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { AuthorshipTable } from '../../../lib/authorship/AuthorshipTable';
import { encodeStamp } from '../../../lib/authorship/stampCodec';
import { createPool } from '../../../server/postgres/createPool';
import { PgDocumentStore } from '../../../server/postgres/PgDocumentStore';
import { attributionContract } from '../storage/attributionContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

attributionContract('PgDocumentStore', async () => {
  await database.truncate();
  return new PgDocumentStore(database.pool);
});

const textUpdate = (doc: Y.Doc, text: string): Uint8Array => {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
};

describe('PgDocumentStore attribution on several nodes', () => {
  it('merges the attribution of another node’s unseen updates into the compacted table', async () => {
    await database.truncate();
    const nodeA = new PgDocumentStore(database.pool);
    const secondPool = createPool(database.url, { max: 2 });
    onTestFinished(() => secondPool.end());
    const nodeB = new PgDocumentStore(secondPool);
    const docA = new Y.Doc();
    docA.clientID = 1;
    await nodeA.append('doc', textUpdate(docA, 'A1 '), encodeStamp({ by: 'person:a', at: 1, ranges: [{ client: 1, from: 0, to: 3 }] }));
    const loadedB = await nodeB.loadAttributed('doc');
    const docB = new Y.Doc();
    docB.clientID = 2;
    for (const update of loadedB!.updates) Y.applyUpdate(docB, update);
    const tableB = AuthorshipTable.fromStored(loadedB!.attribution);
    // A appends again, unseen by B; then B appends (after it) and compacts with the table it knows.
    await nodeA.append('doc', textUpdate(docA, 'A2 '), encodeStamp({ by: 'person:a', at: 3, ranges: [{ client: 1, from: 3, to: 6 }] }));
    const stampB = encodeStamp({ by: 'person:b', at: 2, ranges: [{ client: 2, from: 0, to: 3 }] });
    await nodeB.append('doc', textUpdate(docB, 'B1 '), stampB);
    tableB.foldStored(stampB);
    await nodeB.compact('doc', Y.encodeStateAsUpdate(docB), tableB.encode());

    const after = await new PgDocumentStore(database.pool).loadAttributed('doc');
    expect(after!.updates).toHaveLength(1);
    const table = AuthorshipTable.fromStored(after!.attribution);
    expect([table.authorOf(1, 0)?.by, table.authorOf(2, 0)?.by, table.authorOf(1, 4)?.by]).toEqual(['person:a', 'person:b', 'person:a']);
  });
});
