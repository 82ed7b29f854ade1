/**
 * A version's body as HTML, rendered on the server with the editor's own extensions
 * (lib/editor/bodyExtensions.ts) by Tiptap's static renderer, so the page shows what the editor
 * showed. The JSON is read through the editor's schema first (unknown nodes or marks are an error
 * rather than rendered; attributes the schema does not define are dropped), text and attributes are escaped by the
 * renderer, guiding text (a template's placeholders) is left out, and a link whose address is not http(s) or mailto keeps its text but loses the link.
 */
import type { JSONContent } from '@tiptap/core';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { bodyExtensions } from '../editor/bodyExtensions';
import { bodySchema } from './bodyJsonOf';
import { withoutGuides } from './withoutGuides';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Void elements the renderer writes XML-style (`<br/>`); written as HTML (`<br>`), as the editor's getHTML does. */
const SELF_CLOSED_VOID = /<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)((?: [^<>]*)?)\/>/g;

export function renderBodyHtml(body: JSONContent): string {
  // Not node.check(): content in an order the schema would not make (Yjs merges can leave that) is
  // still only known nodes with escaped text, and refusing it would make the document unpublishable.
  const node = bodySchema().nodeFromJSON(withSafeLinks(withoutGuides(body)));
  // Text and attribute values are escaped (no raw `<` or `>` in them), so tags are all that matches.
  return renderToHTMLString({ content: node, extensions: bodyExtensions() }).replace(SELF_CLOSED_VOID, '<$1$2>');
}

/** True for an absolute http(s) or mailto address (as a browser would parse it). */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  try {
    return SAFE_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

/** A copy without link marks whose href is not safe. */
function withSafeLinks(node: JSONContent): JSONContent {
  const copy: JSONContent = { ...node };
  if (node.marks) copy.marks = node.marks.filter((mark) => mark.type !== 'link' || isSafeHref(mark.attrs?.['href']));
  if (node.content) copy.content = node.content.map(withSafeLinks);
  return copy;
}
