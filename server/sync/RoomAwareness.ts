/**
 * A room's presence states with y-protocols' rules (a higher clock wins; a null state at the same
 * clock removes), plus one rule of ours: a connection speaks only for the awareness clients it
 * introduced, so nobody can move someone else's caret or take over their entry.
 */
import type { Connection } from './Connection';
import { encodeAwarenessEntries, type AwarenessEntry } from './awarenessRewrite';
import { encodeAwareness } from './encodeMessage';

/** A browser tab has one awareness client; a few more allow several docs sharing one awareness. */
const MAX_CLIENTS_PER_CONNECTION = 8;

interface Presence extends AwarenessEntry {
  /** null once the owner has gone: the entry is a tombstone that keeps the clock. */
  readonly owner: Connection | null;
}

export class RoomAwareness {
  private readonly presences = new Map<number, Presence>();

  /** Applies a connection's entries; returns the ones accepted, to relay. */
  apply(connection: Connection, entries: readonly AwarenessEntry[]): AwarenessEntry[] {
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const current = this.presences.get(entry.clientId);
      if (current?.owner && current.owner !== connection) continue;
      if (!connection.awarenessClients.has(entry.clientId)) {
        if (connection.awarenessClients.size >= MAX_CLIENTS_PER_CONNECTION) continue;
      }
      const currentClock = current?.clock ?? 0;
      const removesLiveState = entry.json === 'null' && current !== undefined && current.json !== 'null';
      if (!(currentClock < entry.clock || (currentClock === entry.clock && removesLiveState))) continue;
      connection.awarenessClients.add(entry.clientId);
      this.presences.set(entry.clientId, { ...entry, owner: connection });
      accepted.push(entry);
    }
    return accepted;
  }

  /** Removes what a leaving connection spoke for; returns the removals to relay. */
  removeConnection(connection: Connection): AwarenessEntry[] {
    const removed: AwarenessEntry[] = [];
    for (const clientId of connection.awarenessClients) {
      const current = this.presences.get(clientId);
      if (!current || current.owner !== connection) continue;
      // Same clock, null state: y-protocols' way of saying "gone" to the others.
      const tombstone = { clientId, clock: current.clock, json: 'null', owner: null };
      this.presences.set(clientId, tombstone);
      if (current.json !== 'null') removed.push(tombstone);
    }
    connection.awarenessClients.clear();
    return removed;
  }

  /** A frame with every live state, for a connection that joins or asks; null when there is none. */
  encodeAll(): Uint8Array | null {
    const live: AwarenessEntry[] = [];
    for (const presence of this.presences.values()) if (presence.json !== 'null') live.push(presence);
    return live.length === 0 ? null : encodeAwareness(encodeAwarenessEntries(live, live.length));
  }
}
