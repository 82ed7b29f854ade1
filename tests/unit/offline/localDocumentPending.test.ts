import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalDocument } from '../../../lib/offline/localDocument';
import { pendingLocalChanges } from '../../../lib/offline/localDocumentPending';
import { documentDbName } from '../../../lib/offline/localNames';

async function copyWith(personKey: string, documentId: string, pending: number): Promise<void> {
  const doc = new Y.Doc();
  const local = await LocalDocument.open(documentDbName(personKey, documentId), doc);
  await local.loadCompaction;
  const changes = Array.from({ length: pending }, (_, i) => ({ client: doc.clientID, clock: i + 1, addedContent: true }));
  local.saveSyncState({ pending: changes, confirmed: new Map() }, new Set([doc.clientID]));
  await local.close();
}

describe('pendingLocalChanges', () => {
  it('sums the unconfirmed changes of one person’s copies and ignores everyone else’s', async () => {
    await copyWith('p_anna', 'a1', 3);
    await copyWith('p_anna', 'a2', 0);
    await copyWith('p_anna', 'a3', 2);
    await copyWith('p_bent', 'b1', 7);
    const found = await pendingLocalChanges('p_anna');
    expect(found).toEqual([
      { name: documentDbName('p_anna', 'a1'), pending: 3 },
      { name: documentDbName('p_anna', 'a3'), pending: 2 },
    ]);
    expect(await pendingLocalChanges('p_carl')).toEqual([]);
  });

  it('creates no database while looking', async () => {
    const before = (await indexedDB.databases()).length;
    await pendingLocalChanges('p_ingen');
    expect((await indexedDB.databases()).length).toBe(before);
  });
});
