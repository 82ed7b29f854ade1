/**
 * How many document changes a person has in this browser that the server has not confirmed, summed
 * over their local copies (the sync state each copy keeps, see localDocumentSyncState.ts). Asked
 * before signing out, which deletes the copies. Reads only databases that exist (never creates one).
 *
 * Counted as a person would: the sync state lists Yjs updates (a keystroke each, "27 changes" for
 * one phrase); a change here is one editing session (one page load's Yjs client) with work waiting.
 */
import type { LocalChange } from '../sync/SaveTracker';
import { decodeSyncState, SYNC_STATE_KEY } from './localDocumentSyncState';

/** The waiting changes as a person counts them: one per editing session (Yjs client) with any. */
export function changesWaiting(pending: readonly LocalChange[]): number {
  return new Set(pending.map((change) => change.client)).size;
}
import { personPrefix, type PersonKey } from './localNames';

export interface PendingDocument {
  /** The database (documentDbName). */
  readonly name: string;
  readonly pending: number;
}

/** The person's local copies with unconfirmed changes (none when the browser cannot list databases). */
export async function pendingLocalChanges(personKey: PersonKey, factory: IDBFactory = indexedDB): Promise<PendingDocument[]> {
  if (typeof factory.databases !== 'function') return [];
  const prefix = `${personPrefix(personKey)}doc:`;
  const names = (await factory.databases()).map((info) => info.name).filter((name): name is string => !!name?.startsWith(prefix));
  const found: PendingDocument[] = [];
  for (const name of names) {
    const pending = await pendingIn(factory, name).catch(() => 0);
    if (pending > 0) found.push({ name, pending });
  }
  return found;
}

function pendingIn(factory: IDBFactory, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = factory.open(name);
    // It vanished since it was listed: opening without a version would create it empty. Abort that.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => reject(open.error ?? new Error(`could not open ${name}`));
    open.onblocked = () => reject(new Error(`opening ${name} is blocked`));
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      if (!db.objectStoreNames.contains('custom')) {
        db.close();
        return resolve(0);
      }
      const read = db.transaction(['custom'], 'readonly').objectStore('custom').get(SYNC_STATE_KEY);
      read.onsuccess = () => {
        db.close();
        resolve(changesWaiting(decodeSyncState(read.result)?.pending ?? []));
      };
      read.onerror = () => {
        db.close();
        reject(read.error ?? new Error(`could not read ${name}`));
      };
    };
  });
}
