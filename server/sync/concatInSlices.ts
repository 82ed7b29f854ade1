/**
 * Joins a document's log records into one update (lib/sync/concatUpdates.ts) a slice at a time,
 * with a `setImmediate` between slices, as mergeInSlices merges: even joining bytes costs some
 * milliseconds per thousand records while the code is cold, and a log can be longer than that.
 * Resolves with null when the records are not a plain log (the caller merges them instead).
 */
import { UpdateConcatenation } from '../../lib/sync/concatUpdates';
import type { SliceOptions } from './mergeInSlices';

/** Records per slice: joining one is a few microseconds once warm, tens of them cold. */
export const DEFAULT_CONCAT_SLICE_RECORDS = 1024;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function concatInSlices(updates: readonly Uint8Array[], options: SliceOptions = {}): Promise<Uint8Array | null> {
  const size = Math.max(1, options.sliceRecords ?? DEFAULT_CONCAT_SLICE_RECORDS);
  const joined = new UpdateConcatenation();
  for (let i = 0; i < updates.length; i += size) {
    if (i > 0) await yieldToLoop();
    const end = Math.min(updates.length, i + size);
    for (let j = i; j < end; j++) if (!joined.add(updates[j] as Uint8Array)) return null;
    options.onSlice?.();
  }
  return joined.encode();
}
