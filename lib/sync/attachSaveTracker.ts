/**
 * Feeds a SaveTracker from a Y.Doc and a y-websocket provider: which changes went out in which
 * message, the server's `saved` acknowledgements (a Samskriv extension, opted into with
 * `?ack=1`), connection and sync events, and final closes. Returns a function that detaches.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType, SyncStep } from '../protocol';
import type { SaveTracker } from './SaveTracker';

/** The part of WebsocketProvider this needs (a fake in unit tests). */
export type TrackedProvider = Pick<WebsocketProvider, 'messageHandlers' | 'on' | 'off' | 'synced' | 'wsconnected' | 'ws'>;

const OPEN = 1; // WebSocket.OPEN, without relying on a global WebSocket

/** The state vector of a sync step 1 (read from a copy of the decoder); undefined for other sync messages or a malformed one. */
function peekStep1StateVector(decoder: decoding.Decoder): Map<number, number> | undefined {
  try {
    const copy = decoding.clone(decoder);
    if (decoding.readVarUint(copy) !== SyncStep.step1) return undefined;
    return Y.decodeStateVector(decoding.readVarUint8Array(copy));
  } catch {
    return undefined;
  }
}

/** The clock each client's structs in an update reach (its end), read without applying it. */
function reachedClocks(update: Uint8Array): Map<number, number> {
  try {
    return Y.parseUpdateMeta(update).to;
  } catch {
    return new Map();
  }
}

export function attachSaveTracker(doc: Y.Doc, provider: TrackedProvider, tracker: SaveTracker): () => void {
  // Mirrors y-websocket's broadcastMessage: an update goes out only on an open, connected socket.
  const socketOpen = () => provider.wsconnected && provider.ws !== null && provider.ws.readyState === OPEN;

  /** Set while a sync message from the server (not another tab) is being applied. */
  let fromServer = false;
  const onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    // The provider re-sends every update except the ones it applied itself (from the server or other tabs).
    if (origin === provider) {
      if (fromServer) tracker.remoteContent(reachedClocks(update));
      return;
    }
    const sent = socketOpen();
    if (!transaction.local) {
      if (sent) tracker.updateSent();
      return;
    }
    const client = doc.clientID;
    const before = transaction.beforeState.get(client) ?? 0;
    const after = transaction.afterState.get(client) ?? 0;
    tracker.localChange({ client, clock: after, addedContent: after > before }, sent);
  };
  doc.on('update', onUpdate);

  const handlers = provider.messageHandlers;
  const originalSync = handlers[MessageType.sync];
  const previousSaved = handlers[MessageType.saved];
  if (originalSync) {
    handlers[MessageType.sync] = (encoder, decoder, current, emitSynced, messageType) => {
      const serverStateVector = emitSynced ? peekStep1StateVector(decoder) : undefined;
      fromServer = emitSynced;
      try {
        originalSync(encoder, decoder, current, emitSynced, messageType);
      } finally {
        fromServer = false;
      }
      // Only the server's sync step 1 gets an answer (our step 2); emitSynced is false for BroadcastChannel messages.
      if (emitSynced && encoding.length(encoder) > 1) tracker.syncStep2Sent(serverStateVector);
    };
  }
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
    doc.off('update', onUpdate);
    if (originalSync) handlers[MessageType.sync] = originalSync;
    if (previousSaved) handlers[MessageType.saved] = previousSaved;
    else delete handlers[MessageType.saved];
    provider.off('status', onStatus);
    provider.off('sync', onSync);
    provider.off('closed', onClosed);
  };
}
