/**
 * restoreUpdate: a version restored as new edits on top of the current body. Bodies are real Yjs
 * documents edited as the editor edits them (XmlText inserts and deletes, formatting, paragraphs),
 * read back through the editor's schema.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { restoreUpdate } from '../../../lib/versions/restoreUpdate';
import type { VersionContent } from '../../../lib/versions/model';

const schema = getSchema(bodyExtensions());
const bodyOf = (doc: Y.Doc): JSONContent =>
  yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), schema).toJSON() as JSONContent;
const docOf = (state: Uint8Array): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};
/** The frozen content of a version, as the version service stores it. */
const versionOf = (doc: Y.Doc): { content: VersionContent } => ({
  content: { yjsState: Y.encodeStateAsUpdate(doc), body: bodyOf(doc), html: '' },
});
const clientsOf = (update: Uint8Array): number[] => [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).keys()];
/** Clients with structs in an update (incremental updates start above clock 0, which the state-vector helper skips). */
const authorsOf = (update: Uint8Array): number[] => [...new Set(Y.decodeUpdate(update).structs.map((struct) => struct.id.client))];

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Skolens fremtid' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Kommunen vil bygge en ny skole.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Den skal stå klar i 2028.' }] },
      ],
    },
    doc.getXmlFragment(BODY_FRAGMENT),
  );
  return doc;
}

const paragraphText = (doc: Y.Doc, index: number): Y.XmlText =>
  (doc.getXmlFragment(BODY_FRAGMENT).get(index) as Y.XmlElement).get(0) as Y.XmlText;

/** Edits as typing does: a word replaced, bold added, a paragraph added, another removed. */
function editAfterVersion(doc: Y.Doc): void {
  const second = paragraphText(doc, 1);
  const at = second.toString().indexOf('ny');
  doc.transact(() => {
    second.delete(at, 2);
    second.insert(at, 'stor');
  });
  second.format(0, 'Kommunen'.length, { bold: {} });
  const extra = new Y.XmlElement('paragraph');
  extra.insert(0, [new Y.XmlText('Et helt nyt afsnit.')]);
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  body.insert(body.length, [extra]);
  body.delete(2, 1);
}

/** A table (schema version 3) with a header row, underline and strike in its cells. */
const TABLE: JSONContent = {
  type: 'table',
  content: [
    {
      type: 'tableRow',
      content: [
        { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Skole' }] }] },
        { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'År' }] }] },
      ],
    },
    {
      type: 'tableRow',
      content: [
        { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nord', marks: [{ type: 'underline' }] }] }] },
        { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '2028', marks: [{ type: 'strike' }] }] }] },
      ],
    },
  ],
};

