/**
 * Tells the truth about whether this browser's edits are durably stored on the server.
 *
 * The server acknowledges with `MessageType.saved` frames carrying the state vector it has
 * fsynced. A local change that added content (it advanced our client's clock to `clock`) is saved
 * once an acknowledged state vector has `ack[client] >= clock`. A change that only deleted
 * content leaves the clock where it was, so a state vector cannot prove it; such a change counts
 * as saved at the first acknowledgement that arrives after it was sent (the server stores each
 * connection's updates in order and acknowledges after storing). Changes made while disconnected
 * are sent when the connection has synced again.
 *
 * Pure: no Yjs, no sockets, no timers. The adapter feeds it events; `status()` derives the state.
 */
import type { SyncStatus } from './SyncStatus.js';

export interface LocalChange {
  /** The Yjs client id that made the change (usually `doc.clientID`). */
  readonly client: number;
  /** That client's clock after the change: `Y.encodeStateVector(doc)` entry for `client`. */
  readonly clock: number;
  /** Whether the change added content (advanced the clock); false for deletion-only changes. */
  readonly addedContent: boolean;
}

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

interface Pending {
  readonly client: number;
  readonly clock: number;
  readonly addedContent: boolean;
  /** Acknowledgements received before the change was sent; null while it is not sent yet. */
  sentAfterAcks: number | null;
}

export interface SaveTrackerOptions {
  readonly now?: () => number;
  readonly online?: boolean;
}

export class SaveTracker {
  private readonly now: () => number;
  private readonly acked = new Map<number, number>();
  private pendingChanges: Pending[] = [];
  private acks = 0;
  private isSynced = false;
  private everSynced = false;
  private isOnline: boolean;
  private savedAt: number | null = null;
  private closedWith: { code: number; reason: string } | null = null;
  private readonly listeners = new Set<() => void>();
  private snapshot: SyncStatus;

  constructor(options: SaveTrackerOptions = {}) {
    this.now = options.now ?? Date.now;
    this.isOnline = options.online ?? true;
    this.snapshot = this.derive();
  }

  /** Number of local changes not yet confirmed as durably stored. */
  get pending(): number {
    return this.pendingChanges.length;
  }

  /** A change made in this browser (a local Yjs transaction that changed the document). */
  localChange(change: LocalChange): void {
    // Sent right away when synced; otherwise it goes out with the sync step 2 of the next connection.
    this.pendingChanges.push({ ...change, sentAfterAcks: this.isSynced ? this.acks : null });
    this.emit();
  }

  /** A `saved` frame: the state vector the server has durably stored. */
  acknowledge(stateVector: ReadonlyMap<number, number>): void {
    for (const [client, clock] of stateVector) {
      if (clock > (this.acked.get(client) ?? 0)) this.acked.set(client, clock);
    }
    this.acks += 1;
    const before = this.pendingChanges.length;
    this.pendingChanges = this.pendingChanges.filter((change) => !this.isConfirmed(change));
    if (this.pendingChanges.length === 0 && (before > 0 || this.savedAt === null)) this.savedAt = this.now();
    this.emit();
  }

  connectionChanged(state: ConnectionState): void {
    if (state !== 'connected') this.isSynced = false;
    this.emit();
  }

  /** The provider finished (or lost) its sync handshake with the server. */
  syncedChanged(synced: boolean): void {
    this.isSynced = synced;
    if (synced) {
      this.everSynced = true;
      for (const change of this.pendingChanges) change.sentAfterAcks ??= this.acks;
      // Nothing of ours is waiting: everything we have is on the server.
      if (this.pendingChanges.length === 0) this.savedAt ??= this.now();
    } else {
      // A change sent on a connection that dropped before it was acknowledged is sent again.
      for (const change of this.pendingChanges) change.sentAfterAcks = null;
    }
    this.emit();
  }

  onlineChanged(online: boolean): void {
    this.isOnline = online;
    this.emit();
  }

  /** The server refused the connection for good (close codes 4400–4499). */
  closed(code: number, reason: string): void {
    this.closedWith = { code, reason };
    this.isSynced = false;
    this.emit();
  }

  /** The current status; the same object until something changes (for useSyncExternalStore). */
  status(): SyncStatus {
    return this.snapshot;
  }

  private derive(): SyncStatus {
    const pending = this.pendingChanges.length;
    if (this.closedWith) return { kind: 'closed', ...this.closedWith, pending };
    if (!this.isOnline) return { kind: 'offline', pending };
    if (!this.isSynced) return this.everSynced ? { kind: 'reconnecting', pending } : { kind: 'connecting' };
    if (pending > 0) return { kind: 'saving', pending };
    return { kind: 'saved', savedAt: this.savedAt };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private isConfirmed(change: Pending): boolean {
    if (change.addedContent) return (this.acked.get(change.client) ?? 0) >= change.clock;
    return change.sentAfterAcks !== null && this.acks > change.sentAfterAcks;
  }

  private emit(): void {
    const next = this.derive();
    if (!sameStatus(next, this.snapshot)) this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  const entriesA = Object.entries(a);
  return entriesA.length === Object.keys(b).length && entriesA.every(([key, value]) => (b as Record<string, unknown>)[key] === value);
}
