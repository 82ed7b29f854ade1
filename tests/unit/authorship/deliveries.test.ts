/**
 * Which ranges an update brings first (compared with the document's state before applying), and
 * how what integrated is attributed: re-sent items are never attributed again, a reused client id
 * gets only its new clocks attributed to the sender, and held-back items go to who offered them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DeliveryLedger, grownRanges, offeredRanges, rangesOfUpdate } from '../../../lib/authorship/deliveries';

/** A doc with a fixed client id, typing into Y.Text 't'. */
function writer(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

const type = (doc: Y.Doc, text: string): Uint8Array => {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
};

/** Applies `update` to `server` as Room does, returning what it brought first and what it attributed. */
function deliver(server: Y.Doc, ledger: DeliveryLedger, update: Uint8Array, by: string, at: number) {
  const stateOf = (client: number) => Y.getState(server.store, client);
  const hadPending = server.store.pendingStructs !== null;
  const offered = offeredRanges(Y.decodeUpdate(update).structs, stateOf);
  let emitted: Uint8Array | null = null;
  const listener = (u: Uint8Array) => (emitted = u);
  server.on('update', listener);
  Y.applyUpdate(server, update);
  server.off('update', listener);
  const integrated = emitted === null ? [] : hadPending ? rangesOfUpdate(emitted) : grownRanges(offered.before, stateOf);
  return { offered: offered.ranges, attributed: ledger.settle(integrated, offered.ranges, by, at, stateOf) };
}

describe('offeredRanges and DeliveryLedger', () => {
  it('attributes new clocks to the connection that delivered them', () => {
    const server = new Y.Doc();
    const ledger = new DeliveryLedger();
    const alice = writer(1);
    const { offered, attributed } = deliver(server, ledger, type(alice, 'Hej'), 'person:alice', 100);
    expect(offered).toEqual([{ client: 1, from: 0, to: 3 }]);
    expect(attributed).toEqual([{ client: 1, from: 0, to: 3, by: 'person:alice', at: 100, last: 100 }]);
  });

  it('never attributes items the document already holds: a client re-sending its whole state', () => {
    const server = new Y.Doc();
    const ledger = new DeliveryLedger();
    const alice = writer(1);
    deliver(server, ledger, type(alice, 'Hej'), 'person:alice', 100);
    type(alice, ' med');
    // Someone else relays alice's whole state, her newer text included: what is stored stays alice's,
    // and only what the server had not seen is the relayer's (the first to deliver it).
    const again = deliver(server, ledger, Y.encodeStateAsUpdate(alice, Y.encodeStateVector(new Y.Doc())), 'person:mallory', 200);
    expect(again.offered).toEqual([{ client: 1, from: 3, to: 7 }]);
    expect(again.attributed.map((r) => [r.from, r.to, r.by])).toEqual([[3, 7, 'person:mallory']]);
    // And re-sending exactly what is stored brings nothing and attributes nothing.
    const twice = deliver(server, ledger, Y.encodeStateAsUpdate(alice), 'person:mallory', 300);
    expect(twice).toEqual({ offered: [], attributed: [] });
  });

  it('a client reusing another’s client id gets only its own new clocks, never the stored ones', () => {
    const server = new Y.Doc();
    const ledger = new DeliveryLedger();
    const alice = writer(7);
    deliver(server, ledger, type(alice, 'Alices tekst'), 'person:alice', 100);
    // Mallory copies the document and writes under alice's client id.
    const mallory = writer(7);
    Y.applyUpdate(mallory, Y.encodeStateAsUpdate(server));
    mallory.clientID = 7;
    const sent = deliver(server, ledger, type(mallory, ' og Mallorys'), 'person:mallory', 200);
    expect(sent.attributed).toEqual([{ client: 7, from: 12, to: 24, by: 'person:mallory', at: 200, last: 200 }]);
    // A forged update that rewrites alice's stored clocks with other content changes nothing.
    const forger = writer(7);
    forger.getText('t').insert(0, 'Falsk tekst!');
    const forged = deliver(server, ledger, Y.encodeStateAsUpdate(forger), 'person:mallory', 300);
    expect(forged).toEqual({ offered: [], attributed: [] });
    expect(server.getText('t').toString()).toBe('Alices tekst og Mallorys');
  });

  it('items held back for a missing dependency go to who offered them, when they integrate', () => {
    const server = new Y.Doc();
    const ledger = new DeliveryLedger();
    const alice = writer(1);
    const first = type(alice, 'A');
    const bob = writer(2);
    Y.applyUpdate(bob, first);
    const bobs = type(bob, 'B');
    // Bob's item builds on alice's, which the server has not got yet: held back.
    const held = deliver(server, ledger, bobs, 'person:bob', 100);
    expect(held.attributed).toEqual([]);
    expect(ledger.waiting).toBe(1);
    const freed = deliver(server, ledger, first, 'person:alice', 200);
    expect(freed.attributed).toEqual([
      { client: 1, from: 0, to: 1, by: 'person:alice', at: 200, last: 200 },
      { client: 2, from: 0, to: 1, by: 'person:bob', at: 100, last: 100 },
    ]);
    expect(ledger.waiting).toBe(0);
  });
});
