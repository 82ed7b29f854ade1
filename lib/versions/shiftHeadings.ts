/**
 * Moves every heading of a version's stored HTML `by` levels down (h1 → h2 …, never past h6), so
 * the body sits under the page's own h1. Safe on that HTML only because the static renderer
 * escapes `<` in text and attribute values (`&lt;`): a `<h1`…`<h6` or `</h1`…`</h6` there is a tag.
 */
const HEADING_TAG = /<(\/?)h([1-6])(?=[\s/>])/gi;

export function shiftHeadings(html: string, by: number): string {
  if (by === 0) return html;
  return html.replace(HEADING_TAG, (_tag, close: string, level: string) => `<${close}h${Math.min(6, Math.max(1, Number(level) + by))}`);
}
