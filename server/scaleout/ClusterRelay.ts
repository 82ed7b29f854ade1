/**
 * One node's side of the cluster: follows the update stream of every document it holds a room
 * for (from where the stream ended before the room read the store, so nothing in between is
 * missed), relays other nodes' presence and comment revisions to its own clients, publishes its
 * own, and hands access changes from other nodes to the sync server's re-check.
 * Updates from the bus are applied to the room and relayed, never stored again: the node that
 * received them from a client stored them before publishing.
 *
 * With a relay ledger (PostgreSQL), what this node publishes is marked published, and every
 * `sweepIntervalMs` the node publishes what some node stored and nobody published for
 * `staleAfterMs` (its node died between storing and publishing, or could not reach Redis),
 * applying it to its own room as well: the bus never hands a node what it published itself.
 */
import * as Y from 'yjs';
import type { ClusterAccessChange, ClusterBus, DocumentNotice, StreamPosition } from '../../lib/sync/ClusterBus';
import { STREAM_START } from '../../lib/sync/ClusterBus';
import type { DocumentStore } from '../../lib/storage/DocumentStore';
import type { RelayLedger, UnrelayedUpdate } from '../../lib/sync/RelayLedger';
import type { ClusterRoom, RoomCluster } from '../sync/RoomCluster';
import type { SyncLogger } from '../sync/SyncLogger';
import { encodeAwareness } from '../sync/encodeMessage';
import { RemotePresence, type RemotePresenceLimits } from './RemotePresence';

export interface ClusterRelayDeps {
  readonly bus: ClusterBus;
  /** The shared store: read again when this node fell too far behind a document's stream. */
  readonly store: Pick<DocumentStore, 'load'>;
  readonly logger: SyncLogger;
  readonly presence: RemotePresenceLimits;
  /** Tells this node's connections of the document that its comments are at `revision`. */
  deliverCommentsChanged(documentId: string, revision: number): void;
  /** Re-checks this node's connections affected by an access change made on another node. */
  applyAccessChange(change: ClusterAccessChange): void;
  /** The shared store's record of updates not yet published (absent: nothing is swept). */
  readonly ledger?: RelayLedger;
  /** How long an update may wait to be published by its own node before others do it (default 15 s). */
  readonly staleAfterMs?: number;
  /** How often the ledger is swept (default a third of staleAfterMs). */
  readonly sweepIntervalMs?: number;
}

/** Updates published per sweep transaction (the sweep repeats while it finds a full batch). */
const SWEEP_BATCH = 200;
export const DEFAULT_STALE_AFTER_MS = 15_000;

interface Held {
  readonly documentId: string;
  /** Where to follow the stream from once the room is loaded. */
  position: StreamPosition;
  readonly room: ClusterRoom;
  /** Set once the room is loaded: until then it has nothing to apply updates to. */
  following: boolean;
  unfollow: (() => void) | null;
  readonly stopNotices: () => void;
  readonly presence: RemotePresence;
  /** A reload from the store after a stream gap, while it runs (another gap meanwhile waits for it). */
  reloading: Promise<void> | null;
}

export class ClusterRelay implements RoomCluster {
  private readonly held = new Map<string, Held>();
  private readonly stopAccess: () => void;
  private readonly sweepTimer: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;
  private readonly staleAfterMs: number;

  constructor(private readonly deps: ClusterRelayDeps) {
    this.stopAccess = deps.bus.onAccessChange((change) => deps.applyAccessChange(change));
    this.staleAfterMs = deps.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    if (deps.ledger) {
      const interval = deps.sweepIntervalMs ?? Math.ceil(this.staleAfterMs / 3);
      this.sweepTimer = setInterval(() => void this.sweep(), interval).unref();
    }
  }

  /**
   * Publishes what the ledger says waited too long, applying it here too; resolves with how many.
   * One sweep at a time: a call during one waits for it.
   */
  sweep(): Promise<number> {
    const ledger = this.deps.ledger;
    if (!ledger) return Promise.resolve(0);
    this.sweeping ??= (async () => {
      let total = 0;
      try {
        for (;;) {
          const published = await ledger.publishStale(this.staleAfterMs, SWEEP_BATCH, (updates) => this.publishOrphans(updates));
          total += published;
          if (published < SWEEP_BATCH) break;
        }
        if (total > 0) this.deps.logger.warn({ updates: total }, 'published stored updates their own node never published');
      } catch (error) {
        this.deps.logger.error({ err: error }, 'could not publish stored updates left unpublished; trying again at the next sweep');
      } finally {
        this.sweeping = null;
      }
      return total;
    })();
    return this.sweeping;
  }

