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
 * non-ASCII traces need the conversion (automerge-paper is ASCII; seph-blog1 is not).
 */
export function applyPatch(text: Y.Text, [position, deleted, inserted]: Patch, ascii: boolean): void {
  let index = position;
  let length = deleted;
  if (!ascii) {
    const current = text.toString();
    const units = (codePoints: number, from = 0) => {
      let i = from;
      for (let n = 0; n < codePoints && i < current.length; n++) i += current.codePointAt(i)! > 0xffff ? 2 : 1;
      return i;
    };
    index = units(position);
    length = units(deleted, index) - index;
  }
  if (length > 0) text.delete(index, length);
  if (inserted.length > 0) text.insert(index, inserted);
}
