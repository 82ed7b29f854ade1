/**
 * Tells the truth about whether this browser's edits are durably stored on the server.
 *
 * The server acknowledges with `MessageType.saved` frames: it answers every sync step 2 and
 * update message of an `?ack=1` connection with exactly one such frame, in order, once what the
 * message brought is durable, carrying the clocks now stored for the clients in it
 * (server/sync/Room.ts). So:
 * - a change that added content (advanced its client's clock to `clock`) is saved once any
 *   acknowledgement has `ack[client] >= clock` (a fact about the server's store, whatever the
 *   connection);
 * - a change that only deleted leaves the clock where it was, so it is matched to its message:
 *   the k-th update-carrying message sent on a connection is answered by the k-th acknowledgement
 *   on that connection.
 * A change made while disconnected, or sent on a connection that dropped before the answer, goes
 * out again in the sync step 2 of the next connection (which always carries the full delete set).
 *
 * Pure: no Yjs, no sockets, no timers. An adapter (attachSaveTracker) feeds it events.
 */
import type { SyncStatus } from './SyncStatus';

export interface LocalChange {
  /** The Yjs client id that made the change (usually `doc.clientID`). */
  readonly client: number;
  /** That client's clock after the change (its `Y.encodeStateVector(doc)` entry). */
  readonly clock: number;
  /** Whether the change added content (advanced the clock); false for deletion-only changes. */
  readonly addedContent: boolean;
}

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

interface Pending extends LocalChange {
  /** Number of the message on the current connection that carries it; null while unsent. */
  message: number | null;
}

export interface SaveTrackerOptions {
  readonly now?: () => number;
  readonly online?: boolean;
}

export class SaveTracker {
  private readonly now: () => number;
  private readonly acked = new Map<number, number>();
  private pendingChanges: Pending[] = [];
  /** Update-carrying messages sent, and acknowledgements received, on the current connection. */
  private sent = 0;
  private answered = 0;
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

  /** Whether the document has synced with the server at least once (the editor may open for editing). */
  get hasSynced(): boolean {
    return this.everSynced;
  }

  /**
   * A change made in this browser. `sent`: whether the provider sent it to the server right
   * away (as an update message on an open connection).
   */
  localChange(change: LocalChange, sent: boolean): void {
    this.pendingChanges.push({ ...change, message: sent ? ++this.sent : null });
    this.emit();
  }

  /** An update message that was not a local change (e.g. loaded from a local store) went out. */
  updateSent(): void {
    this.sent += 1;
  }

  /** The answer to the server's sync step 1 went out: it carries every change not yet sent. */
  syncStep2Sent(): void {
    const message = ++this.sent;
    for (const change of this.pendingChanges) change.message ??= message;
  }

  /** A `saved` frame: the state vector the server has durably stored. */
  acknowledge(stateVector: ReadonlyMap<number, number>): void {
    for (const [client, clock] of stateVector) {
      if (clock > (this.acked.get(client) ?? 0)) this.acked.set(client, clock);
    }
    this.answered += 1;
    const before = this.pendingChanges.length;
    this.pendingChanges = this.pendingChanges.filter((change) => !this.isConfirmed(change));
    if (this.pendingChanges.length === 0 && (before > 0 || this.savedAt === null)) this.savedAt = this.now();
    this.emit();
  }

  connectionChanged(state: ConnectionState): void {
    // Every connection numbers its messages from 1; what was sent on the last one and not
    // answered goes out again in the next sync step 2.
    this.sent = 0;
    this.answered = 0;
    for (const change of this.pendingChanges) change.message = null;
    if (state !== 'connected') this.isSynced = false;
    this.emit();
  }

  /** The provider finished (or lost) its sync handshake with the server. */
  syncedChanged(synced: boolean): void {
    this.isSynced = synced;
    if (synced) {
      this.everSynced = true;
      // Nothing of ours is waiting: everything we have is on the server.
      if (this.pendingChanges.length === 0) this.savedAt ??= this.now();
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

  /** Bound, so it can be handed to useSyncExternalStore as is. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private derive(): SyncStatus {
    const pending = this.pendingChanges.length;
    if (this.closedWith) return { kind: 'closed', ...this.closedWith, pending };
    if (!this.isOnline) return { kind: 'offline', pending };
    if (!this.isSynced) return this.everSynced ? { kind: 'reconnecting', pending } : { kind: 'connecting' };
    if (pending > 0) return { kind: 'saving', pending };
    return { kind: 'saved', savedAt: this.savedAt };
  }

  private isConfirmed(change: Pending): boolean {
    if (change.addedContent) return (this.acked.get(change.client) ?? 0) >= change.clock;
    return change.message !== null && this.answered >= change.message;
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
