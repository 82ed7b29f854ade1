/**
 * One authorized socket: who it is, what it may do, and the frames it sent before its room was
 * ready (loading or unloading), which are replayed in order once it is.
 */
import type { Access } from '../../lib/auth/syncToken';
import type { SyncActor } from '../../lib/auth/authorizeSync';
import { Close, type CloseReason } from '../../lib/protocol';
import type { SyncSocket } from './SyncSocket';

export interface ConnectionInfo {
  readonly documentId: string;
  readonly actor: SyncActor;
  readonly access: Access;
  /** Opted into `MessageType.saved` acks (`?ack=1`). */
  readonly ack: boolean;
  /**
   * The epoch the client's copy belongs to (`?epoch=N`, opt-in). A connection that names one
   * other than the document's is closed with Close.staleEpoch before any sync message.
   */
  readonly epoch?: number;
  /** The client's IP address, for per-address limits (full syncs); absent in tests without sockets. */
  readonly ip?: string;
}

/** Where a connection's frames go once it has joined a room. */
export interface ConnectionSink {
  receive(connection: Connection, data: Uint8Array): void;
  leave(connection: Connection): void;
}

let lastId = 0;

export class Connection {
  /** For logs: says which connection without saying who. */
  readonly id = ++lastId;
  readonly readOnly: boolean;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessClients = new Set<number>();
  /** Body updates dropped because the connection is read-only. */
  droppedUpdates = 0;
  closed = false;
  private sink: ConnectionSink | null = null;
  private backlog: Uint8Array[] = [];
  private backlogBytes = 0;

  constructor(
    private readonly socket: SyncSocket,
    readonly info: ConnectionInfo,
    private readonly options: { maxBacklogBytes: number; onGone(connection: Connection): void },
  ) {
    this.readOnly = info.access !== 'edit';
    socket.onMessage((data) => this.receive(data));
    socket.onClose(() => this.gone());
  }

  send(data: Uint8Array): void {
    if (this.closed) return;
    try {
      this.socket.send(data);
    } catch {
      this.close(Close.internalError);
    }
  }

  cork(): void {
    this.socket.cork?.();
  }

  uncork(): void {
    this.socket.uncork?.();
  }

  close(reason: CloseReason): void {
    if (this.closed) return;
    try {
      this.socket.close(reason.code, reason.reason);
    } finally {
      this.gone();
    }
  }

  /**
   * Hands the connection to its room (which then hears of its close), runs `greet` (the room's
   * first frames), and replays in order what the client sent while it waited.
   */
  attach(sink: ConnectionSink, greet: () => void): void {
    this.sink = sink;
    greet();
    const backlog = this.backlog;
    this.backlog = [];
    this.backlogBytes = 0;
    for (const data of backlog) {
      if (this.closed) return;
      sink.receive(this, data);
    }
  }

  private receive(data: Uint8Array): void {
    if (this.closed) return;
    if (this.sink) return this.sink.receive(this, data);
    this.backlogBytes += data.byteLength;
    // A client sends little before its first sync; a flood while the room loads is not a client.
    if (this.backlogBytes > this.options.maxBacklogBytes) return this.close(Close.tooLarge);
    this.backlog.push(data);
  }

  private gone(): void {
    if (this.closed) return;
    this.closed = true;
    this.backlog = [];
    this.sink?.leave(this);
    this.options.onGone(this);
  }
}