describe('restoreUpdate', () => {
  it('brings back a table with underline and strike, after it was deleted, on both paths', () => {
    const doc = seeded();
    const body = doc.getXmlFragment(BODY_FRAGMENT);
    const withTable = new Y.Doc();
    prosemirrorJSONToYXmlFragment(
      schema,
      { type: 'doc', content: [...bodyOf(doc).content!, TABLE] },
      withTable.getXmlFragment(BODY_FRAGMENT),
    );
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(withTable, Y.encodeStateVector(doc)));
    // (Merging a fresh document appends; the version is whatever the doc now holds, table included.)
    const version = versionOf(doc);
    expect(JSON.stringify(version.content.body)).toContain('"tableHeader"');
    // Where the merged table lands among the seeded blocks depends on the random client ids: find it.
    const at = body.toArray().findIndex((block) => block instanceof Y.XmlElement && block.nodeName === 'table');
    expect(at).toBeGreaterThanOrEqual(0);
    body.delete(at, 1);
    expect(JSON.stringify(bodyOf(doc))).not.toContain('"table"');

    const undone = restoreUpdate(Y.encodeStateAsUpdate(doc), version);
    expect(undone.path).toBe('undo');
    const copy = docOf(Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(copy, undone.update);
    expect(bodyOf(copy)).toEqual(version.content.body);

    const reset = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, bodyOf(doc), reset.getXmlFragment(BODY_FRAGMENT));
    const rewritten = restoreUpdate(Y.encodeStateAsUpdate(reset), version);
    expect(rewritten.path).toBe('rewrite');
    Y.applyUpdate(reset, rewritten.update);
    expect(bodyOf(reset)).toEqual(version.content.body);
  });

  it('undoes everything since the version when the history is the same (undo path), as a fresh client', () => {
    const doc = seeded();
    const version = versionOf(doc);
    editAfterVersion(doc);
    expect(bodyOf(doc)).not.toEqual(version.content.body);
    const current = Y.encodeStateAsUpdate(doc);

    const restored = restoreUpdate(current, version);
    expect(restored.path).toBe('undo');
    expect(clientsOf(current)).not.toContain(restored.clientId);
    expect(authorsOf(restored.update)).toEqual([restored.clientId]);

    // New edits on top: the old history is all still there, and the body is the version's again.
    Y.applyUpdate(doc, restored.update);
    expect(bodyOf(doc)).toEqual(version.content.body);
    expect(Y.encodeStateVector(doc)).not.toEqual(Y.encodeStateVectorFromUpdate(current));
  });

  it('rewrites the body from the version’s JSON after a history reset (rewrite path)', () => {
    const doc = seeded();
    const version = versionOf(doc);
    editAfterVersion(doc);
    // A reset: the same content as a fresh Y.Doc with new client ids (the old items are gone).
    const reset = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, bodyOf(doc), reset.getXmlFragment(BODY_FRAGMENT));
    paragraphText(reset, 0).insert(0, 'Ny: ');
    const current = Y.encodeStateAsUpdate(reset);
    expect(clientsOf(current).some((client) => clientsOf(version.content.yjsState).includes(client))).toBe(false);

    const restored = restoreUpdate(current, version);
    expect(restored.path).toBe('rewrite');
    expect(authorsOf(restored.update)).toEqual([restored.clientId]);
    Y.applyUpdate(reset, restored.update);
    expect(bodyOf(reset)).toEqual(version.content.body);
  });

  it('keeps an edit made concurrently with the restore (it merges with the restore’s edits)', () => {
    const server = seeded();
    const version = versionOf(server);
    editAfterVersion(server);
    const current = Y.encodeStateAsUpdate(server);
    // Someone types in the heading while the restore is computed from `current`.
    const editor = docOf(current);
    const heading = paragraphText(editor, 0);
    heading.insert(heading.length, ' – udkast');
    const concurrent = Y.encodeStateAsUpdate(editor, Y.encodeStateVectorFromUpdate(current));

    const restored = restoreUpdate(current, version);
    expect(restored.path).toBe('undo');
    for (const doc of [server, editor]) {
      Y.applyUpdate(doc, doc === server ? concurrent : restored.update);
      Y.applyUpdate(doc, doc === server ? restored.update : concurrent);
    }
    expect(bodyOf(server)).toEqual(bodyOf(editor));
    const expected = structuredClone(version.content.body);
    expected.content![0]!.content![0]!.text = 'Skolens fremtid – udkast';
    expect(bodyOf(server)).toEqual(expected);
  });

  it('brings back a paragraph’s text that was deleted and retyped since the version', () => {
    const doc = seeded();
    const version = versionOf(doc);
    // Restoring an older version later: a version with more text than now.
    const third = paragraphText(doc, 2);
    third.delete(0, third.length);
    third.insert(0, 'Tidsplanen er ukendt.');
    const restored = restoreUpdate(Y.encodeStateAsUpdate(doc), version);
    Y.applyUpdate(doc, restored.update);
    expect(bodyOf(doc)).toEqual(version.content.body);
  });

  it('changes nothing when the body already equals the version', () => {
    const doc = seeded();
    const version = versionOf(doc);
    const before = bodyOf(doc);
    const restored = restoreUpdate(Y.encodeStateAsUpdate(doc), version);
    expect(restored.path).toBe('undo');
    expect(Y.decodeUpdate(restored.update).structs).toHaveLength(0);
    Y.applyUpdate(doc, restored.update);
    expect(bodyOf(doc)).toEqual(before);
  });
});
