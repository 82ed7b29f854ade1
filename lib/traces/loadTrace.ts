/** Editing traces (tests/fixtures/traces, CC BY 4.0, see the README there): loading and replaying. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type * as Y from 'yjs';

export type Patch = [position: number, deleted: number, inserted: string];

export interface EditingTrace {
  readonly startContent: string;
  readonly endContent: string;
  readonly txns: ReadonlyArray<{ readonly patches: readonly Patch[] }>;
}

export function loadTrace(path: string): EditingTrace {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as EditingTrace;
}

/**
 * Applies one patch to a Y.Text. Trace positions count code points; Y.Text counts UTF-16 units, so
 * non-ASCII traces need the conversion (automerge-paper is ASCII; seph-blog1 is not). The
 * non-ASCII path reads the whole text once per call: to replay a whole trace, use TraceReplayer.
 */
export function applyPatch(text: Y.Text, patch: Patch, ascii: boolean): void {
  if (ascii) {
    const [position, deleted, inserted] = patch;
    if (deleted > 0) text.delete(position, deleted);
    if (inserted.length > 0) text.insert(position, inserted);
    return;
  }
  new TraceReplayer(text).apply(patch);
}

/**
 * Replays trace patches into one Y.Text in time independent of the text's length: code-point
 * positions become UTF-16 offsets by counting the astral characters (the only ones two units long)
 * before them, kept as a sorted list of their code-point positions. The text must change only
 * through this replayer while it is in use (it reads the text once, when constructed).
 */
export class TraceReplayer {
  /** Code-point positions of the characters outside the BMP, ascending. */
  private astral: number[] = [];

  constructor(private readonly text: Y.Text) {
    let position = 0;
    for (const character of text.toString()) {
      if (character.length === 2) this.astral.push(position);
      position += 1;
    }
  }

  /** The text's length in code points. */
  get length(): number {
    return this.text.length - this.astral.length;
  }

  apply([position, deleted, inserted]: Patch): void {
    const before = this.astralBefore(position);
    const within = this.astralBefore(position + deleted) - before;
    const index = position + before;
    const length = deleted + within;
    if (length > 0) this.text.delete(index, length);
    if (inserted.length > 0) this.text.insert(index, inserted);

    // Keep the list in step: drop the deleted ones, add the inserted ones, shift what follows.
    const added: number[] = [];
    let codePoints = 0;
    for (const character of inserted) {
      if (character.length === 2) added.push(position + codePoints);
      codePoints += 1;
    }
    const shift = codePoints - deleted;
    const after = this.astral.slice(before + within);
    if (added.length === 0 && within === 0 && shift === 0) return;
    this.astral.length = before;
    this.astral.push(...added);
    for (const at of after) this.astral.push(at + shift);
  }

  /** How many astral characters sit before code-point position `position` (binary search). */
  private astralBefore(position: number): number {
    let low = 0;
    let high = this.astral.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.astral[middle] as number) < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
