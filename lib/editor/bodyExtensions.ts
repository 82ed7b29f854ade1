/**
 * The document body's schema: the Tiptap extensions that define which nodes and marks exist.
 * Shared by the browser editor (which adds collaboration on top) and the server (seeding new
 * documents, rendering), so both agree on one schema.
 *
 * Changing the schema is a protocol change (BODY_SCHEMA_VERSION in lib/protocol.ts): an editor with
 * an older schema deletes the nodes it does not know from the shared document (y-prosemirror drops
 * what its schema cannot build), so the sync server turns a client that names an older version into
 * a reader. Version 2 added `mention`; version 3 added tables (`table`, `tableRow`, `tableHeader`,
 * `tableCell`); version 4 the toolbox's paragraph guides and impact chain (issue 14). Underline and
 * strike have been in the schema since version 1 (StarterKit's).
 */
import StarterKit from '@tiptap/starter-kit';
import type { AnyExtension } from '@tiptap/core';
import Mention, { type MentionOptions } from '@tiptap/extension-mention';
import { TableKit } from '@tiptap/extension-table';
import { mentionLabel } from './mentionLabel';
import { toolboxExtensions } from './toolboxExtensions';

export { mentionLabel };

/** The browser editor's suggestion settings for "@" (the server's schema needs none). */
export type MentionSuggestion = MentionOptions['suggestion'];

export function bodyExtensions(options: { readonly mentionSuggestion?: MentionSuggestion } = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs brings its own undo manager; ProseMirror's history would fight it.
      undoRedo: false,
      // Level 1 is the document's title (DocumentMeta.title, the page's one h1), never in the body.
      // A level-1 heading in an older body renders as h2 (Tiptap falls back to the first level).
      heading: { levels: [2, 3, 4] },
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['http', 'https', 'mailto'] },
    }),
    // "@Name": a person who can read the document (issue 12); its id lets the server tell them once.
    Mention.configure({
      HTMLAttributes: { class: 'mention' },
      renderText: ({ node }) => `@${mentionLabel(node.attrs)}`,
      renderHTML: ({ options, node }) => ['span', options.HTMLAttributes, `@${mentionLabel(node.attrs)}`],
      ...(options.mentionSuggestion && { suggestion: options.mentionSuggestion }),
    }),
    // Tables (version 3): the editor inserts them with a header row (th), which screen readers
    // announce as column headers. No column resizing: widths would be one person's screen.
    TableKit.configure({ table: { resizable: false } }),
    ...toolboxExtensions(),
  ];
}
