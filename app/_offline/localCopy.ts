/**
 * A document's local copy (its Y.Doc in IndexedDB, `documentDbName(personKey, id)`) filled or
 * emptied without opening the editor: "Gem til offline brug" syncs it with the server and closes
 * it; removing it first makes sure the server holds everything in it. Browser only.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { browserTokenPath } from '../../lib/auth/browserToken';
import { holdsEverything } from '../../lib/offline/holdsEverything';
import { deleteDatabase } from '../../lib/offline/idb';
import { documentDbName, type PersonKey } from '../../lib/offline/localNames';
import { registerConnection } from '../../lib/offline/openConnections';
import { connectWithFreshTokens, fetchBrowserToken } from '../_editor/connectWithFreshTokens';
import { syncServerUrl } from '../_editor/syncServerUrl';

export type LocalCopyFailure = 'unreachable' | 'refused' | 'unsaved';

/** Why a local copy could not be filled or removed (the start page says it in words). */
export class LocalCopyError extends Error {
  override readonly name = 'LocalCopyError';
  constructor(
    readonly reason: LocalCopyFailure,
    message: string,
  ) {
    super(message);
  }
}

const SYNC_TIMEOUT_MS = 30_000;

/** Connects `doc` to the server (fresh browser tokens, no presence) until the first full sync; then disconnects. */
async function syncOnce(documentId: string, doc: Y.Doc, timeoutMs = SYNC_TIMEOUT_MS): Promise<void> {
  const provider = new WebsocketProvider(syncServerUrl(), documentId, doc, { connect: false, disableBc: true });
  // Fetching ahead is not being there: no presence for the others.
  provider.awareness.setLocalState(null);
  const stop = connectWithFreshTokens(provider, () => fetchBrowserToken(browserTokenPath(documentId)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new LocalCopyError('unreachable', `no sync with the server for ${documentId} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        provider.off('sync', onSync);
        provider.off('closed', onClosed);
        outcome();
      };
      const onSync = (synced: boolean) => synced && finish(resolve);
      const onClosed = ({ code, reason }: { code: number; reason: string }) =>
        finish(() => reject(new LocalCopyError('refused', `the server refused ${documentId}: ${code} ${reason}`)));
      provider.on('sync', onSync);
      provider.on('closed', onClosed);
    });
  } finally {
    stop();
    provider.destroy();
  }
}

/** Resolves once every write `db` has started is committed (a later read-write transaction over its stores runs after them). */
function writesCommitted(db: IDBDatabase): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction([...db.objectStoreNames], 'readwrite');
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

async function withLocalCopy<T>(personKey: PersonKey, documentId: string, work: (doc: Y.Doc) => Promise<T>): Promise<T> {
  const doc = new Y.Doc();
  const name = documentDbName(personKey, documentId);
  const persistence = new IndexeddbPersistence(name, doc);
  // Signing out (clearLocalData) closes it first, so the deletion is not held up.
  const unregister = registerConnection(name, () => persistence.destroy());
  try {
    await persistence.whenSynced;
    const result = await work(doc);
    // One record with the whole state instead of one per update (y-indexeddb appends on every open).
    await storeState(persistence, true);
    if (persistence.db) await writesCommitted(persistence.db);
    return result;
  } finally {
    unregister();
    await persistence.destroy();
    doc.destroy();
  }
}

/** Fills (or brings up to date) the local copy from the server. */
export function syncLocalCopy(personKey: PersonKey, documentId: string): Promise<void> {
  return withLocalCopy(personKey, documentId, (doc) => syncOnce(documentId, doc));
}

const VERIFY_ATTEMPTS = 5;

/**
 * Deletes the local copy, but only once the server holds everything in it: the copy is synced
 * (which sends what the server lacks), then a fresh connection reads the server's copy (which the
 * server serves only from durable storage) and compares. Throws `unsaved` if it never does.
 */
export async function removeLocalCopy(personKey: PersonKey, documentId: string, databaseExists: boolean): Promise<void> {
  if (databaseExists) {
    await withLocalCopy(personKey, documentId, async (local) => {
      await syncOnce(documentId, local);
      for (let attempt = 1; ; attempt++) {
        const server = new Y.Doc();
        try {
          await syncOnce(documentId, server);
          if (holdsEverything(server, local)) return;
        } finally {
          server.destroy();
        }
        if (attempt === VERIFY_ATTEMPTS) throw new LocalCopyError('unsaved', `the server does not hold all of ${documentId} yet`);
        await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      }
    });
  }
  await deleteDatabase(documentDbName(personKey, documentId));
}
