/**
 * Guiding text (issue 14): a paragraph may carry a `guide` attribute, a question for the writers
 * ("Hvad vil projektet opnå, og for hvem?"). It is part of the shared body (a node attribute in the
 * Yjs document, so every client shows it) but never text: while the paragraph is empty the editor
 * shows the guide as a placeholder (a node decoration whose CSS `::before` shows `data-guide`;
 * generated content is in the accessibility tree, so screen readers read it with the empty line),
 * and it disappears as soon as someone writes there. The renderers skip it (renderHTML writes
 * nothing for it, and lib/versions/withoutGuides.ts drops an empty guided paragraph), so it never
 * reaches a published version or an export; it is not parsed from HTML (so a paste never makes one)
 * and not kept on split (Enter at the end of a written guided paragraph makes a plain one).
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** The longest guide kept (templates write short questions; anything longer is cut). */
export const GUIDE_MAX_LENGTH = 300;

const guideKey = new PluginKey('guidePlaceholder');

/** The guide of a node's attributes, or null (not a string, or empty). */
export function guideOf(attrs: Record<string, unknown> | undefined): string | null {
  const guide = attrs?.['guide'];
  return typeof guide === 'string' && guide.trim() !== '' ? guide.slice(0, GUIDE_MAX_LENGTH) : null;
}

export const GuidePlaceholder = Extension.create({
  name: 'guidePlaceholder',

  addGlobalAttributes() {
    return [
      {
        types: ['paragraph'],
        attributes: {
          guide: {
            default: null,
            keepOnSplit: false,
            parseHTML: () => null,
            renderHTML: () => ({}),
          },
        },
      },
    ];
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: guideKey,
        props: {
          decorations: ({ doc }) => {
            const decorations: Decoration[] = [];
            doc.descendants((node, pos) => {
              if (node.type.name !== 'paragraph') return true;
              const guide = guideOf(node.attrs);
              if (guide !== null && node.content.size === 0) {
                decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'guided-empty', 'data-guide': guide }));
              }
              return false;
            });
            return DecorationSet.create(doc, decorations);
          },
        },
      }),
    ];
  },
});
