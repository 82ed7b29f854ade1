/**
 * Folds a document's stored attribution (its snapshot's table, then one stamp per log record) into
 * a table without holding the event loop, as the records themselves are joined in slices: after a
 * crash the log since the snapshot can hold many thousands of stamps.
 *
 * A room does not wait for it before answering syncs (nothing there needs the table): the fold
 * goes on a slice per turn in the background (`foldSlice`), and whatever needs the table before it
 * is done (an edit's stamp, a compaction, the authorship read) folds the rest at once (`finish`).
 */
import { AuthorshipTable } from '../../lib/authorship/AuthorshipTable';

/** Stamps folded per slice (each a few microseconds). */
const SLICE = 1024;

export class AttributionBacklog {
  private readonly table = new AuthorshipTable();
  private next = 0;

  constructor(
    private readonly stored: readonly Uint8Array[],
    private readonly onBad: (error: unknown) => void,
  ) {}

  get done(): boolean {
    return this.next >= this.stored.length;
  }

  /** Folds the next slice; true once everything is folded. */
  foldSlice(): boolean {
    const end = Math.min(this.stored.length, this.next + SLICE);
    for (; this.next < end; this.next++) this.table.foldStored(this.stored[this.next] as Uint8Array, this.onBad);
    return this.done;
  }

  /** Folds whatever is left and returns the table. */
  finish(): AuthorshipTable {
    while (!this.foldSlice());
    return this.table;
  }
}

export async function foldAttributionInSlices(stored: readonly Uint8Array[], onBad: (error: unknown) => void): Promise<AuthorshipTable> {
  const backlog = new AttributionBacklog(stored, onBad);
  while (!backlog.foldSlice()) await new Promise<void>((resolve) => setImmediate(resolve));
  return backlog.finish();
}
