/**
 * Folds a document's stored attribution (its snapshot's table, then one stamp per log record) into
 * a table without holding the event loop, as mergeInSlices does for the records themselves: after a
 * crash the log since the snapshot can hold many thousands of stamps.
 */
import { AuthorshipTable } from '../../lib/authorship/AuthorshipTable';

/** Stamps folded per slice (each a few microseconds). */
const SLICE = 1024;

export async function foldAttributionInSlices(stored: readonly Uint8Array[], onBad: (error: unknown) => void): Promise<AuthorshipTable> {
  const table = new AuthorshipTable();
  for (let i = 0; i < stored.length; i += SLICE) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const bytes of stored.slice(i, i + SLICE)) table.foldStored(bytes, onBad);
  }
  return table;
}
