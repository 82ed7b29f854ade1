/**
 * Plain comment text with its web addresses recognised: the text is split into runs of text and
 * http(s) links, which the UI renders as React text nodes and `<a>` elements (never as HTML), so
 * nothing a person writes can become markup. Browser-safe.
 */

export type LinkPart =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'link'; readonly text: string; readonly href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that usually ends the sentence around a link rather than the link itself. */
const TRAILING = '.,;:!?\'"»”’)]}';
const OPENER: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

const count = (text: string, char: string) => text.split(char).length - 1;

/** Cuts sentence punctuation off a candidate, keeping a closing bracket the address itself opened. */
function trimCandidate(candidate: string): string {
  let value = candidate;
  while (value.length > 0) {
    const last = value[value.length - 1]!;
    if (!TRAILING.includes(last)) break;
    const opener = OPENER[last];
    // "https://da.wikipedia.org/wiki/Aarhus_(by)" keeps its ")".
    if (opener && count(value, opener) >= count(value, last)) break;
    value = value.slice(0, -1);
  }
  return value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Splits `text` into text and link parts, in order; joined, the parts' texts equal `text`. */
export function linkParts(text: string): LinkPart[] {
  const parts: LinkPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const candidate = trimCandidate(match[0]);
    if (!isHttpUrl(candidate)) continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: candidate, href: candidate });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
