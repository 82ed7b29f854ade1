/**
 * The comments panel's use of the anchors (lib/comments/anchors): an anchor for the editor's
 * selection, and where each thread's passage is in the editor now (resolved by relative
 * positions, re-anchored by quote, or orphaned), as ProseMirror ranges for highlights and
 * selection, plus the plain-text offset for ordering by passage.
 */
import type { Editor } from '@tiptap/core';
import type { Anchor, AnchorStatus } from '../../lib/comments/model';
import { AnchorRangeError } from '../../lib/comments/anchors/anchorFromRange';
import { anchorFromSelection, resolveInEditor } from '../../lib/comments/anchors/proseMirrorBridge';

export type Placed =
  | {
      readonly status: Exclude<AnchorStatus, 'orphaned'>;
      /** ProseMirror range of the passage now. */
      readonly from: number;
      readonly to: number;
      /** Plain-text offset of the passage (documentText), for ordering by passage. */
      readonly at: number;
      /** The passage's text now ("\n" between blocks). */
      readonly text: string;
    }
  | { readonly status: 'orphaned' };

export type SelectionAnchor =
  { readonly ok: true; readonly anchor: Anchor } | { readonly ok: false; readonly reason: 'empty' | 'too_long' };

/** The anchor for the editor's selection, or why there is none (nothing selected, or too long a passage). */
export function anchorForSelection(editor: Editor): SelectionAnchor {
  try {
    const anchor = anchorFromSelection(editor);
    return anchor ? { ok: true, anchor } : { ok: false, reason: 'empty' };
  } catch (error) {
    if (error instanceof AnchorRangeError) return { ok: false, reason: 'too_long' };
    throw error;
  }
}

/**
 * Where each anchor's passage is in the editor now (reads the body once). Null where a passage
 * resolves but cannot be mapped into the editor yet (its copy is behind): not placed, not orphaned.
 */
export function placeAnchors(editor: Editor, anchors: readonly Anchor[]): (Placed | null)[] {
  if (editor.isDestroyed || anchors.length === 0) return anchors.map(() => null);
  return resolveInEditor(editor, anchors).map(({ resolved, range }) => {
    if (resolved.status === 'orphaned') return { status: 'orphaned' };
    if (!range) return null;
    return { status: resolved.status, from: range.from, to: range.to, at: resolved.from, text: resolved.text };
  });
}
