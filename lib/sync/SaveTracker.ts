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
 * - What the server had when it sent its sync step 1 (its state vector) is durable by the time
 *   it answers our sync step 2 (that answer waits behind every append issued before it): so that
 *   answer also confirms every clock of the server's state vector. This confirms a change the
 *   server stored while its acknowledgement was lost with a dropped connection, and changes
 *   restored from a local copy that had in fact reached the server.
 *
 * Across reloads (lib/offline): `restore()` takes the changes a local copy holds that no
 * acknowledgement had confirmed, and `saved()` gives what to keep for the next load, so the count
 * stays true after a reload: nothing is "saved" until the server said so.
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

/** What a local copy keeps of the tracker between page loads. */
export interface TrackerState {
  /** Local changes not yet confirmed, oldest first. */
  readonly pending: readonly LocalChange[];
  /** Per client, the clock up to which the server confirmed having it durably. */
  readonly confirmed: ReadonlyMap<number, number>;
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
  /** The server's state vector from its sync step 1, confirmed once our step 2 (message `message`) is answered. */
  private serverHad: { message: number; stateVector: ReadonlyMap<number, number> } | null = null;
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

  /**
   * The answer to the server's sync step 1 went out: it carries every change not yet sent.
   * `serverStateVector`: what that step 1 said the server has (confirmed by this message's answer).
   */
  syncStep2Sent(serverStateVector?: ReadonlyMap<number, number>): void {
    const message = ++this.sent;
    for (const change of this.pendingChanges) change.message ??= message;
    if (serverStateVector) this.serverHad = { message, stateVector: serverStateVector };
  }

  /**
   * Changes restored from a local copy (made in an earlier page load, not confirmed then) and the
   * clocks the server had confirmed. They count as pending, unsent, until confirmed like any other.
   */
  restore(state: TrackerState): void {
    this.raise(state.confirmed);
    const known = new Set(this.pendingChanges.map(changeKey));
    for (const change of state.pending) {
      if (known.has(changeKey(change))) continue;
      known.add(changeKey(change));
      this.pendingChanges.push({ client: change.client, clock: change.clock, addedContent: change.addedContent, message: null });
    }
    this.pendingChanges = this.pendingChanges.filter((change) => !this.isConfirmed(change));
    this.emit();
  }

  /** What to keep for the next page load: the unconfirmed changes and the confirmed clocks. */
  saved(): TrackerState {
    return {
      pending: this.pendingChanges.map(({ client, clock, addedContent }) => ({ client, clock, addedContent })),
      confirmed: new Map(this.acked),
    };
  }

  /**
   * Content that came from the server (other people's edits, the server's own): the server has it,
   * so it is nobody's change waiting here, and a local copy must not count it as such after a reload
   * (restoreFromLocalCopy counts content beyond the confirmed clocks). `stateVector`: the clocks the
   * update reaches. Clients with changes of ours pending are left to acknowledgements.
   */
  remoteContent(stateVector: ReadonlyMap<number, number>): void {
    const ours = new Set(this.pendingChanges.map((change) => change.client));
    let raised = false;
    for (const [client, clock] of stateVector) {
      if (ours.has(client) || clock <= (this.acked.get(client) ?? 0)) continue;
      this.acked.set(client, clock);
      raised = true;
    }
    if (raised) this.emit();
  }

  /** A `saved` frame: the state vector the server has durably stored. */
  acknowledge(stateVector: ReadonlyMap<number, number>): void {
    this.raise(stateVector);
    this.answered += 1;
    if (this.serverHad && this.answered >= this.serverHad.message) {
      this.raise(this.serverHad.stateVector);
      this.serverHad = null;
    }
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
    this.serverHad = null;
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
    if (!this.isSynced) {
      if (this.everSynced) return { kind: 'reconnecting', pending };
      return pending > 0 ? { kind: 'connecting', pending } : { kind: 'connecting' };
    }
    if (pending > 0) return { kind: 'saving', pending };
    return { kind: 'saved', savedAt: this.savedAt };
  }

  private raise(stateVector: ReadonlyMap<number, number>): void {
    for (const [client, clock] of stateVector) {
      if (clock > (this.acked.get(client) ?? 0)) this.acked.set(client, clock);
    }
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

const changeKey = (change: LocalChange) => `${change.client}:${change.clock}:${change.addedContent ? 1 : 0}`;

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  const entriesA = Object.entries(a);
  return entriesA.length === Object.keys(b).length && entriesA.every(([key, value]) => (b as Record<string, unknown>)[key] === value);
}
