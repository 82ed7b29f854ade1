/**
 * Loads rooms on first connect and unloads them when idle. A connection that arrives while its
 * room is unloading waits until the unload has flushed and closed, then gets a fresh room loaded
 * from the store: two Y.Docs never exist for one document at once.
 */
import type { AuthorKey } from '../../lib/authorship/model';
import { AuthorshipTable } from '../../lib/authorship/AuthorshipTable';
import { Close, type CloseReason } from '../../lib/protocol';
import { DocumentStorageError } from '../../lib/storage/DocumentStorageError';
import type { SyncSocket } from './SyncSocket';
import { Connection, type ConnectionInfo } from './Connection';
import { Room, type RoomDeps } from './Room';

export interface RoomRegistryOptions extends RoomDeps {
  /** How long a room without connections stays in memory. */
  readonly idleUnloadMs: number;
  /** What a connection may send before its room is ready; more closes it with 4413. */
  readonly maxBacklogBytes: number;
  /**
   * The document's current epoch (read when its room loads). Without it, connections that name
   * an epoch are not checked.
   */
  readonly epochOf?: (documentId: string) => Promise<number>;
}

export interface RegistryStats {
  readonly rooms: number;
  readonly connections: number;
  /** Persistence and send steps queued in all rooms. */
  readonly pendingSteps: number;
  /** Body updates dropped from read-only connections in the loaded rooms. */
  readonly droppedReadOnly: number;
}

interface Slot {
  readonly room: Room;
  readonly loaded: Promise<void>;
  /** The document's epoch when the room loaded; it only changes while the room is released (see whileReleased). */
  epoch: number | null;
  /** Resolves when the room is out of the registry (unloaded, failed to load, failed to write). */
  readonly gone: Promise<void>;
  markGone(): void;
  idleTimer?: NodeJS.Timeout;
  unloading?: Promise<void>;
}

export class RoomRegistry {
  private readonly slots = new Map<string, Slot>();
  private readonly connections = new Set<Connection>();
  private closing: Promise<void> | null = null;
  /** Documents whose body is released (being reset): their connections wait for the promise. */
  private readonly holds = new Map<string, Promise<unknown>>();

  constructor(private readonly options: RoomRegistryOptions) {}

  /** Takes an authorized socket; its frames are buffered until its room is ready. */
  connect(socket: SyncSocket, info: ConnectionInfo): Connection {
    const connection = new Connection(socket, info, {
      maxBacklogBytes: this.options.maxBacklogBytes,
      onGone: (gone) => this.connections.delete(gone),
    });
    this.connections.add(connection);
    void this.attach(connection);
    return connection;
  }

  /** The live connections that match (revocation looks them up by person or document). */
  connectionsWhere(predicate: (connection: Connection) => boolean): Connection[] {
    return [...this.connections].filter(predicate);
  }

  /** The loaded room for a document, if any (tests, stats). */
  room(documentId: string): Room | undefined {
    return this.slots.get(documentId)?.room;
  }

  stats(): RegistryStats {
    let pendingSteps = 0;
    let droppedReadOnly = 0;
    for (const { room } of this.slots.values()) {
      pendingSteps += room.pendingSteps;
      droppedReadOnly += room.droppedReadOnly;
    }
    return { rooms: this.slots.size, connections: this.connections.size, pendingSteps, droppedReadOnly };
  }

  /**
   * A document's current body as one update: from its room when it is loaded (edits not yet relayed
   * included), else by loading the room as a connection would (it unloads again when idle). Empty for
   * a document with nothing stored.
   */
  async readState(documentId: string): Promise<Uint8Array> {
    return this.withReadyRoom(documentId, (room) => room.currentState());
  }

  /**
   * Writes an update from the server itself into a document (Room.applyServerUpdate): into its room
   * when loaded, else by loading the room as readState does (it unloads again when idle, after the
   * write is flushed). Resolves once the update is durable.
   */
  async applyServerUpdate(documentId: string, update: Uint8Array, by?: AuthorKey): Promise<void> {
    return this.withReadyRoom(documentId, (room) => room.applyServerUpdate(update, by));
  }

  /**
   * The body and its attribution from the room (loading it as readState does). In a cluster the
   * room's table holds only what this node loaded and its own connections sent; other nodes stamped
   * theirs into the shared store, so the attribution is read from there (everything acknowledged).
   */
  async readAuthorship(documentId: string): Promise<{ readonly state: Uint8Array; readonly attribution: Uint8Array }> {
    const live = await this.withReadyRoom(documentId, (room) => room.authorshipState());
    const { cluster, store } = this.options;
    if (!cluster || !store.readAttribution) return live;
    return { state: live.state, attribution: AuthorshipTable.fromStored(await store.readAttribution(documentId)).encode() };
  }

  /**
   * Runs `act` on the document's room once it is ready, loading it as a connection would, in the same
   * step as the check (an await in between could let an idle unload begin). Waits for a room that is
   * loading or unloading, and for a reset in progress (never half-way, never loading it meanwhile).
   */
  private async withReadyRoom<T>(documentId: string, act: (room: Room) => T): Promise<Awaited<T>> {
    for (;;) {
      if (this.closing) throw new Error('the sync server is closing');
      const hold = this.holds.get(documentId);
      if (hold) {
        await hold.catch(() => undefined);
        continue;
      }
      const slot = this.slots.get(documentId) ?? this.open(documentId);
      if (slot.room.state === 'loading') {
        await slot.loaded;
        continue;
      }
      if (slot.room.state !== 'ready' || slot.unloading) {
        await slot.gone;
        continue;
      }
      return await act(slot.room);
    }
  }

