/**
 * Highlights of commented passages in the editor: ProseMirror inline decorations, never marks,
 * so they are not part of the document body (commenters cannot write to it, and nobody's
 * highlights reach anybody else's copy). The set is replaced with `setCommentHighlights` whenever
 * the resolved anchors change and is mapped through edits in between. Clicking a highlight
 * reports its thread.
 */
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface HighlightRange {
  readonly threadId: string;
  /** ProseMirror positions. */
  readonly from: number;
  readonly to: number;
  readonly kind: 'comment' | 'suggestion';
  /** The thread that is open in the list: emphasised. */
  readonly active: boolean;
}

export interface CommentHighlightsOptions {
  /** Called with the thread id of a highlight the person clicked (the innermost one). */
  onActivate: (threadId: string) => void;
}

export const commentHighlightsKey = new PluginKey<DecorationSet>('commentHighlights');

function decorationsFor(doc: Parameters<typeof DecorationSet.create>[0], ranges: readonly HighlightRange[]): DecorationSet {
  const size = doc.content.size;
  const decorations = ranges
    .filter((range) => range.from >= 0 && range.to <= size && range.from < range.to)
    // The active one last, so its class wins where passages overlap.
    .sort((a, b) => Number(a.active) - Number(b.active))
    .map((range) =>
      Decoration.inline(
        range.from,
        range.to,
        {
          class: `comment-highlight comment-highlight--${range.kind}${range.active ? ' comment-highlight--active' : ''}`,
          'data-thread-id': range.threadId,
        },
        { threadId: range.threadId },
      ),
    );
  return DecorationSet.create(doc, decorations);
}

export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { onActivate: () => undefined };
  },

  addProseMirrorPlugins() {
    const { onActivate } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(commentHighlightsKey) as readonly HighlightRange[] | undefined;
            return next ? decorationsFor(tr.doc, next) : set.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state),
          handleClick(view, pos) {
            const found = commentHighlightsKey.getState(view.state)?.find(pos, pos) ?? [];
            // The shortest passage around the click is the most specific one.
            const innermost = found.sort((a, b) => a.to - a.from - (b.to - b.from))[0];
            const threadId = (innermost?.spec as { threadId?: string } | undefined)?.threadId;
            if (threadId) onActivate(threadId);
            // Never swallow the click: the selection still moves as usual.
            return false;
          },
        },
      }),
    ];
  },
});

/** Replaces the highlighted passages (a selection-neutral transaction, kept out of undo history). */
export function setCommentHighlights(editor: Editor, ranges: readonly HighlightRange[]): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, ranges).setMeta('addToHistory', false));
}
