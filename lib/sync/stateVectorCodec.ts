/**
 * State vectors and updates as bytes, without a Y.Doc: what a room needs to answer a sync while
 * its stored state is not applied (server/sync/Room.ts).
 */
import * as Y from 'yjs';

/**
 * The state vector of v1 updates applied in the given order (a snapshot, then the log after it):
 * per client, how far its clocks run without a gap from 0. A part that starts beyond that (held
 * back by a missing dependency) does not count, as Yjs would not count it either.
 */
export function stateVectorOfUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const clocks = new Map<number, number>();
  for (const update of updates) {
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [client, start] of from) {
      const reached = clocks.get(client) ?? 0;
      const end = to.get(client) ?? start;
      if (start <= reached && end > reached) clocks.set(client, end);
    }
  }
  // Yjs encodes a plain client → clock map as it encodes a doc's.
  return Y.encodeStateVector(clocks);
}

/** Whether a v1 update carries nothing: no structs and an empty delete set (as Yjs writes it, two zero bytes). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
