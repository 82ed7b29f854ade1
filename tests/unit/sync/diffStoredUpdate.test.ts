/**
 * A cold room answers a client that holds part of the document from the stored bytes, read at the
 * byte level: the diff must bring that client to exactly the stored document (Yjs integrates a
 * first struct that starts before the client's clock from that clock on), and the state vector
 * must be the one Yjs's own reading gives.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffStoredUpdate, stateVectorOfStored } from '../../../lib/sync/diffStoredUpdate';
import { concatUpdates } from '../../../lib/sync/concatUpdates';
import { stateVectorOfUpdates } from '../../../lib/sync/stateVectorCodec';

/** Two writers; returns the records and copies of each writer's doc at the halfway point. */
function written(): { records: Uint8Array[]; halfway: Uint8Array[]; whole: Y.Doc } {
  const whole = new Y.Doc();
  const records: Uint8Array[] = [];
  whole.on('update', (update: Uint8Array) => records.push(update));
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(whole, update, 'relay'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(whole, update, 'relay'));
  const halfway: Uint8Array[] = [];
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 300; i++) {
      a.getText('t').insert(i % (a.getText('t').length + 1), 'aå😀'[i % 3]!);
      b.getText('t').insert(0, 'b');
      if (i % 7 === 0) a.getText('t').delete(0, 1);
    }
    a.getMap('m').set(`k${round}`, { round });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(whole), 'relay');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(whole), 'relay');
    if (round === 0) halfway.push(Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b));
  }
  return { records, halfway, whole };
}

describe('diffStoredUpdate and stateVectorOfStored', () => {
  it('bring a client holding part of a snapshot and a joined log to exactly the stored document', () => {
    const { records, halfway, whole } = written();
    const snapshot = Y.mergeUpdates(records.slice(0, 400));
    const tail = concatUpdates(records.slice(400))!;
    const expected = Y.encodeStateAsUpdate(whole);
    // A client with nothing, one with half of the document, one with a few early edits of its own.
    const early = new Y.Doc();
    for (const record of records.slice(0, 37)) Y.applyUpdate(early, record);
    for (const have of [new Uint8Array([0, 0]), ...halfway, Y.encodeStateAsUpdate(early)]) {
      const client = new Y.Doc();
      Y.applyUpdate(client, have);
      const stateVector = Y.encodeStateVector(client);
      const fromSnapshot = diffStoredUpdate(snapshot, stateVector)!;
      const fromTail = diffStoredUpdate(tail, stateVector)!;
      expect(fromSnapshot).not.toBeNull();
      expect(fromTail).not.toBeNull();
      // Never more than the stored bytes, and less for a client that has something.
      expect(fromSnapshot.byteLength).toBeLessThanOrEqual(snapshot.byteLength + 2);
      Y.applyUpdate(client, fromTail);
      Y.applyUpdate(client, fromSnapshot);
      expect(Y.encodeStateAsUpdate(client)).toEqual(expected);
    }
    const partial = new Y.Doc();
    Y.applyUpdate(partial, halfway[0]!);
    expect(diffStoredUpdate(snapshot, Y.encodeStateVector(partial))!.byteLength).toBeLessThan(snapshot.byteLength);
  });

  it('reads the state vector as Yjs does, and gives up on bytes it cannot read', () => {
    const { records } = written();
    const snapshot = Y.mergeUpdates(records.slice(0, 400));
    const tail = concatUpdates(records.slice(400))!;
    const merged = Y.mergeUpdates(records.slice(400));
    for (const parts of [[snapshot], [snapshot, tail], [snapshot, merged], [tail], [snapshot, Y.mergeUpdates(records.slice(500))]])
      expect(stateVectorOfStored(parts)).toEqual(stateVectorOfUpdates(parts));
    const cut = snapshot.subarray(0, snapshot.length - 3);
    expect(stateVectorOfStored([cut])).toBeNull();
    expect(diffStoredUpdate(cut, new Uint8Array([0]))).toBeNull();
  });
});
