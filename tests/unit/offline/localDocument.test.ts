/**
 * The local copy over the real y-indexeddb on fake-indexeddb: the epoch, sync state and rescued
 * text survive a reload, two tabs merge their sync state, and erasing (or another tab deleting)
 * really removes the database. Compaction over 100 loads: localDocument.slow.test.ts.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalDocument, stateVectorOf } from '../../../lib/offline/localDocument';
import { documentDbName } from '../../../lib/offline/localNames';
import { restoreFromLocalCopy } from '../../../lib/offline/localDocumentSyncState';
import { SaveTracker } from '../../../lib/sync/SaveTracker';

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
