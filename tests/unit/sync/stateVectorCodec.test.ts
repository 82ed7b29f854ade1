import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isEmptyUpdate, stateVectorOfUpdates } from '../../../lib/sync/stateVectorCodec';

function typed(clientID: number, text: string, into?: Y.Doc): Y.Doc {
  const doc = into ?? new Y.Doc();
  doc.clientID = clientID;
  doc.getText('t').insert(0, text);
  return doc;
}

describe('stateVectorCodec', () => {
  it('takes the highest clock per client over several updates', () => {
    const doc = typed(1, 'ab');
    const early = Y.encodeStateAsUpdate(doc);
    typed(1, 'cdef', doc);
    typed(2, 'x', doc);
    const late = Y.encodeStateAsUpdate(doc, Y.encodeStateVectorFromUpdate(early));
    expect(Y.decodeStateVector(stateVectorOfUpdates([early, late]))).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
  });

  it('knows an update that carries nothing', () => {
    const doc = typed(3, 'abc');
    expect(isEmptyUpdate(Y.diffUpdate(Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc)))).toBe(true);
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false);
    doc.getText('t').delete(0, 1);
    // Everything known, but a deletion to tell.
    expect(isEmptyUpdate(Y.diffUpdate(Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc)))).toBe(false);
  });
});

describe('stateVectorOfUpdates', () => {
  it('leaves out a part that starts beyond what the parts before it reach', () => {
    const doc = typed(1, 'ab');
    const early = Y.encodeStateAsUpdate(doc);
    typed(1, 'cd', doc);
    const middle = Y.encodeStateAsUpdate(doc, Y.encodeStateVectorFromUpdate(early));
    typed(1, 'ef', doc);
    const late = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(docOf([early, middle])));
    expect(Y.decodeStateVector(stateVectorOfUpdates([early, late]))).toEqual(new Map([[1, 2]]));
    expect(Y.decodeStateVector(stateVectorOfUpdates([early, middle, late]))).toEqual(new Map([[1, 6]]));
  });
});

function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}