  /** Sends `data` to the live connections of a document that match (notices such as commentsChanged). */
  sendTo(documentId: string, data: Uint8Array, predicate: (connection: Connection) => boolean = () => true): number {
    let sent = 0;
    for (const connection of this.connections) {
      if (connection.closed || connection.info.documentId !== documentId || !predicate(connection)) continue;
      connection.send(data);
      sent += 1;
    }
    return sent;
  }

  /** Unloads a room now if it has no connections (tests; the idle timer does it otherwise). */
  unloadIfIdle(documentId: string): Promise<void> {
    const slot = this.slots.get(documentId);
    return slot ? this.unload(slot) : Promise.resolve();
  }

  /** Closes every connection with 1001, then persists and unloads every room. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const connection of [...this.connections]) connection.close(Close.goingAway);
      await Promise.all(
        [...this.slots.values()].map(async (slot) => {
          await slot.loaded.catch(() => undefined);
          await this.unload(slot);
          await slot.gone;
        }),
      );
    })();
    return this.closing;
  }

  /**
   * Ends the document's connections with `close` (also those still waiting for their room),
   * unloads its room durably, runs `work` while new connections wait, then lets them in (they load
   * the document afresh, with its epoch as `work` left it). Calls for one document run in turn.
   */
  async whileReleased<T>(documentId: string, close: CloseReason, work: () => Promise<T>): Promise<T> {
    const previous = this.holds.get(documentId) ?? Promise.resolve();
    const held = previous
      .catch(() => undefined)
      .then(async () => {
        if (this.closing) throw new Error('the sync server is shutting down');
        for (const connection of this.connectionsWhere((c) => c.info.documentId === documentId)) connection.close(close);
        const slot = this.slots.get(documentId);
        if (slot) {
          await slot.loaded.catch(() => undefined);
          await this.unload(slot);
          await slot.gone;
        }
        return work();
      });
    this.holds.set(documentId, held);
    try {
      return await held;
    } finally {
      if (this.holds.get(documentId) === held) this.holds.delete(documentId);
    }
  }

  private async attach(connection: Connection): Promise<void> {
    const documentId = connection.info.documentId;
    for (;;) {
      if (connection.closed) return;
      if (this.closing) return connection.close(Close.goingAway);
      const hold = this.holds.get(documentId);
      if (hold) {
        await hold.catch(() => undefined);
        continue;
      }
      const slot = this.slots.get(documentId) ?? this.open(documentId);
      const { room } = slot;
      if (room.state === 'loading') {
        try {
          await slot.loaded;
        } catch (error) {
          return connection.close(error instanceof DocumentStorageError ? Close.storageFailed : Close.internalError);
        }
        continue;
      }
      if (room.state !== 'ready' || slot.unloading) {
        await slot.gone;
        continue;
      }
      // Before the room says anything: a copy with another epoch's history must not sync at all.
      const claimed = connection.info.epoch;
      if (claimed !== undefined && slot.epoch !== null && claimed !== slot.epoch) {
        this.options.logger.info(
          { doc: documentId, conn: connection.id, code: Close.staleEpoch.code, claimed, epoch: slot.epoch },
          'sync connection refused: stale epoch',
        );
        return connection.close(Close.staleEpoch);
      }
      if (slot.idleTimer) {
        clearTimeout(slot.idleTimer);
        slot.idleTimer = undefined;
      }
      room.join(connection);
      return;
    }
  }

  private open(documentId: string): Slot {
    let markGone!: () => void;
    const gone = new Promise<void>((resolve) => (markGone = resolve));
    const room: Room = new Room(documentId, this.options, {
      onEmpty: () => this.scheduleIdle(slot),
      onFailed: () => this.forget(slot),
    });
    const { epochOf, cluster } = this.options;
    // In a cluster, where the document's update stream ends is read BEFORE the store: everything
    // published up to there is in what the room loads, and the room follows the stream from there.
    const load = cluster ? cluster.opening(room).then(() => room.load()) : room.load();
    const slot: Slot = {
      room,
      epoch: null,
      loaded: Promise.all([load, epochOf?.(documentId)]).then(([, epoch]) => {
        slot.epoch = epoch ?? null;
        cluster?.opened(room);
      }),
      gone,
      markGone,
    };
    this.slots.set(documentId, slot);
    slot.loaded.then(
      () => this.scheduleIdle(slot),
      (error: unknown) => {
        // Logged here once; every connection waiting for this room is closed with 1011 by attach().
        this.options.logger.error({ doc: documentId, err: error }, 'could not load document');
        this.forget(slot);
      },
    );
    return slot;
  }

  private scheduleIdle(slot: Slot): void {
    if (this.closing || slot.idleTimer || slot.unloading) return;
    if (slot.room.state !== 'ready' || slot.room.connectionCount > 0) return;
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = undefined;
      void this.unload(slot);
    }, this.options.idleUnloadMs);
    slot.idleTimer.unref();
  }

  private unload(slot: Slot): Promise<void> {
    if (slot.unloading) return slot.unloading;
    if (slot.room.state !== 'ready' || slot.room.connectionCount > 0) return Promise.resolve();
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    slot.unloading = slot.room
      .unload()
      .catch((error: unknown) => this.options.logger.error({ doc: slot.room.id, err: error }, 'could not unload document cleanly'))
      .finally(() => this.forget(slot));
    return slot.unloading;
  }

  private forget(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    if (this.slots.get(slot.room.id) === slot) this.slots.delete(slot.room.id);
    this.options.cluster?.closed(slot.room);
    slot.room.destroy();
    slot.markGone();
  }
}
