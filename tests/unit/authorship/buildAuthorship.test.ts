/** From a body and its table to ranges in ProseMirror positions, contributors and sessions, names resolved. */
import { describe, expect, it } from 'vitest';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { AuthorshipTable } from '../../../lib/authorship/AuthorshipTable';
import { authorKeysOf, buildAuthorship } from '../../../lib/authorship/buildAuthorship';
import { resolveAuthors } from '../../../lib/authorship/resolveAuthors';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { bodyJsonOfDoc, bodySchema } from '../../../lib/versions/bodyJsonOf';
import { appendParagraph } from '../../helpers/bodyDoc';

const names = {
  personName: async (id: string) => ({ alice: 'Alice Andersen', bob: 'Bob Berg' })[id] ?? null,
  apiKeyName: async (id: string) => (id === 'k1' ? 'Borgerportalen' : null),
};

/** Stamps everything `change` writes into `doc` as `by`, like the server does. */
function written(doc: Y.Doc, table: AuthorshipTable, by: string, at: number, change: () => void): void {
  const before = new Map(Y.decodeStateVector(Y.encodeStateVector(doc)));
  change();
  const ranges = [...Y.decodeStateVector(Y.encodeStateVector(doc))]
    .map(([client, to]) => ({ client, from: before.get(client) ?? 0, to }))
    .filter((r) => r.to > r.from);
  table.add({ by, at, ranges });
}

describe('buildAuthorship', () => {
  it('maps each character to its author in ProseMirror positions; unstamped text is unknown', async () => {
    const doc = new Y.Doc();
    const table = new AuthorshipTable();
    // Old content, stored before attribution existed.
    appendParagraph(doc, 'Gammel');
    doc.clientID = 11;
    written(doc, table, 'person:alice', Date.UTC(2026, 11, 7, 9), () => appendParagraph(doc, 'Alice'));
    doc.clientID = 12;
    written(doc, table, 'person:bob', Date.UTC(2026, 11, 7, 10), () => {
      const second = doc.getXmlFragment(BODY_FRAGMENT).get(1) as Y.XmlElement;
      (second.get(0) as Y.XmlText).insert(5, ' og Bob');
    });
    doc.clientID = 13;
    written(doc, table, 'person:gone', Date.UTC(2026, 11, 7, 11), () => appendParagraph(doc, 'X'));
    const authors = await resolveAuthors(authorKeysOf(table), names);
    const answer = buildAuthorship(doc.getXmlFragment(BODY_FRAGMENT), bodySchema(), table, authors);

    // <p>Gammel</p> is 0..8 (text 1..7), <p>Alice og Bob</p> 8..22 (text 9..21), <p>X</p> 22..25 (text 23..24).
    expect(bodyJsonOfDoc(doc).content).toHaveLength(3);
    expect(answer.ranges).toEqual([
      { kind: 'unknown', personId: null, name: 'Ukendt', from: 1, to: 7, at: null },
      { kind: 'person', personId: 'alice', name: 'Alice Andersen', from: 9, to: 14, at: '2026-12-07T09:00:00.000Z' },
      { kind: 'person', personId: 'bob', name: 'Bob Berg', from: 14, to: 21, at: '2026-12-07T10:00:00.000Z' },
      { kind: 'former', personId: null, name: 'Tidligere deltager', from: 23, to: 24, at: '2026-12-07T11:00:00.000Z' },
    ]);
    // The positions are the editor's: the ProseMirror document y-tiptap builds holds exactly that text there.
    const pm = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), bodySchema());
    expect(answer.ranges.map((r) => pm.textBetween(r.from, r.to))).toEqual(['Gammel', 'Alice', ' og Bob', 'X']);
    expect(answer.contributors.map((c) => [c.name, c.chars])).toEqual([
      ['Bob Berg', 7],
      ['Alice Andersen', 5],
      ['Tidligere deltager', 1],
    ]);
    expect(answer.sessions.map((s) => [s.name, s.from, s.edits])).toEqual([
      ['Alice Andersen', '2026-12-07T09:00:00.000Z', 1],
      ['Bob Berg', '2026-12-07T10:00:00.000Z', 1],
      ['Tidligere deltager', '2026-12-07T11:00:00.000Z', 1],
    ]);
  });

  it('names API keys by their label and keeps deleted text out of the ranges', async () => {
    const doc = new Y.Doc();
    const table = new AuthorshipTable();
    doc.clientID = 21;
    written(doc, table, 'key:k1', 1000, () => appendParagraph(doc, 'Fra portalen'));
    doc.clientID = 22;
    written(doc, table, 'person:alice', 2000, () => {
      const text = (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete(0, 4);
    });
    const answer = buildAuthorship(
      doc.getXmlFragment(BODY_FRAGMENT),
      bodySchema(),
      table,
      await resolveAuthors(authorKeysOf(table), names),
    );
    expect(answer.ranges).toEqual([
      { kind: 'apiKey', personId: null, name: 'Borgerportalen', from: 1, to: 9, at: '1970-01-01T00:00:01.000Z' },
    ]);
    // Alice only deleted: a contributor with no characters, and a session.
    expect(answer.contributors.map((c) => [c.name, c.chars])).toEqual([
      ['Borgerportalen', 8],
      ['Alice Andersen', 0],
    ]);
  });
});
