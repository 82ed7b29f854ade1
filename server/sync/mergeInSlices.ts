/**
 * Merges many Yjs updates (a document's log records since its last snapshot) into one without
 * holding the event loop: `Y.mergeUpdates` over thousands of records at once costs seconds (its
 * cost grows faster than the number of inputs), during which no other document's edits are
 * relayed. Here records are merged in groups of `sliceRecords` (each group one short, bounded
 * piece of work), the groups' results merged again the same way, with a `setImmediate` between
 * pieces so I/O callbacks (other rooms' appends and relays) run in between.
 */
import * as Y from 'yjs';

/** Records per merge: small enough for a short slice, large enough that the merge tree stays shallow. */
export const DEFAULT_SLICE_RECORDS = 64;

export interface SliceOptions {
  readonly sliceRecords?: number;
  /** Called after every merged group, before yielding (tests see other work interleave with it). */
  readonly onSlice?: () => void;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function mergeInSlices(updates: readonly Uint8Array[], options: SliceOptions = {}): Promise<Uint8Array> {
  const size = Math.max(2, options.sliceRecords ?? DEFAULT_SLICE_RECORDS);
  if (updates.length === 1) return updates[0] as Uint8Array;
  if (updates.length === 0) return Y.mergeUpdates([]);
  let level: readonly Uint8Array[] = updates;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += size) {
      const group = level.slice(i, i + size);
      next.push(group.length === 1 ? (group[0] as Uint8Array) : Y.mergeUpdates(group));
      options.onSlice?.();
      await yieldToLoop();
    }
    level = next;
  }
  return level[0] as Uint8Array;
}
