/**
 * The editor side of anchors: between ProseMirror positions in a Tiptap editor that runs the
 * Collaboration extension and the plain-text offsets of documentText, which the server uses too.
 *
 * Every conversion goes through Yjs, never through ProseMirror's own text: a ProseMirror position
 * becomes a Yjs position with y-tiptap's `absolutePositionToRelativePosition` (using the sync
 * binding's type-to-node mapping) and then a plain-text offset with `documentText.offsetOf`; the
 * way back is `documentText.locate` and `relativePositionToAbsolutePosition`. So an offset means the
 * same character in the browser and on the server.
 *
 * Browser-safe (no DOM access of its own). An editor without the Collaboration extension yields
 * null. The editor must be bound to the body fragment (BODY_FRAGMENT), as the app's editor is.
 */
import type { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
  type ProsemirrorBinding,
} from '@tiptap/y-tiptap';
import type { Anchor } from '../model';
import { AnchorRangeError, anchorFromText } from './anchorFromRange';
import { documentText, type DocumentText, type TextLocation } from './documentText';
import { resolveAnchors, type ResolvedAnchor } from './resolveAnchor';

/** A range [from, to): ProseMirror positions or plain-text offsets, as the function says. */
export interface TextRange {
  readonly from: number;
  readonly to: number;
}

interface Sync {
  readonly doc: Y.Doc;
  readonly type: Y.XmlFragment;
  readonly mapping: ProsemirrorBinding['mapping'];
}

function syncOf(editor: Editor): Sync | null {
  const state = ySyncPluginKey.getState(editor.state) as { binding?: ProsemirrorBinding | null } | undefined;
  const binding = state?.binding;
  if (!binding || !binding.doc || !binding.type) return null;
  return { doc: binding.doc, type: binding.type, mapping: binding.mapping };
}

function plainOffset(editor: Editor, sync: Sync, model: DocumentText, position: number): number | null {
  if (!Number.isFinite(position)) return null;
  const clamped = Math.min(Math.max(0, Math.round(position)), editor.state.doc.content.size);
  try {
    const relative = absolutePositionToRelativePosition(clamped, sync.type, sync.mapping) as Y.RelativePosition;
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, sync.doc);
    return absolute ? model.offsetOf(absolute.type, absolute.index) : null;
  } catch {
    // y-tiptap throws on a mapping out of step with the document; callers get "no range".
    return null;
  }
}

function proseMirrorPosition(sync: Sync, location: TextLocation | null): number | null {
  if (!location) return null;
  // assoc -1: a position that sticks to the character before it, so y-tiptap never mistakes a
  // position at the start of the first paragraph for a misresolved one (it refuses those at ≤ 1).
  try {
    const relative = Y.createRelativePositionFromTypeIndex(location.type, location.index, -1);
    return relativePositionToAbsolutePosition(sync.doc, sync.type, relative, sync.mapping);
  } catch {
    return null;
  }
}

function plainRange(editor: Editor, sync: Sync, model: DocumentText, from: number, to: number): TextRange | null {
  const a = plainOffset(editor, sync, model, from);
  const b = plainOffset(editor, sync, model, to);
  return a === null || b === null ? null : { from: Math.min(a, b), to: Math.max(a, b) };
}

/** The plain-text range (documentText offsets) of the ProseMirror range [from, to); null without collaboration. */
export function plainRangeFromProseMirror(editor: Editor, from: number, to: number): TextRange | null {
  const sync = syncOf(editor);
  return sync ? plainRange(editor, sync, documentText(sync.type), from, to) : null;
}

/**
 * The anchor for the editor's current selection. `null` when nothing is selected, the selection
 * holds no text (only whitespace or block boundaries), or the editor has no collaboration binding.
 * Throws AnchorRangeError with code 'too_long' when the passage exceeds MAX_QUOTE_LENGTH.
 */
export function anchorFromSelection(editor: Editor): Anchor | null {
  const { from, to, empty } = editor.state.selection;
  const sync = syncOf(editor);
  if (empty || !sync) return null;
  const model = documentText(sync.type);
  const range = plainRange(editor, sync, model, from, to);
  if (!range || range.from >= range.to) return null;
  try {
    return anchorFromText(model, range.from, range.to);
  } catch (error) {
    if (error instanceof AnchorRangeError && error.code !== 'too_long') return null;
    throw error;
  }
}

/**
 * ProseMirror ranges of resolved passages (resolved against the editor's current document), in
 * the given order; null for orphaned ones and ones that no longer fit the document. Reads the body once.
 */
export function toProseMirrorRanges(editor: Editor, resolved: readonly ResolvedAnchor[]): Array<TextRange | null> {
  const sync = syncOf(editor);
  if (!sync) return resolved.map(() => null);
  const model = documentText(sync.type);
  return resolved.map(({ status, from, to }) => {
    if (status === 'orphaned' || !Number.isInteger(from) || !Number.isInteger(to) || from < 0 || from >= to || to > model.text.length) {
      return null;
    }
    const start = proseMirrorPosition(sync, model.locate(from, 'start'));
    const end = proseMirrorPosition(sync, model.locate(to, 'end'));
    return start === null || end === null || start >= end ? null : { from: start, to: end };
  });
}

/**
 * Resolves anchors against the editor's document (resolveAnchors) and maps the passages to
 * ProseMirror ranges (null when orphaned): what highlights need. Empty without collaboration.
 */
export function resolveInEditor(editor: Editor, anchors: readonly Anchor[]): Array<{ resolved: ResolvedAnchor; range: TextRange | null }> {
  const sync = syncOf(editor);
  if (!sync) return [];
  const resolved = resolveAnchors(sync.doc, anchors);
  const ranges = toProseMirrorRanges(editor, resolved);
  return resolved.map((one, i) => ({ resolved: one, range: ranges[i] ?? null }));
}

/** The ProseMirror range of one resolved passage (see toProseMirrorRanges). */
export function toProseMirrorRange(editor: Editor, resolved: ResolvedAnchor): TextRange | null {
  return toProseMirrorRanges(editor, [resolved])[0]!;
}