  async opening(room: ClusterRoom): Promise<void> {
    const documentId = room.id;
    this.release(documentId);
    const held: Held = {
      documentId,
      position: STREAM_START,
      room,
      following: false,
      unfollow: null,
      stopNotices: this.deps.bus.onNotice(documentId, (notice) => this.notice(held, notice)),
      presence: new RemotePresence(this.deps.presence),
      reloading: null,
    };
    this.held.set(documentId, held);
    try {
      held.position = await this.deps.bus.streamEnd(documentId);
    } catch (error) {
      // From the start instead: what the stream still has is applied again (harmless), and if
      // it dropped entries the first read finds the gap and the room reloads from the store.
      this.deps.logger.warn({ doc: documentId, err: error }, 'could not read where the update stream ends; following it from its start');
    }
  }

  opened(room: ClusterRoom): void {
    const held = this.held.get(room.id);
    if (!held || held.room !== room || held.following) return;
    held.following = true;
    held.unfollow = this.deps.bus.follow(room.id, held.position, {
      updates: (updates) => room.applyRemote(updates),
      gap: () => this.reload(held),
    });
  }

  closed(room: ClusterRoom): void {
    const held = this.held.get(room.id);
    if (held?.room === room) this.release(room.id);
  }

  async published(documentId: string, update: Uint8Array): Promise<void> {
    try {
      await this.deps.bus.publishUpdate(documentId, update);
      this.deps.ledger?.relayed(documentId, update);
    } catch (error) {
      // Stored, so not lost: the ledger's sweep publishes it later (on this node or another).
      this.deps.logger.error({ doc: documentId, err: error }, 'could not publish a stored update to the other nodes');
    }
  }

  presenceChanged(documentId: string, update: Uint8Array): void {
    this.deps.bus.publishNotice(documentId, { kind: 'presence', update });
  }

  remotePresence(documentId: string): Uint8Array | null {
    return this.held.get(documentId)?.presence.encodeAll() ?? null;
  }

  /** After this node told its own connections: the other nodes tell theirs. */
  publishCommentsChanged(documentId: string, revision: number): void {
    this.deps.bus.publishNotice(documentId, { kind: 'commentsChanged', revision });
  }

  /** After this node re-checked its own connections: the other nodes re-check theirs. */
  publishAccessChange(change: ClusterAccessChange): void {
    this.deps.bus.publishAccessChange(change);
  }

  /** Stops following and listening; the bus itself is closed by whoever made it. */
  close(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.stopAccess();
    for (const documentId of [...this.held.keys()]) this.release(documentId);
  }

  /** Updates another node stored and never published: to the other nodes, and to this node's room. */
  private async publishOrphans(updates: readonly UnrelayedUpdate[]): Promise<void> {
    for (const { documentId, update } of updates) {
      await this.deps.bus.publishUpdate(documentId, update);
      const held = this.held.get(documentId);
      if (held?.following) held.room.applyRemote([update]);
    }
  }

  private notice(held: Held, notice: DocumentNotice): void {
    if (notice.kind === 'commentsChanged') return this.deps.deliverCommentsChanged(held.documentId, notice.revision);
    if (!held.presence.apply(notice.update)) {
      this.deps.logger.warn({ doc: held.documentId }, 'malformed presence from another node; ignored');
      return;
    }
    if (held.following) held.room.relayRemotePresence(encodeAwareness(notice.update));
  }

  /** The stream dropped entries this node had not read: apply the whole stored document (Yjs skips what it has). */
  private reload(held: Held): void {
    if (held.reloading) {
      void held.reloading.then(() => this.reload(held));
      return;
    }
    held.reloading = (async () => {
      try {
        const stored = await this.deps.store.load(held.documentId);
        if (this.held.get(held.documentId) !== held || !stored || stored.length === 0) return;
        held.room.applyRemote([stored.length === 1 ? (stored[0] as Uint8Array) : Y.mergeUpdates(stored)]);
      } catch (error) {
        this.deps.logger.error({ doc: held.documentId, err: error }, 'could not reload a document after a stream gap');
      } finally {
        held.reloading = null;
      }
    })();
  }

  private release(documentId: string): void {
    const held = this.held.get(documentId);
    if (!held) return;
    this.held.delete(documentId);
    held.unfollow?.();
    held.stopNotices();
  }
}
