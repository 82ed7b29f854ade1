/**
 * PgDocumentStore runs the DocumentStore contract (with its trace replays) against a real
 * PostgreSQL, and keeps what several nodes append to one document when one of them compacts.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { createPool } from '../../../server/postgres/createPool';
import { PgDocumentStore } from '../../../server/postgres/PgDocumentStore';
import { documentStoreContract, documentStoreTraceContract } from '../storage/documentStoreContract';
import { docFromUpdates } from '../storage/traceUpdates';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();
const fresh = async () => {
  await database.truncate();
  return new PgDocumentStore(database.pool);
};

documentStoreContract('PgDocumentStore', fresh);
documentStoreTraceContract('PgDocumentStore', fresh);

const textUpdate = (doc: Y.Doc, text: string): Uint8Array => {
  const before = Y.encodeStateVector(doc);
  doc.getText('body').insert(doc.getText('body').length, text);
  return Y.encodeStateAsUpdate(doc, before);
};

describe('PgDocumentStore on several nodes', () => {
  it('keeps an update another node appended, unseen, when this node compacts', async () => {
    await database.truncate();
    const nodeA = new PgDocumentStore(database.pool);
    const secondPool = createPool(database.url, { max: 2 });
    onTestFinished(() => secondPool.end());
    const nodeB = new PgDocumentStore(secondPool);
    // Both nodes hold the document (their rooms loaded it); each sees only its own edits after that.
    const docA = new Y.Doc();
    await nodeA.append('doc', textUpdate(docA, 'A1 '));
    expect(await nodeA.load('doc')).toHaveLength(1);
    const docB = docFromUpdates((await nodeB.load('doc'))!);
    await nodeB.append('doc', textUpdate(docB, 'B1 '));
    await nodeA.append('doc', textUpdate(docA, 'A2 '));
    await nodeA.compact('doc', Y.encodeStateAsUpdate(docA));
    // B compacts its view over A's snapshot, which it has not seen.
    await nodeB.append('doc', textUpdate(docB, 'B2 '));
    await nodeB.compact('doc', Y.encodeStateAsUpdate(docB));

    const loaded = docFromUpdates((await new PgDocumentStore(database.pool).load('doc'))!);
    const text = loaded.getText('body').toString();
    for (const part of ['A1', 'A2', 'B1', 'B2']) expect(text).toContain(part);
    await nodeA.close();
    await nodeB.close();
  });

  it('replaces everything when compacting a document it never loaded (a reset to a fresh history)', async () => {
    await database.truncate();
    const writer = new PgDocumentStore(database.pool);
    const old = new Y.Doc();
    await writer.append('doc', textUpdate(old, 'gammel historik'));
    const resetter = new PgDocumentStore(database.pool);
    const freshBody = new Y.Doc();
    await resetter.compact('doc', textUpdate(freshBody, 'ny'));
    expect(
      docFromUpdates((await resetter.load('doc'))!)
        .getText('body')
        .toString(),
    ).toBe('ny');
  });

  it('commits an append before it resolves: a second pool sees it at once', async () => {
    await database.truncate();
    const store = new PgDocumentStore(database.pool);
    const other = createPool(database.url, { max: 1 });
    try {
      await store.append('doc', new TextEncoder().encode('durable'));
      const { rows } = await other.query<{ data: Buffer }>('SELECT data FROM document_updates WHERE document_id = $1', ['doc']);
      expect(rows.map((row) => row.data.toString())).toEqual(['durable']);
    } finally {
      await other.end();
    }
  });
});
