/**
 * "Fremhæv forfattere": the body highlighted by author as ProseMirror inline decorations, never
 * marks, so the document itself is untouched (nothing reaches the Y.Doc or anyone else's copy).
 * Each author has a colour AND an underline style (not colour alone), and the decoration carries
 * the name (`title` on hover; the history panel names the author at the cursor for keyboard and
 * screen reader users). The set is replaced with `setAuthorHighlights` and mapped through edits.
 */
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface AuthorHighlight {
  /** ProseMirror positions. */
  readonly from: number;
  readonly to: number;
  /** Which author style (0 … AUTHOR_STYLES - 1), or null for unknown authorship. */
  readonly style: number | null;
  readonly name: string;
}

/** Distinct author styles before they repeat (colour × underline pattern; see authorship.module.css). */
export const AUTHOR_STYLES = 8;

export const authorHighlightsKey = new PluginKey<DecorationSet>('authorHighlights');

export const authorClass = (style: number | null): string =>
  style === null ? 'author-mark author-mark--unknown' : `author-mark author-mark--${style % AUTHOR_STYLES}`;

function decorationsFor(doc: Parameters<typeof DecorationSet.create>[0], highlights: readonly AuthorHighlight[]): DecorationSet {
  const size = doc.content.size;
  return DecorationSet.create(
    doc,
    highlights
      .filter((h) => h.from >= 0 && h.to <= size && h.from < h.to)
      .map((h) => Decoration.inline(h.from, h.to, { class: authorClass(h.style), title: h.name, 'data-author': h.name }, { name: h.name })),
  );
}

export const AuthorHighlights = Extension.create({
  name: 'authorHighlights',

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: authorHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(authorHighlightsKey) as readonly AuthorHighlight[] | undefined;
            return next ? decorationsFor(tr.doc, next) : set.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => authorHighlightsKey.getState(state) },
      }),
    ];
  },
});

/** Replaces the highlights ([] removes them): a selection-neutral transaction, kept out of undo history. */
export function setAuthorHighlights(editor: Editor, highlights: readonly AuthorHighlight[]): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(authorHighlightsKey, highlights).setMeta('addToHistory', false));
}

/** The names of the highlighted authors at the selection (the caret's neighbours when it is empty), as the highlights are now. */
export function highlightedAuthorsAt(editor: Editor): string[] {
  const set = authorHighlightsKey.getState(editor.state);
  if (!set) return [];
  const { from, to } = editor.state.selection;
  const names = set.find(from, Math.max(to, from)).map((d) => (d.spec as { name?: string }).name ?? '');
  return [...new Set(names.filter((name) => name !== ''))];
}
