/**
 * A link target an export may carry: http(s) and mailto (what the editor's link extension allows),
 * or a reference without a scheme. Anything else (`javascript:`, `data:`, …) is dropped, the link's
 * text kept, so a forged body cannot make an export run or load something.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.length > 2048) return null;
  // Browsers ignore tabs and line ends inside a scheme (`java\tscript:`): judge what they would see.
  const visible = trimmed.replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(visible)?.[1];
  if (scheme === undefined) return /^\/\//.test(visible) ? null : visible;
  return ALLOWED.has(`${scheme.toLowerCase()}:`) ? visible : null;
}
