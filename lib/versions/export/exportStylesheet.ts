/**
 * The stylesheet of exported HTML files and of what is printed to PDF: readable on screen and on
 * paper (A4, 2 cm margins, no page break inside a heading's first lines). The fonts are ones that
 * exist on the server that prints (Debian's fonts-dejavu, a dependency of chromium; Liberation where
 * installed) and cover æ, ø and å; readers of the HTML file fall back to their own sans-serif.
 */
import { IMPACT_CHAIN_STYLESHEET } from '../../editor/impactChainStyles';

export const EXPORT_FONT_STACK = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";
export const EXPORT_MONO_STACK = "'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace";

export const EXPORT_STYLESHEET = `
html { font-family: ${EXPORT_FONT_STACK}; font-size: 11pt; line-height: 1.5; color: #111; background: #fff; }
body { margin: 0 auto; padding: 2rem 1.5rem; max-width: 42rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 0.5em; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.8em; margin-top: 0; }
h2 { font-size: 1.4em; }
h3 { font-size: 1.2em; }
h4, h5, h6 { font-size: 1.05em; }
p, li, blockquote { orphans: 3; widows: 3; }
header { border-bottom: 1px solid #888; margin-bottom: 1.5em; padding-bottom: 0.5em; }
.meta { color: #333; }
a { color: #0b4a8b; text-decoration: underline; }
blockquote { margin: 1em 0; padding: 0 0 0 1em; border-left: 3px solid #888; }
code, pre { font-family: ${EXPORT_MONO_STACK}; font-size: 0.92em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0.6em 0.8em; border: 1px solid #bbb; background: #f4f4f4; break-inside: avoid; }
hr { border: 0; border-top: 1px solid #888; margin: 1.5em 0; }
dt { font-weight: bold; }
table { border-collapse: collapse; width: 100% !important; margin: 1em 0; }
th, td { border: 1px solid #888; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
th > p, td > p { margin: 0; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead, tr:has(> th) { break-after: avoid; }
@page { size: A4; margin: 2cm; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } pre { background: none; } }
${IMPACT_CHAIN_STYLESHEET}
`.trim();

/** What a page gets before it is printed: a policy that it loads and runs nothing, and the stylesheet. */
const PRINT_HEAD = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n<style>\n${EXPORT_STYLESHEET}\n</style>\n`;

/** A page of ours without styles (the høringsnotat, which the API serves unstyled) made ready for printing. */
export function printableHtml(html: string): string {
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, () => `${PRINT_HEAD}</head>`) : PRINT_HEAD + html;
}
