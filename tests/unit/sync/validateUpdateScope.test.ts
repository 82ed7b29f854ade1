import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT, DOCUMENT_ROOTS, WORKSHOP_MAP } from '../../../lib/protocol';
import { namesRetired, OUT_OF_SCOPE, validateUpdate } from '../../../server/sync/validateUpdate';

const roots = new Set(DOCUMENT_ROOTS);
const none = new Set<number>();

function bodyDoc(clientID: number, text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph]);
  return doc;
}

/** What `doc` sends for `change`: the update of that one transaction. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change();
  return Y.encodeStateAsUpdate(doc, before);
}

describe('validateUpdate: the document roots', () => {
  it('accepts the body, nested types and formatting inside it', () => {
    const doc = bodyDoc(1, 'Hej');
    const text = (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(validateUpdate(Y.encodeStateAsUpdate(doc), { roots, retired: none }).ok).toBe(true);
    const edit = updateOf(doc, () => {
      text.format(0, 3, { bold: true });
      (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).setAttribute('textAlign', 'left');
    });
    expect(validateUpdate(edit, { roots, retired: none }).ok).toBe(true);
  });

  it.each([
    ['a Y.Text root', (doc: Y.Doc) => doc.getText('trace').insert(0, 'spor')],
    ['a Y.Map root', (doc: Y.Doc) => doc.getMap('kommentarer').set('a', 1)],
    ['a Y.Array root', (doc: Y.Doc) => doc.getArray('liste').push([1])],
    ['another XmlFragment', (doc: Y.Doc) => doc.getXmlFragment('prosemirror').insert(0, [new Y.XmlElement('paragraph')])],
  ])('refuses %s, also beside a body edit', (_name, change) => {
    const alone = new Y.Doc();
    expect(
      validateUpdate(
        updateOf(alone, () => change(alone)),
        { roots, retired: none },
      ),
    ).toEqual({ ok: false, error: OUT_OF_SCOPE.unknownRoot });
    const mixed = bodyDoc(2, 'Synlig');
    const update = updateOf(mixed, () => mixed.transact(() => change(mixed)));
    expect(validateUpdate(update, { roots, retired: none })).toEqual({ ok: false, error: OUT_OF_SCOPE.unknownRoot });
  });

  it('refuses map entries on the body root (the body taken as a Y.Map)', () => {
    const doc = new Y.Doc();
    const update = updateOf(doc, () => doc.get(BODY_FRAGMENT, Y.Map).set('skjult', 'x'));
    expect(validateUpdate(update, { roots, retired: none })).toEqual({ ok: false, error: OUT_OF_SCOPE.unknownRoot });
  });

  it('refuses the root in a merged update too (a full state, as sync step 2 sends it)', () => {
    const doc = bodyDoc(3, 'Synlig');
    doc.getText('trace').insert(0, 'spor');
    expect(validateUpdate(Y.encodeStateAsUpdate(doc), { roots, retired: none })).toEqual({ ok: false, error: OUT_OF_SCOPE.unknownRoot });
  });
});

describe('validateUpdate: retired clients', () => {
  const old = bodyDoc(100, 'Gammel tekst');
  const retired = new Set([100]);

  it('refuses structs of a retired client', () => {
    expect(validateUpdate(Y.encodeStateAsUpdate(old), { roots, retired })).toEqual({ ok: false, error: OUT_OF_SCOPE.retired });
  });

  it('refuses a new client whose items refer to retired ones (origin, right origin, parent)', () => {
    const replica = new Y.Doc();
    replica.clientID = 200;
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(old));
    const paragraph = replica.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const afterOld = updateOf(replica, () => text.insert(text.length, '!'));
    const beforeOld = updateOf(replica, () => replica.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')]));
    const inOld = updateOf(replica, () => paragraph.setAttribute('textAlign', 'center'));
    for (const update of [afterOld, beforeOld, inOld]) {
      expect(validateUpdate(update, { roots, retired })).toEqual({ ok: false, error: OUT_OF_SCOPE.retired });
      expect(validateUpdate(update, { roots, retired: none }).ok).toBe(true);
    }
  });

  it('refuses a deletion of retired content', () => {
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(old));
    const update = updateOf(replica, () => replica.getXmlFragment(BODY_FRAGMENT).delete(0, 1));
    expect(Y.decodeUpdate(update).structs).toHaveLength(0);
    expect(validateUpdate(update, { roots, retired })).toEqual({ ok: false, error: OUT_OF_SCOPE.retired });
  });

  it('accepts the fresh history beside it', () => {
    const fresh = bodyDoc(300, 'Ny tekst');
    const text = (fresh.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(validateUpdate(Y.encodeStateAsUpdate(fresh), { roots, retired }).ok).toBe(true);
    expect(
      validateUpdate(
        updateOf(fresh, () => text.delete(0, 3)),
        { roots, retired },
      ).ok,
    ).toBe(true);
  });

  it('tells a sync step 1 that names a retired client', () => {
    expect(namesRetired(Y.encodeStateVector(old), retired)).toBe(true);
    expect(namesRetired(Y.encodeStateVector(bodyDoc(300, 'x')), retired)).toBe(false);
    expect(namesRetired(Y.encodeStateVector(new Y.Doc()), retired)).toBe(false);
    expect(namesRetired(Y.encodeStateVector(old), none)).toBe(false);
  });
});

describe('validateUpdate: the workshop map', () => {
  it('accepts keyed plain values and their removal', () => {
    const doc = new Y.Doc();
    const set = updateOf(doc, () => doc.getMap(WORKSHOP_MAP).set('check:formaal:q1', { by: { id: 'p1', name: 'Anna' }, at: 1 }));
    expect(validateUpdate(set, { roots, retired: none }).ok).toBe(true);
    const removed = updateOf(doc, () => doc.getMap(WORKSHOP_MAP).delete('check:formaal:q1'));
    expect(validateUpdate(removed, { roots, retired: none }).ok).toBe(true);
  });

  it.each([
    ['list items on it', (doc: Y.Doc) => doc.getArray(WORKSHOP_MAP).push(['x'])],
    ['a nested type in it', (doc: Y.Doc) => doc.getMap(WORKSHOP_MAP).set('nested', new Y.Map())],
    ['text on it', (doc: Y.Doc) => doc.getText(WORKSHOP_MAP).insert(0, 'skjult')],
  ])('refuses %s', (_what, change) => {
    const doc = new Y.Doc();
    expect(
      validateUpdate(
        updateOf(doc, () => change(doc)),
        { roots, retired: none },
      ),
    ).toEqual({ ok: false, error: OUT_OF_SCOPE.unknownRoot });
  });
});
