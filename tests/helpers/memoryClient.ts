/**
 * A y-websocket-like client over a MemorySocket, speaking the protocol the way the stock
 * WebsocketProvider does (step 1 on open, step 2 on request, every local update as it happens),
 * for unit tests of the sync core without ports.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '../../lib/protocol';
import type { Access } from '../../lib/auth/syncToken';
import type { SyncActor } from '../../lib/auth/authorizeSync';
import type { RoomRegistry } from '../../server/sync/RoomRegistry';
import type { Connection } from '../../server/sync/Connection';
import { MemorySocket } from './memorySocket';

export interface MemoryClientOptions {
  readonly access?: Access;
  readonly name?: string;
  readonly ack?: boolean;
  /** Do not send sync step 1 on open (raw-protocol tests). */
  readonly silent?: boolean;
  /** The epoch the client names (`?epoch=`); none by default. */
  readonly epoch?: number;
  /** Who the server authorized (a session, a token); a bare test actor by default. */
  readonly actor?: SyncActor;
}

let lastActor = 0;

export class MemoryClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly socket = new MemorySocket();
  readonly connection: Connection;
  /** Decoded `saved` acks: client → clock. */
  readonly acks: Array<Map<number, number>> = [];
  /** Message types received, in order. */
  readonly receivedTypes: number[] = [];
  synced = false;

  constructor(registry: RoomRegistry, documentId: string, options: MemoryClientOptions = {}) {
    const id = `p_test_${++lastActor}`;
    this.awareness.setLocalState(null);
    this.socket.onServerFrame = (frame) => this.handle(frame);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === this) return;
        const changed = added.concat(updated, removed);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.awareness);
        encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
        this.send(encoding.toUint8Array(encoder));
      },
    );
    this.connection = registry.connect(this.socket, {
      documentId,
      actor: options.actor ?? { id, name: options.name ?? id, color: '#1d6fb8' },
      access: options.access ?? 'edit',
      ack: options.ack ?? false,
      ...(options.epoch !== undefined && { epoch: options.epoch }),
    });
    if (!options.silent) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
    }
  }

  get text(): string {
    return this.doc.getText('t').toString();
  }

  /** Sends a raw frame, as a hostile client would. */
  send(frame: Uint8Array): void {
    this.socket.deliver(frame);
  }

  close(): void {
    this.socket.hangUp();
    this.awareness.destroy();
  }

  private handle(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    this.receivedTypes.push(type);
    if (type === MessageType.sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (step === syncProtocol.messageYjsSyncStep2) this.synced = true;
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
    } else if (type === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    } else if (type === MessageType.saved) {
      this.acks.push(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
    }
  }
}
