/**
 * Feeds a SaveTracker from a Y.Doc and a y-websocket provider: local transactions, the server's
 * `saved` acknowledgements (a Samskriv extension, opted into with `?ack=1`), connection and sync
 * events, and final closes. Returns a function that detaches everything.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../protocol.js';
import type { SaveTracker } from './SaveTracker.js';

/** The part of WebsocketProvider this needs (a fake in unit tests). */
export type TrackedProvider = Pick<WebsocketProvider, 'messageHandlers' | 'on' | 'off' | 'synced' | 'wsconnected'>;

export function attachSaveTracker(doc: Y.Doc, provider: TrackedProvider, tracker: SaveTracker): () => void {
  const onTransaction = (transaction: Y.Transaction) => {
    if (!transaction.local) return;
    const client = doc.clientID;
    const before = transaction.beforeState.get(client) ?? 0;
    const after = transaction.afterState.get(client) ?? 0;
    const deleted = transaction.deleteSet.clients.size > 0;
    if (after === before && !deleted) return; // e.g. a transaction that only read or set nothing
    tracker.localChange({ client, clock: after, addedContent: after > before });
  };
  doc.on('afterTransaction', onTransaction);

  const handlers = provider.messageHandlers;
  const previous = handlers[MessageType.saved];
  handlers[MessageType.saved] = (_encoder, decoder) => {
    tracker.acknowledge(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
  };

  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => tracker.connectionChanged(status);
  const onSync = (synced: boolean) => tracker.syncedChanged(synced);
  const onClosed = ({ code, reason }: { code: number; reason: string }) => tracker.closed(code, reason);
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('closed', onClosed);
  if (provider.wsconnected) tracker.connectionChanged('connected');
  if (provider.synced) tracker.syncedChanged(true);

  return () => {
    doc.off('afterTransaction', onTransaction);
    if (previous) handlers[MessageType.saved] = previous;
    else delete handlers[MessageType.saved];
    provider.off('status', onStatus);
    provider.off('sync', onSync);
    provider.off('closed', onClosed);
  };
}
