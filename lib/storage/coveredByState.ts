/**
 * Whether applying a Yjs update to a document whose state vector is `state` would change nothing:
 * every struct it carries lies below the state (struct ids are unique, so the document holds them
 * already) and it deletes nothing. Conservative: an update it cannot decode, or one with a delete
 * set, counts as not covered. A compaction uses it to leave out of its merge the records another
 * node stored that the snapshot already holds (merging them costs far more than this check).
 */
import * as Y from 'yjs';

export function coveredByState(update: Uint8Array, state: ReadonlyMap<number, number>): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return false;
  }
  if (decoded.ds.clients.size > 0) return false;
  for (const struct of decoded.structs) {
    if ((state.get(struct.id.client) ?? 0) < struct.id.clock + struct.length) return false;
  }
  return true;
}
