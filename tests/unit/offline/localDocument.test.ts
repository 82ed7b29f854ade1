/**
 * The local copy over the real y-indexeddb on fake-indexeddb: compaction keeps it bounded across
 * 100 loads, the epoch, sync state and rescued text survive a reload, two tabs merge their sync
 * state, and erasing (or another tab deleting) really removes the database.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { LocalDocument, stateVectorOf } from '../../../lib/offline/localDocument';
import { documentDbName } from '../../../lib/offline/localNames';
import { restoreFromLocalCopy } from '../../../lib/offline/localDocumentSyncState';
import { SaveTracker } from '../../../lib/sync/SaveTracker';
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

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '');
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

describe('LocalDocument: what survives a reload', () => {
  it('keeps the content, the epoch and rescued text', async () => {
    const name = freshName();
    {
      const { doc, local } = await load(name);
      expect(local.hadContent).toBe(false);
      expect(local.storedEpoch).toBeNull();
      doc.getText('t').insert(0, 'Lokalt');
      await local.setEpoch(3);
      await local.setStaleText({ text: 'Reddet tekst', compared: true, at: 5 });
      await local.close();
    }
    const { doc, local } = await load(name);
    expect(doc.getText('t').toString()).toBe('Lokalt');
    expect(local.hadContent).toBe(true);
    expect(local.storedEpoch).toBe(3);
    expect(local.staleText).toEqual({ text: 'Reddet tekst', compared: true, at: 5 });
    await local.setStaleText(null);
    await local.close();
    const again = await load(name);
    expect(again.local.staleText).toBeNull();
  });

  it('restores the unconfirmed changes into a new tracker after a reload', async () => {
    const name = freshName();
    {
      const { doc, local } = await load(name);
      const tracker = new SaveTracker();
      // Typed offline: three additions and a deletion, none confirmed.
      const text = doc.getText('t');
      for (const word of ['En ', 'to ', 'tre']) {
        const before = doc.store.clients.get(doc.clientID)?.length ? Y.getState(doc.store, doc.clientID) : 0;
        text.insert(text.length, word);
        tracker.localChange(
          { client: doc.clientID, clock: Y.getState(doc.store, doc.clientID), addedContent: Y.getState(doc.store, doc.clientID) > before },
          false,
        );
      }
      text.delete(0, 3);
      tracker.localChange({ client: doc.clientID, clock: Y.getState(doc.store, doc.clientID), addedContent: false }, false);
      local.saveSyncState(tracker.saved(), new Set([doc.clientID]));
      await local.close();
    }
    const { doc, local } = await load(name);
    const tracker = new SaveTracker();
    tracker.restore(restoreFromLocalCopy(stateVectorOf(doc), local.storedSyncState));
    expect(tracker.pending).toBe(4);
    expect(tracker.status()).toEqual({ kind: 'connecting', pending: 4 });
  });

  it('merges the sync state of two tabs on one copy instead of overwriting it', async () => {
    const name = freshName();
    const a = await load(name);
    const b = await load(name);
    a.local.saveSyncState({ pending: [{ client: 1, clock: 5, addedContent: true }], confirmed: new Map([[9, 4]]) }, new Set([1]));
    await a.local.flush();
    b.local.saveSyncState({ pending: [{ client: 2, clock: 3, addedContent: false }], confirmed: new Map([[9, 7]]) }, new Set([2]));
    await b.local.flush();
    await a.local.close();
    await b.local.close();
    const { local } = await load(name);
    expect(local.storedSyncState?.pending).toEqual([
      { client: 1, clock: 5, addedContent: true },
      { client: 2, clock: 3, addedContent: false },
    ]);
    expect(local.storedSyncState?.confirmed).toEqual(new Map([[9, 7]]));
  });
});

describe('LocalDocument: erasing', () => {
  it('deletes its database and resolves only once it is gone', async () => {
    const name = freshName();
    const { doc, local } = await load(name);
    doc.getText('t').insert(0, 'væk');
    expect(await databaseNames()).toContain(name);
    await local.erase();
    expect(await databaseNames()).not.toContain(name);
    const again = await load(name);
    expect(again.local.hadContent).toBe(false);
  });

  it('lets go when another tab deletes the database, so the deletion is not blocked', async () => {
    const name = freshName();
    const { local } = await load(name);
    let closed = false;
    local.onClose(() => (closed = true));
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('delete failed'));
    });
    expect(closed).toBe(true);
    expect(local.closed).toBe(true);
    expect(await databaseNames()).not.toContain(name);
  });
});
