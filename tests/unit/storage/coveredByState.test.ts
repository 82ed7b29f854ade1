/** coveredByState: which stored records a snapshot already holds (left out of a compaction's merge). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { coveredByState } from '../../../lib/storage/coveredByState';

function recording(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

const stateOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('coveredByState', () => {
  it('covers inserts the state holds, not later ones, nor deletions, nor what it cannot decode', () => {
    const writer = new Y.Doc();
    const updates = recording(writer);
    const text = writer.getText('t');
    text.insert(0, 'ab');
    text.insert(2, 'c');
    const holder = new Y.Doc();
    Y.applyUpdate(holder, Y.encodeStateAsUpdate(writer));
    text.insert(3, 'd');
    text.delete(0, 1);
    const [ab, c, d, deletion] = updates as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    const state = stateOf(holder);
    expect(coveredByState(ab, state)).toBe(true);
    expect(coveredByState(c, state)).toBe(true);
    expect(coveredByState(d, state)).toBe(false);
    // A deletion of text the holder has: its structs (none) are covered, but it changes the document.
    expect(coveredByState(deletion, state)).toBe(false);
    expect(coveredByState(new Uint8Array([9, 9, 9]), state)).toBe(false);
    // Another client's insert is not covered by a state without that client.
    const other = new Y.Doc();
    const fromOther = recording(other);
    other.getText('t').insert(0, 'x');
    expect(coveredByState(fromOther[0] as Uint8Array, state)).toBe(false);
  });
});
