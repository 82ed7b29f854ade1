import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalDocument } from '../../../lib/offline/localDocument';
import { changesWaiting, pendingLocalChanges } from '../../../lib/offline/localDocumentPending';
import { documentDbName } from '../../../lib/offline/localNames';

/** A copy with `pending` unconfirmed Yjs updates from each of `sessions` editing sessions (clients). */
async function copyWith(personKey: string, documentId: string, pending: number, sessions = 1): Promise<void> {
  const doc = new Y.Doc();
  const local = await LocalDocument.open(documentDbName(personKey, documentId), doc);
  await local.loadCompaction;
  const changes = Array.from({ length: sessions }, (_, s) =>
    Array.from({ length: pending }, (_, i) => ({ client: doc.clientID + s, clock: i + 1, addedContent: true })),
  ).flat();
  local.saveSyncState({ pending: changes, confirmed: new Map() }, new Set([doc.clientID]));
  await local.close();
}

describe('pendingLocalChanges', () => {
  it('counts the unconfirmed changes of one person’s copies as editing sessions, not keystrokes, and ignores everyone else’s', async () => {
    await copyWith('p_anna', 'a1', 27);
    await copyWith('p_anna', 'a2', 0);
    await copyWith('p_anna', 'a3', 2, 2);
    await copyWith('p_bent', 'b1', 7);
    const found = await pendingLocalChanges('p_anna');
    expect(found).toEqual([
      { name: documentDbName('p_anna', 'a1'), pending: 1 },
      { name: documentDbName('p_anna', 'a3'), pending: 2 },
    ]);
    expect(await pendingLocalChanges('p_carl')).toEqual([]);
  });

  it('counts one change per editing session with work waiting', () => {
    const change = (client: number, clock: number, addedContent = true) => ({ client, clock, addedContent });
    expect(changesWaiting([])).toBe(0);
    expect(changesWaiting([change(1, 1), change(1, 2), change(1, 2, false), change(1, 9)])).toBe(1);
    expect(changesWaiting([change(1, 1), change(2, 4, false)])).toBe(2);
  });

  it('creates no database while looking', async () => {
    const before = (await indexedDB.databases()).length;
    await pendingLocalChanges('p_ingen');
    expect((await indexedDB.databases()).length).toBe(before);
  });
});
