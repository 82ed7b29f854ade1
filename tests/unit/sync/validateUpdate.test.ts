import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { endClocks, validateUpdate as validateScoped } from '../../../server/sync/validateUpdate';

/** These tests are about well-formedness: any root, nothing retired (validateUpdateScope.test.ts has the rest). */
const anyScope = { roots: new Set(['t', 'm']), retired: new Set<number>() };
const validateUpdate = (update: Uint8Array) => validateScoped(update, anyScope);

function textDoc(text: string, clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  doc.getText('t').insert(0, text);
  return doc;
}

describe('validateUpdate', () => {
  it('accepts real updates, incremental ones and empty ones', () => {
    const doc = textDoc('hello');
    const before = Y.encodeStateVector(doc);
    doc.getText('t').delete(0, 2);
    doc.getText('t').insert(3, 'p');
    expect(validateUpdate(Y.encodeStateAsUpdate(doc)).ok).toBe(true);
    expect(validateUpdate(Y.encodeStateAsUpdate(doc, before)).ok).toBe(true);
    expect(validateUpdate(new Uint8Array([0, 0])).ok).toBe(true);
  });

  it.each([
    ['empty', new Uint8Array()],
    ['one byte', new Uint8Array([1])],
    ['random bytes', new Uint8Array([1, 2, 3, 4, 5, 6, 250, 17])],
    ['an unknown content type', new Uint8Array([1, 1, 5, 0, 31, 1, 1, 116, 0, 0])],
  ])('refuses %s', (_name, update) => {
    expect(validateUpdate(update).ok).toBe(false);
  });

  it('refuses an overlong varint that Yjs would decode as a NaN client id', () => {
    const update = Y.encodeStateAsUpdate(textDoc('hello', 7));
    // [clients=1, structs=1, client=7, clock=0, ...]: replace the client varint by 160 bytes of 0x80 and a 0.
    expect([...update.slice(0, 4)]).toEqual([1, 1, 7, 0]);
    const hostile = new Uint8Array([1, 1, ...new Array(160).fill(0x80), 0, ...update.slice(3)]);
    // What happens without the check: the NaN id gets into the doc.
    const victim = new Y.Doc();
    Y.applyUpdate(victim, hostile);
    expect([...victim.store.clients.keys()].some(Number.isNaN)).toBe(true);
    expect(validateUpdate(hostile)).toEqual({ ok: false, error: 'bad-struct-id' });
  });

  it('refuses a subdocument', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('sub', new Y.Doc());
    expect(validateUpdate(Y.encodeStateAsUpdate(doc))).toEqual({ ok: false, error: 'subdocument' });
  });

  it('gives the clock after the last struct of each client, also for incremental updates', () => {
    const doc = textDoc('abc', 11);
    const sv = Y.encodeStateVector(doc);
    doc.getText('t').insert(3, 'de');
    const incremental = validateUpdate(Y.encodeStateAsUpdate(doc, sv));
    if (!incremental.ok) throw new Error('expected valid');
    expect(endClocks(incremental.structs)).toEqual(new Map([[11, 5]]));
    // Yjs's own helper ignores updates that do not start at clock 0:
    expect(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.encodeStateAsUpdate(doc, sv)))).toEqual(new Map());
  });
});
