import type { JSONContent } from '@tiptap/core';
import { mentionLabel } from '../../editor/mentionLabel';

/**
 * Inline content with each mention node as the text "@Name", for the exporters that walk text runs
 * themselves (Markdown, DOCX): they would otherwise skip an inline node they do not know.
 */
export function mentionsAsText(nodes: readonly JSONContent[] | undefined): JSONContent[] {
  return (nodes ?? []).map((node) =>
    node.type === 'mention'
      ? { type: 'text', text: `@${mentionLabel(node.attrs)}`, ...(node.marks && node.marks.length > 0 && { marks: node.marks }) }
      : node,
  );
}
