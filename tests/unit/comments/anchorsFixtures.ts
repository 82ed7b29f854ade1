/**
 * Real Tiptap editors (StarterKit as the app configures it, plus Collaboration on the body
 * fragment) on real Y.Docs, seeded the way the server seeds new documents (encodeBody), and kept in
 * sync by exchanging Yjs updates by hand so tests choose when peers see each other's edits.
 * Needs a DOM: use in files with `// @vitest-environment happy-dom`.
 */
import * as Y from 'yjs';
import { Editor, type JSONContent } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { encodeBody } from '../../../lib/documents/encodeBody';

export const paragraph = (text: string): JSONContent =>
  text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] };
export const bodyOf = (...blocks: JSONContent[]): JSONContent => ({ type: 'doc', content: blocks });
export const paragraphs = (...texts: string[]): JSONContent => bodyOf(...texts.map(paragraph));

/** A Y.Doc holding the body the server would create from this content. */
export function seededDoc(content: JSONContent): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, encodeBody(content));
  return doc;
}

export function editorOn(doc: Y.Doc): Editor {
  return new Editor({
    element: document.createElement('div'),
    extensions: [...bodyExtensions(), Collaboration.configure({ document: doc, field: BODY_FRAGMENT })],
  });
}

/** Brings two docs up to date with each other (both directions). */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

export interface Peer {
  readonly doc: Y.Doc;
  readonly editor: Editor;
}

/** Two peers that start from the same seeded body (same history, like two browsers loading one document). */
export function twoPeers(content: JSONContent): [Peer, Peer] {
  const seed = encodeBody(content);
  const peer = (): Peer => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seed);
    return { doc, editor: editorOn(doc) };
  };
  return [peer(), peer()];
}

/** ProseMirror position of the `nth` occurrence of `needle` in the editor's text (textBetween with "\n" between blocks). */
export function proseMirrorPositionOf(editor: Editor, needle: string, nth = 0): number {
  let found = -1;
  let seen = 0;
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    let at = node.text!.indexOf(needle);
    while (at >= 0) {
      if (seen++ === nth) {
        found = pos + at;
        return false;
      }
      at = node.text!.indexOf(needle, at + 1);
    }
    return true;
  });
  if (found < 0) throw new Error(`"${needle}" not found in one text node`);
  return found;
}

export function destroyAll(...peers: Peer[]): void {
  for (const { editor, doc } of peers) {
    editor.destroy();
    doc.destroy();
  }
}
