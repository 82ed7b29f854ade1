/**
 * A version's body as HTML, rendered on the server with the editor's own extensions
 * (lib/editor/bodyExtensions.ts) by Tiptap's static renderer, so the page shows what the editor
 * showed. The JSON is read through the editor's schema first (unknown nodes or marks, or content
 * the schema forbids, are an error rather than rendered), text and attributes are escaped by the
 * renderer, and a link whose address is not http(s) or mailto keeps its text but loses the link.
 */
import type { JSONContent } from '@tiptap/core';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { bodyExtensions } from '../editor/bodyExtensions';
import { bodySchema } from './bodyJsonOf';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function renderBodyHtml(body: JSONContent): string {
  const node = bodySchema().nodeFromJSON(withSafeLinks(body));
  node.check();
  return renderToHTMLString({ content: node, extensions: bodyExtensions() });
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
