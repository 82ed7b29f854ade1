/**
 * A room's presence states with y-protocols' rules (a higher clock wins; a null state at the same
 * clock removes), plus rules of ours: a connection speaks only for the awareness client it
 * introduced (so nobody can move someone else's caret, nor fill the room with entries), a state
 * has a size limit, a joiner is sent a bounded amount, and a state nobody renews expires.
 */
import { PRESENCE_CLIENTS_PER_CONNECTION } from '../../lib/protocol';
import type { Connection } from './Connection';
import { encodeAwarenessEntries, type AwarenessEntry } from './awarenessRewrite';
import { encodeAwareness } from './encodeMessage';

export interface RoomAwarenessLimits {
  /** Largest state (its JSON in UTF-8 bytes); larger ones are refused. */
  readonly maxStateBytes: number;
  /** What encodeAll() includes at most, in bytes of state. */
  readonly replayMaxBytes: number;
}

interface Presence extends AwarenessEntry {
  /** null once the owner has gone: the entry is a tombstone that keeps the clock. */
  readonly owner: Connection | null;
  readonly bytes: number;
  /** When the owner last set or renewed it (ms). */
  readonly seenAt: number;
}

export class RoomAwareness {
  private readonly presences = new Map<number, Presence>();

  constructor(
    private readonly limits: RoomAwarenessLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Applies a connection's entries; returns the ones accepted, to relay, and how many were too large. */
  apply(connection: Connection, entries: readonly AwarenessEntry[]): { accepted: AwarenessEntry[]; oversized: number } {
    const accepted: AwarenessEntry[] = [];
    let oversized = 0;
    for (const entry of entries) {
      const current = this.presences.get(entry.clientId);
      if (current?.owner && current.owner !== connection) continue;
      if (!connection.awarenessClients.has(entry.clientId)) {
        if (connection.awarenessClients.size >= PRESENCE_CLIENTS_PER_CONNECTION) continue;
      }
      const bytes = Buffer.byteLength(entry.json);
      if (bytes > this.limits.maxStateBytes) {
        oversized++;
        continue;
      }
      const currentClock = current?.clock ?? 0;
      const removesLiveState = entry.json === 'null' && current !== undefined && current.json !== 'null';
      if (!(currentClock < entry.clock || (currentClock === entry.clock && removesLiveState))) continue;
      connection.awarenessClients.add(entry.clientId);
      this.presences.set(entry.clientId, { ...entry, owner: connection, bytes, seenAt: this.clock() });
      accepted.push(entry);
    }
    return { accepted, oversized };
  }

  /** Removes what a leaving connection spoke for; returns the removals to relay. */
  removeConnection(connection: Connection): AwarenessEntry[] {
    const removed: AwarenessEntry[] = [];
    for (const clientId of connection.awarenessClients) {
      const current = this.presences.get(clientId);
      if (!current || current.owner !== connection) continue;
      // Same clock, null state: y-protocols' way of saying "gone" to the others.
      const tombstone = { clientId, clock: current.clock, json: 'null', owner: null, bytes: 4, seenAt: current.seenAt };
      this.presences.set(clientId, tombstone);
      if (current.json !== 'null') removed.push(tombstone);
    }
    connection.awarenessClients.clear();
    return removed;
  }

  /**
   * Removes live states not renewed within `timeoutMs`; returns the removals to relay. The owner
   * keeps its client id: a renewal (a higher clock) brings the state back.
   */
  expire(timeoutMs: number): AwarenessEntry[] {
    const cutoff = this.clock() - timeoutMs;
    const removed: AwarenessEntry[] = [];
    for (const [clientId, presence] of this.presences) {
      if (presence.json === 'null' || presence.seenAt > cutoff) continue;
      const removal = { ...presence, json: 'null', bytes: 4 };
      this.presences.set(clientId, removal);
      removed.push(removal);
    }
    return removed;
  }

  /** True while some state is live (the room's expiry timer runs only then). */
  hasLive(): boolean {
    for (const presence of this.presences.values()) if (presence.json !== 'null') return true;
    return false;
  }

  /** A frame with the live states, up to the replay limit, for a connection that joins or asks; null when there is none. */
  encodeAll(): Uint8Array | null {
    const live: AwarenessEntry[] = [];
    let budget = this.limits.replayMaxBytes;
    for (const presence of this.presences.values()) {
      if (presence.json === 'null' || presence.bytes > budget) continue;
      budget -= presence.bytes;
      live.push({ clientId: presence.clientId, clock: presence.clock, json: presence.json });
    }
    return live.length === 0 ? null : encodeAwareness(encodeAwarenessEntries(live, live.length));
  }
}
