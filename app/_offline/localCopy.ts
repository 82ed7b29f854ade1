/**
 * A document's local copy (lib/offline/localDocument.ts: its Y.Doc in IndexedDB under
 * `documentDbName(personKey, id)`, with the epoch of its history) filled or emptied without
 * opening the editor: "Gem til offline brug" syncs it with the server and closes it; removing it
 * first makes sure the server holds everything in it. Epochs as in the editor: a copy of another
 * history (the server reset it) is never connected and never deleted here; opening the document
 * shows the person its text to copy (CollaborationHolder). Browser only.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { browserTokenPath } from '../../lib/auth/browserToken';
import { holdsEverything } from '../../lib/offline/holdsEverything';
import { LocalDocument, LocalDocumentUnavailable } from '../../lib/offline/localDocument';
import { decideLocalCopy, epochForConnect } from '../../lib/offline/localDocumentEpoch';
import { documentDbName, type PersonKey } from '../../lib/offline/localNames';
import { Close, EPOCH_QUERY_PARAM } from '../../lib/protocol';
import { connectWithFreshTokens, fetchBrowserToken } from '../_editor/connectWithFreshTokens';
import { syncServerUrl } from '../_editor/syncServerUrl';

export type LocalCopyFailure = 'unreachable' | 'refused' | 'unsaved' | 'stale' | 'unavailable';

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

/**
 * Connects `doc` to the server (fresh browser tokens, no presence) until its first full sync, then
 * disconnects. With `local`, the connection names the copy's epoch (recorded before any content
 * can arrive, as the editor does); a copy of another history is refused before connecting.
 */
async function syncOnce(documentId: string, doc: Y.Doc, local: LocalDocument | null): Promise<void> {
  let pinned: number | null = null;
  if (local) {
    const decision = decideLocalCopy({ storedEpoch: local.storedEpoch, pageEpoch: null, hasContent: local.hadContent });
    if (decision.kind === 'stale') throw new LocalCopyError('stale', `the local copy of ${documentId} belongs to another history`);
    if (decision.kind === 'local') pinned = decision.epoch;
  }
  const provider = new WebsocketProvider(syncServerUrl(), documentId, doc, { connect: false, disableBc: true });
  // Fetching ahead is not being there: no presence for the others.
  provider.awareness.setLocalState(null);
  let fail: (error: LocalCopyError) => void = () => undefined;
  const stop = connectWithFreshTokens(provider, () => fetchBrowserToken(browserTokenPath(documentId)), {
    beforeConnect: (result) => {
      const epoch = local ? epochForConnect(pinned, result.epoch ?? null) : null;
      if (epoch === 'stale') {
        fail(new LocalCopyError('stale', `the history of ${documentId} was reset since the local copy was made`));
        return false;
      }
      if (epoch !== null) {
        provider.params = { ...provider.params, [EPOCH_QUERY_PARAM]: String(epoch) };
        if (local && local.storedEpoch !== epoch && !local.hadContent) void local.setEpoch(epoch);
      }
      return true;
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          finish(() => reject(new LocalCopyError('unreachable', `no sync with the server for ${documentId} within ${SYNC_TIMEOUT_MS} ms`))),
        SYNC_TIMEOUT_MS,
      );
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        provider.off('sync', onSync);
        provider.off('closed', onClosed);
        outcome();
      };
      const onSync = (synced: boolean) => synced && finish(resolve);
      const onClosed = ({ code, reason }: { code: number; reason: string }) =>
        finish(() =>
          reject(
            new LocalCopyError(code === Close.staleEpoch.code ? 'stale' : 'refused', `the server refused ${documentId}: ${code} ${reason}`),
          ),
        );
      fail = (error) => finish(() => reject(error));
      provider.on('sync', onSync);
      provider.on('closed', onClosed);
    });
  } finally {
    stop();
    provider.destroy();
  }
}

async function openLocalCopy(personKey: PersonKey, documentId: string): Promise<{ local: LocalDocument; doc: Y.Doc }> {
  const doc = new Y.Doc();
  try {
    return { local: await LocalDocument.open(documentDbName(personKey, documentId), doc), doc };
  } catch (error) {
    doc.destroy();
    throw new LocalCopyError('unavailable', error instanceof LocalDocumentUnavailable ? error.message : String(error));
  }
}

/** Fills (or brings up to date) the local copy from the server. */
export async function syncLocalCopy(personKey: PersonKey, documentId: string): Promise<void> {
  const { local, doc } = await openLocalCopy(personKey, documentId);
  try {
    await syncOnce(documentId, doc, local);
    // One record with the whole state (resolves once written).
    await local.compact();
  } finally {
    await local.close();
    doc.destroy();
  }
}

const VERIFY_ATTEMPTS = 5;

/**
 * Deletes the local copy, but only once the server holds everything in it: the copy is synced
 * (which sends what the server lacks), then a fresh connection reads the server's copy (the server
 * serves only what it stored durably) and compares. Throws `unsaved` if it never does, `stale`
 * for a copy of another history (its text is shown when the document is opened).
 */
export async function removeLocalCopy(personKey: PersonKey, documentId: string): Promise<void> {
  const { local, doc } = await openLocalCopy(personKey, documentId);
  try {
    if (local.hadContent) await verifyOnServer(documentId, local, doc);
    await local.erase();
  } finally {
    await local.close();
    doc.destroy();
  }
}

async function verifyOnServer(documentId: string, local: LocalDocument, doc: Y.Doc): Promise<void> {
  await syncOnce(documentId, doc, local);
  for (let attempt = 1; ; attempt++) {
    const server = new Y.Doc();
    try {
      await syncOnce(documentId, server, null);
      if (holdsEverything(server, doc)) return;
    } finally {
      server.destroy();
    }
    if (attempt === VERIFY_ATTEMPTS) throw new LocalCopyError('unsaved', `the server does not hold all of ${documentId} yet`);
    await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
  }
}
