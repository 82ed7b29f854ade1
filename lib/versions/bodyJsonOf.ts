/**
 * The body of a Yjs document state as ProseMirror JSON: the `default` fragment read through the
 * editor's own schema (lib/editor/bodyExtensions.ts), so a version holds what the editor showed.
 */
import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { bodyExtensions } from '../editor/bodyExtensions';
import { BODY_FRAGMENT } from '../protocol';
import { withoutNullGuides } from './withoutGuides';

let schema: Schema | undefined;

/** The editor's schema, built once. */
export function bodySchema(): Schema {
  return (schema ??= getSchema(bodyExtensions()));
}

/** From a Yjs update (e.g. `Y.encodeStateAsUpdate`) to `{ type: 'doc', content: [...] }`. */
export function bodyJsonOf(state: Uint8Array): JSONContent {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return bodyJsonOfDoc(doc);
  } finally {
    doc.destroy();
  }
}

/** The same for a Y.Doc already at hand. */
export function bodyJsonOfDoc(doc: Y.Doc): JSONContent {
  // A paragraph without guiding text reads as it did before guides existed (no `guide: null`).
  return withoutNullGuides(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), bodySchema()).toJSON() as JSONContent);
}
