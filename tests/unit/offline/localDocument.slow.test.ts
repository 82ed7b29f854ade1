/**
 * The local copy over the real y-indexeddb on fake-indexeddb: compaction keeps it bounded across
 * 100 loads (a slow test by nature: the `slow` Vitest project; the rest is localDocument.test.ts).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { LocalDocument } from '../../../lib/offline/localDocument';
import { documentDbName } from '../../../lib/offline/localNames';
import { applyPatch, loadTrace } from '../../../lib/traces/loadTrace';

let counter = 0;
const freshName = () => documentDbName('p_test', `dok${++counter}`);
const open: LocalDocument[] = [];
afterEach(async () => {
  for (const local of open.splice(0)) await local.close();
});

async function load(name: string): Promise<{ doc: Y.Doc; local: LocalDocument }> {
  const doc = new Y.Doc();
  const local = await LocalDocument.open(name, doc);
  open.push(local);
  await local.loadCompaction;
  return { doc, local };
}

/** About 60 KB of encoded document: the first 40,000 edits of the automerge-paper trace. */
function paperPrefix(doc: Y.Doc): void {
  const trace = loadTrace('tests/fixtures/traces/automerge-paper.json.gz');
  const text = doc.getText('t');
  let edits = 0;
  doc.transact(() => {
    for (const txn of trace.txns) {
      for (const patch of txn.patches) applyPatch(text, patch, true);
      if (++edits >= 40_000) return;
    }
  });
}

describe('LocalDocument: compaction', () => {
  it('stays within twice the encoded document over 100 loads with typing in between', async () => {
    const name = freshName();
    {
      const { doc } = await load(name);
      paperPrefix(doc);
    }
    let largest = 0;
    let encoded = 0;
    for (let reload = 0; reload < 100; reload++) {
      const { doc, local } = await load(name);
      const text = doc.getText('t');
      // A few keystrokes per visit, each its own update (its own record, as in the editor).
      for (let key = 0; key < 20; key++) text.insert((reload * 7 + key) % text.length, 'x');
      await local.flush();
      await local.compacted();
      const size = await local.size();
      encoded = Y.encodeStateAsUpdate(doc).byteLength;
      largest = Math.max(largest, size.bytes / encoded);
      await local.close();
    }
    const { doc, local } = await load(name);
    const size = await local.size();
    expect(encoded).toBeGreaterThan(40_000);
    expect(size.records).toBe(1);
    expect(size.bytes).toBeLessThanOrEqual(2 * Y.encodeStateAsUpdate(doc).byteLength);
    expect(largest).toBeLessThanOrEqual(2);
    expect(doc.getText('t').length).toBeGreaterThan(2000);
  });

  it('compacts while typing once the appended updates reach the compacted size', async () => {
    const name = freshName();
    const { doc, local } = await load(name);
    const text = doc.getText('t');
    text.insert(0, 'a'.repeat(20_000));
    await local.compact();
    const base = (await local.size()).bytes;
    for (let i = 0; i < 3000; i++) text.insert(i % 1000, 'ø');
    await local.compacted();
    const size = await local.size();
    expect(size.records).toBeLessThan(3000);
    expect(size.bytes).toBeLessThanOrEqual(2 * Math.max(base, Y.encodeStateAsUpdate(doc).byteLength));
  });

  it('without the policy, plain y-indexeddb keeps a record per update and per load', async () => {
    const name = freshName();
    for (let reload = 0; reload < 20; reload++) {
      const doc = new Y.Doc();
      const persistence = new IndexeddbPersistence(name, doc);
      await persistence.whenSynced;
      for (let key = 0; key < 5; key++) doc.getText('t').insert(0, 'x');
      await persistence.destroy();
    }
    const { local } = await load(freshName());
    await local.close();
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(name, doc);
    await persistence.whenSynced;
    const records = await new Promise<number>((resolve) => {
      const request = persistence.db!.transaction(['updates'], 'readonly').objectStore('updates').count();
      request.onsuccess = () => resolve(request.result);
    });
    await persistence.destroy();
    expect(records).toBeGreaterThan(100);
  });
});
