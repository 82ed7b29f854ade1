/**
 * What a local copy remembers about the server between page loads, so the save indicator tells
 * the truth after a reload: the local changes no acknowledgement had confirmed yet, and the clocks
 * the server confirmed. Pure functions over SaveTracker's TrackerState; the adapter
 * (localDocument.ts) stores the result in the copy's own IndexedDB database.
 *
 * The rule that keeps "Gemt" honest: content of the local copy that neither the stored pending list
 * nor the confirmed clocks account for (a write that did not land before the tab closed) counts as
 * pending too, until the server confirms it.
 */
import type { LocalChange, TrackerState } from '../sync/SaveTracker';

/** Key of the record in the copy's `custom` store. */
export const SYNC_STATE_KEY = 'sync-state';

/** More pending changes than this are stored merged (per client and kind), so the record stays small. */
export const MAX_STORED_PENDING = 5000;

/** The stored form: plain arrays, versioned. */
export interface StoredSyncState {
  readonly v: 1;
  readonly confirmed: ReadonlyArray<readonly [client: number, clock: number]>;
  readonly pending: ReadonlyArray<readonly [client: number, clock: number, addedContent: 0 | 1]>;
}

const isClock = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export function encodeSyncState(state: TrackerState): StoredSyncState {
  let pending = state.pending;
  if (pending.length > MAX_STORED_PENDING) pending = mergePerClient(pending);
  return {
    v: 1,
    confirmed: [...state.confirmed].map(([client, clock]) => [client, clock] as const),
    pending: pending.map((change) => [change.client, change.clock, change.addedContent ? 1 : 0] as const),
  };
}

/** Reads a stored record defensively: anything malformed counts as no record (null). */
export function decodeSyncState(value: unknown): TrackerState | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Partial<Record<keyof StoredSyncState, unknown>>;
  if (record.v !== 1 || !Array.isArray(record.confirmed) || !Array.isArray(record.pending)) return null;
  const confirmed = new Map<number, number>();
  for (const entry of record.confirmed as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2 || !isClock(entry[0]) || !isClock(entry[1])) return null;
    confirmed.set(entry[0], Math.max(entry[1], confirmed.get(entry[0]) ?? 0));
  }
  const pending: LocalChange[] = [];
  for (const entry of record.pending as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3 || !isClock(entry[0]) || !isClock(entry[1])) return null;
    if (entry[2] !== 0 && entry[2] !== 1) return null;
    pending.push({ client: entry[0], clock: entry[1], addedContent: entry[2] === 1 });
  }
  return { pending, confirmed };
}

/**
 * What to restore into a new SaveTracker after loading a local copy: the stored pending changes
 * still unconfirmed, plus one change per client whose content in the copy (its state vector) goes
 * beyond both the confirmed clock and every stored change: content nobody can vouch for.
 */
export function restoreFromLocalCopy(localStateVector: ReadonlyMap<number, number>, stored: TrackerState | null): TrackerState {
  const confirmed = new Map(stored?.confirmed ?? []);
  const pending = (stored?.pending ?? []).filter((change) => !isConfirmed(change, confirmed));
  const accounted = new Map(confirmed);
  for (const change of pending) {
    if (change.addedContent && change.clock > (accounted.get(change.client) ?? 0)) accounted.set(change.client, change.clock);
  }
  for (const [client, clock] of localStateVector) {
    if (clock > (accounted.get(client) ?? 0)) pending.push({ client, clock, addedContent: true });
  }
  return { pending, confirmed };
}

/**
 * Combines this tab's state with the stored one (another tab on the same copy may have written
 * it). Stored changes of clients this tab owns (its own client id and those it restored) are
 * replaced by this tab's view of them; other tabs' changes are kept. Confirmed clocks only grow.
 */
export function mergeSyncStates(stored: TrackerState | null, mine: TrackerState, owned: ReadonlySet<number>): TrackerState {
  const confirmed = new Map(stored?.confirmed ?? []);
  for (const [client, clock] of mine.confirmed) if (clock > (confirmed.get(client) ?? 0)) confirmed.set(client, clock);
  const seen = new Set<string>();
  const pending: LocalChange[] = [];
  for (const change of [...(stored?.pending ?? []).filter((c) => !owned.has(c.client)), ...mine.pending]) {
    const key = `${change.client}:${change.clock}:${change.addedContent ? 1 : 0}`;
    if (seen.has(key) || isConfirmed(change, confirmed)) continue;
    seen.add(key);
    pending.push(change);
  }
  return { pending, confirmed };
}

function isConfirmed(change: LocalChange, confirmed: ReadonlyMap<number, number>): boolean {
  return change.addedContent && (confirmed.get(change.client) ?? 0) >= change.clock;
}

/** Collapses a long list to one content change (the highest clock) and one deletion per client. */
function mergePerClient(pending: readonly LocalChange[]): LocalChange[] {
  const merged = new Map<string, LocalChange>();
  for (const change of pending) {
    const key = `${change.client}:${change.addedContent ? 1 : 0}`;
    const previous = merged.get(key);
    if (!previous || change.clock > previous.clock) merged.set(key, change);
  }
  return [...merged.values()];
}
