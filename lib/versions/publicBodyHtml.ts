/**
 * A version's body as a public page shows it under its own h1 (the version's title): the body's
 * leading title heading is dropped when it repeats that title (bodies made before the title became
 * the page's alone began with one, and a page has one h1), and the remaining headings move down one
 * level only if an h1 is left, so the outline neither repeats the title nor skips a level. (The
 * editor's schema renders headings as h2–h4, a level-1 heading of an older body included.)
 */
import type { JSONContent } from '@tiptap/core';
import { shiftHeadings } from './shiftHeadings';

const LEADING_HEADING = /^\s*<h([1-6])(?:\s[^>]*)?>/i;
const ANY_H1 = /<h1(?=[\s/>])/i;

function plainText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(plainText).join('');
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export function publicBodyHtml(title: string, body: JSONContent, html: string): string {
  let rest = html;
  const first = body.content?.[0];
  if (first?.type === 'heading' && first.attrs?.level === 1 && normalise(plainText(first)) === normalise(title)) {
    const open = LEADING_HEADING.exec(rest);
    const close = open ? new RegExp(`</h${open[1]}\\s*>`, 'i').exec(rest) : null;
    if (open && close) rest = rest.slice(close.index + close[0].length);
  }
  return shiftHeadings(rest, ANY_H1.test(rest) ? 1 : 0);
}
