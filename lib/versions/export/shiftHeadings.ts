/**
 * Moves every heading of a piece of HTML `by` levels down (h1 → h2, …, at most h6), so a body
 * under the export's own title keeps exactly one h1. Only for HTML our renderers made: their text
 * and attribute values escape `<`, so every `<h` here is a tag.
 */
export function shiftHeadings(html: string, by: number): string {
  return html.replace(
    /<(\/?)h([1-6])(?=[\s/>])/gi,
    (_whole, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + by)}`,
  );
}
