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

describe('PgDocumentStore across a history reset on another node', () => {
  it('drops the compaction of a room that loaded the history a reset has replaced since', async () => {
    await database.truncate();
    const stale = new PgDocumentStore(database.pool);
    const doc = new Y.Doc();
    await stale.append('doc', textUpdate(doc, 'gammel historik '));
    await stale.append('doc', textUpdate(doc, 'mere '));
    await stale.load('doc');
    // Another node resets: a fresh history with the same text, written without loading.
    const resetter = new PgDocumentStore(database.pool);
    const freshBody = new Y.Doc();
    freshBody.getText('body').insert(0, 'gammel historik mere ');
    await resetter.compact('doc', Y.encodeStateAsUpdate(freshBody));
    // The stale room edits and unloads before it hears of the reset.
    await stale.append('doc', textUpdate(doc, 'forældet '));
    await stale.compact('doc', Y.encodeStateAsUpdate(doc));

    const stored = (await new PgDocumentStore(database.pool).load('doc'))!;
    // The reset's snapshot, untouched, and the stale room's record (a room's load leaves it out: retired client).
    expect(stored).toHaveLength(2);
    expect(docFromUpdates([stored[0]!]).getText('body').toString()).toBe('gammel historik mere ');
    expect(Y.encodeStateVector(docFromUpdates([stored[0]!]))).toEqual(Y.encodeStateVector(freshBody));
    // A room that loads after the reset compacts as usual.
    const next = new PgDocumentStore(database.pool);
    const current = docFromUpdates([stored[0]!]);
    await next.load('doc');
    current.getText('body').insert(current.getText('body').length, 'ny ');
    await next.compact('doc', Y.encodeStateAsUpdate(current));
    expect(
      docFromUpdates((await next.load('doc'))!)
        .getText('body')
        .toString(),
    ).toContain('ny ');
  });
});

describe('PgDocumentStore as the relay ledger of a cluster', () => {
  /** An update of its own (no other update needed to read it). */
  const own = (text: string): Uint8Array => textUpdate(new Y.Doc(), text);
  const textOf = (updates: readonly Uint8Array[]) =>
    docFromUpdates([...updates])
      .getText('body')
      .toString();
  const collect = async (store: PgDocumentStore, olderThanMs = 0) => {
    const seen: Array<{ documentId: string; text: string }> = [];
    const published = await store.publishStale(olderThanMs, 100, async (updates) => {
      for (const { documentId, update } of updates) seen.push({ documentId, text: textOf([update]) });
    });
    return { published, seen };
  };

  it('stores appends as unpublished until the node says it published them; rows without a ledger count as published', async () => {
    await database.truncate();
    const plain = new PgDocumentStore(database.pool);
    await plain.append('doc', own('uden klynge '));
    const node = new PgDocumentStore(database.pool, { ledger: true });
    const [first, second] = [own('første '), own('anden ')];
    await node.append('doc', first);
    await node.append('other', second);
    node.relayed('doc', first);
    await node.close(); // waits for the marks written in the background
    expect(await collect(node)).toEqual({ published: 1, seen: [{ documentId: 'other', text: 'anden ' }] });
    // Published by the sweep: not handed out again.
    expect((await collect(node)).published).toBe(0);
  });

  it('hands out only what waited longer than asked, oldest first, and keeps it when publishing fails', async () => {
    await database.truncate();
    const node = new PgDocumentStore(database.pool, { ledger: true });
    await node.append('doc', own('en '));
    await node.append('doc', own('to '));
    expect((await collect(node, 60_000)).published).toBe(0);
    await expect(node.publishStale(0, 100, () => Promise.reject(new Error('Redis is away')))).rejects.toThrow('Redis is away');
    expect((await collect(node)).seen.map((item) => item.text)).toEqual(['en ', 'to ']);
  });

  it('never hands the same update to two nodes sweeping at once, and holds no lock while publishing', async () => {
    await database.truncate();
    const writer = new PgDocumentStore(database.pool, { ledger: true });
    for (let i = 0; i < 20; i++) await writer.append('doc', own(`${i} `));
    // Their node died an hour ago.
    await database.pool.query(`UPDATE document_updates SET stored_at = now() - interval '1 hour'`);
    const secondPool = createPool(database.url, { max: 2 });
    onTestFinished(() => secondPool.end());
    const [nodeA, nodeB] = [new PgDocumentStore(database.pool, { ledger: true }), new PgDocumentStore(secondPool, { ledger: true })];
    // A claims a batch and holds it (its publish waits) while B sweeps: B gets only what A did not claim.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let claimed!: (count: number) => void;
    const claimedByA = new Promise<number>((resolve) => (claimed = resolve));
    const sweepA = nodeA.publishStale(60_000, 12, async (updates) => {
      claimed(updates.length);
      await held;
    });
    expect(await claimedByA).toBe(12);
    const fromB = await nodeB.publishStale(60_000, 100, async () => undefined);
    // No row lock is held meanwhile: the writer's own mark of A's rows goes through.
    await database.pool.query('UPDATE document_updates SET relayed = relayed');
    release();
    expect([await sweepA, fromB]).toEqual([12, 8]);
    expect((await collect(nodeA)).published).toBe(0);
  });

  it('keeps unpublished records through a compaction of a loaded document, and drops them on a reset', async () => {
    await database.truncate();
    const node = new PgDocumentStore(database.pool, { ledger: true });
    const [kept, published] = [own('ikke udgivet '), own('udgivet ')];
    await node.append('doc', kept);
    await node.append('doc', published);
    node.relayed('doc', published);
    await node.close();
    const state = (await node.load('doc'))!;
    await node.compact('doc', Y.mergeUpdates(state));
    expect((await collect(node, 60_000)).published).toBe(0);
    expect((await collect(node)).seen.map((item) => item.text)).toEqual(['ikke udgivet ']);
    expect(textOf((await node.load('doc'))!)).toBe(textOf(state));

    await node.append('doc', own('mere '));
    const resetter = new PgDocumentStore(database.pool, { ledger: true });
    await resetter.compact('doc', Y.encodeStateAsUpdate(new Y.Doc()));
    expect((await collect(node)).published).toBe(0);
    expect(textOf((await node.load('doc'))!)).toBe('');
  });
});

describe('PgDocumentStore as a relay ledger: the DocumentStore contract', () => {
  documentStoreContract('PgDocumentStore (ledger)', async () => {
    await database.truncate();
    return new PgDocumentStore(database.pool, { ledger: true });
  });
});
