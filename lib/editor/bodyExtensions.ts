/**
 * The document body's schema: the Tiptap extensions that define which nodes and marks exist.
 * Shared by the browser editor (which adds collaboration on top) and the server (seeding new
 * documents, rendering), so both agree on one schema.
 */
import StarterKit from '@tiptap/starter-kit';
import type { AnyExtension } from '@tiptap/core';

export function bodyExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs brings its own undo manager; ProseMirror's history would fight it.
      undoRedo: false,
      // Level 1 is the document's title (DocumentMeta.title, the page's one h1), never in the body.
      // A level-1 heading in an older body renders as h2 (Tiptap falls back to the first level).
      heading: { levels: [2, 3, 4] },
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['http', 'https', 'mailto'] },
    }),
  ];
}
