/**
 * A body as readers get it: an empty paragraph that carries only a guiding question (a template's
 * placeholder, lib/editor/guidePlaceholder.ts) is dropped, and the `guide` attribute is emptied on
 * every other node, so no guide reaches a published version or an export. A guided paragraph that
 * someone has written in keeps its text. Bodies without guides (older documents, whose guiding
 * questions were real text) come back unchanged.
 */
import type { JSONContent } from '@tiptap/core';

function isEmptyGuided(node: JSONContent): boolean {
  return node.type === 'paragraph' && node.attrs?.['guide'] != null && (node.content ?? []).length === 0;
}

export function withoutGuides(node: JSONContent): JSONContent {
  const copy: JSONContent = { ...node };
  if (node.attrs?.['guide'] != null) copy.attrs = { ...node.attrs, guide: null };
  if (node.content) {
    // Renderers read the JSON without checking content rules, so a step left without paragraphs renders as empty.
    copy.content = node.content.filter((child) => !isEmptyGuided(child)).map(withoutGuides);
  }
  return copy;
}

/**
 * The JSON without `guide: null` (a paragraph without guiding text), and without `attrs` left empty
 * by that: the body JSON of a document without guides stays what it was before guides existed, so
 * its content hash ("nothing changed since version n") and stored versions compare as before.
 */
export function withoutNullGuides(node: JSONContent): JSONContent {
  const copy: JSONContent = { ...node };
  if (node.attrs && 'guide' in node.attrs && node.attrs['guide'] == null) {
    const { guide: _none, ...attrs } = node.attrs;
    if (Object.keys(attrs).length > 0) copy.attrs = attrs;
    else delete copy.attrs;
  }
  if (node.content) copy.content = node.content.map(withoutNullGuides);
  return copy;
}
