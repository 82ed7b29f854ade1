/**
 * concatUpdates joins a document's log (each record what the document emitted for one
 * transaction) into one update without decoding content: applying it must give exactly the
 * document the records give applied one by one, for every kind of content; anything that is not
 * such a log (a gap, a record stored twice, bad bytes) is refused so the caller merges instead.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { concatUpdates, UpdateConcatenation } from '../../../lib/sync/concatUpdates';

/** Two writers editing one document, every kind of content; returns what the first one's doc emitted, in order. */
function recordedLog(): { records: Uint8Array[]; expected: Y.Doc } {
  const server = new Y.Doc();
  const records: Uint8Array[] = [];
  server.on('update', (update: Uint8Array) => records.push(update));
  const a = new Y.Doc();
  const b = new Y.Doc();
  const relay = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'relay') Y.applyUpdate(server, update, 'relay');
  };
  a.on('update', relay);
  b.on('update', relay);
  const sync = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(server), 'relay');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(server), 'relay');
  };
  const body = a.getXmlFragment('body');
  const paragraph = new Y.XmlElement('paragraph');
  body.insert(0, [paragraph]);
  paragraph.setAttribute('align', 'left');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  for (let i = 0; i < 200; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  text.insert(3, 'æøå 😀 Ω');
  text.format(0, 5, { bold: true });
  text.insertEmbed(2, { image: 'x.png' });
  sync();
  const bText = (b.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  for (let i = 0; i < 100; i++) {
    bText.insert(i % (bText.length + 1), 'B');
    text.insert(i % (text.length + 1), 'A');
    if (i % 10 === 0) text.delete(1, 2);
  }
  sync();
  bText.delete(0, 20);
  a.getMap('meta').set('phase', { n: 2, list: [1, 'x', null, true] });
  a.getMap('meta').set('raw', new Uint8Array([1, 2, 3]));
  a.getArray('ticks').insert(0, [1, 2.5, 'three', { four: 4 }]);
  // A keyed type that is not an element (its key follows the type ref, as an element's name does).
  b.getMap('hooks').set('h', new Y.XmlHook('hook'));
  a.getText('plain').insert(0, 'plain text');
  a.getText('plain').delete(2, 3);
  return { records, expected: server };
}

const stateOf = (update: Uint8Array): Uint8Array => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return Y.encodeStateAsUpdate(doc);
};

describe('concatUpdates', () => {
  it('gives the same document as the records applied in order, for every kind of content', () => {
    const { records, expected } = recordedLog();
    expect(records.length).toBeGreaterThan(400);
    const joined = concatUpdates(records);
    expect(joined).not.toBeNull();
    expect(stateOf(joined!)).toEqual(Y.encodeStateAsUpdate(expected));
    expect(stateOf(joined!)).toEqual(stateOf(Y.mergeUpdates(records)));
    // Yjs reads it like any update: its meta and a diff against part of it.
    expect(Y.parseUpdateMeta(joined!).to).toEqual(Y.parseUpdateMeta(Y.mergeUpdates(records)).to);
    const half = new Y.Doc();
    for (const record of records.slice(0, 200)) Y.applyUpdate(half, record);
    Y.applyUpdate(half, Y.diffUpdate(joined!, Y.encodeStateVector(half)));
    expect(Y.encodeStateAsUpdate(half)).toEqual(Y.encodeStateAsUpdate(expected));
  });

  it('joins a log after a snapshot the same way, one record at a time', () => {
    const { records, expected } = recordedLog();
    const snapshot = Y.mergeUpdates(records.slice(0, 150));
    const joined = new UpdateConcatenation();
    for (const record of records.slice(150)) expect(joined.add(record)).toBe(true);
    const tail = joined.encode();
    expect(tail).not.toBeNull();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    Y.applyUpdate(doc, tail!);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(expected));
  });

  it('refuses what is not a log: a record left out, one stored twice, records out of order, bad bytes', () => {
    const { records } = recordedLog();
    expect(concatUpdates([...records.slice(0, 10), ...records.slice(11)])).toBeNull();
    expect(concatUpdates([...records.slice(0, 10), records[9]!, ...records.slice(10)])).toBeNull();
    expect(concatUpdates([records[1]!, records[0]!, ...records.slice(2)])).toBeNull();
    expect(concatUpdates([...records.slice(0, 5), records[5]!.subarray(0, records[5]!.length - 1)])).toBeNull();
    expect(concatUpdates([...records.slice(0, 5), new Uint8Array([1, 1, 200, 1, 0, 99])])).toBeNull();
    const joined = new UpdateConcatenation();
    expect(joined.add(records[1]!)).toBe(true);
    expect(joined.add(records[0]!)).toBe(false);
    expect(joined.add(records[2]!)).toBe(false);
    expect(joined.encode()).toBeNull();
  });

  it('keeps every deletion, merged per client', () => {
    const doc = new Y.Doc();
    const records: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => records.push(update));
    const text = doc.getText('t');
    text.insert(0, 'abcdefghijklmnopqrstuvwxyz');
    for (let i = 0; i < 10; i++) text.delete(i, 1);
    text.delete(0, text.length);
    const joined = concatUpdates(records)!;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, joined);
    expect(copy.getText('t').toString()).toBe('');
    expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(doc));
  });
});
