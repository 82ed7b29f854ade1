/**
 * TEMPORARY bridge to the anchors (helper A's lib/comments/anchors): creating an anchor from the
 * editor's selection and placing an anchor in the editor. Until A lands this uses the relative
 * positions alone (no re-anchoring by quote); afterwards these two functions call A's.
 */
import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { Anchor, AnchorStatus } from '../../lib/comments/model';

export type Placed =
  { readonly status: Exclude<AnchorStatus, 'orphaned'>; readonly from: number; readonly to: number } | { readonly status: 'orphaned' };

interface SyncState {
  readonly type: Y.XmlFragment;
  readonly binding: { readonly mapping: Map<unknown, unknown> } | null;
}

const syncState = (editor: Editor) => ySyncPluginKey.getState(editor.state) as SyncState | undefined;

export function anchorFromSelection(editor: Editor): Anchor | null {
  const { from, to, empty } = editor.state.selection;
  const state = syncState(editor);
  if (empty || !state?.binding) return null;
  const doc = editor.state.doc;
  const exact = doc.textBetween(from, to, '\n');
  if (exact.trim() === '') return null;
  const mapping = state.binding.mapping as never;
  return {
    start: Y.relativePositionToJSON(absolutePositionToRelativePosition(from, state.type, mapping)),
    end: Y.relativePositionToJSON(absolutePositionToRelativePosition(to, state.type, mapping)),
    quote: {
      prefix: doc.textBetween(Math.max(0, from - 32), from, '\n').slice(-32),
      exact,
      suffix: doc.textBetween(to, Math.min(doc.content.size, to + 32), '\n').slice(0, 32),
    },
  };
}

export function placeAnchor(editor: Editor, ydoc: Y.Doc, anchor: Anchor): Placed {
  const state = syncState(editor);
  if (!state?.binding) return { status: 'orphaned' };
  const mapping = state.binding.mapping as never;
  const from = relativePositionToAbsolutePosition(ydoc, state.type, Y.createRelativePositionFromJSON(anchor.start), mapping);
  const to = relativePositionToAbsolutePosition(ydoc, state.type, Y.createRelativePositionFromJSON(anchor.end), mapping);
  if (from === null || to === null || from >= to) return { status: 'orphaned' };
  return { status: 'anchored', from, to };
}
