/**
 * HTML that Samskriv's own renderers wrote (the høringsnotat, a version's body) as ProseMirror-like
 * JSON, so the DOCX writer (bodyToDocx) can turn any of them into Word structure: headings (h1–h6),
 * paragraphs, lists (an ordered list's start kept), quotes, code, rules, tables, line breaks, links and
 * emphasis; containers (main, section, article, div, …) are looked through, definition lists become
 * a bold term and its paragraph. Not a general HTML parser: the input is well-formed and escaped by
 * us; anything unknown keeps its text.
 */
import type { JSONContent } from '@tiptap/core';

interface Element {
  readonly tag: string;
  readonly attrs: Record<string, string>;
  readonly children: Node[];
}
type Node = Element | string;

const VOID = new Set(['br', 'hr', 'meta', 'link', 'img', 'input', 'wbr', 'col', 'area', 'base', 'source']);
/** Elements whose content is not document text. */
const SKIPPED = new Set(['head', 'title', 'style', 'script', 'template', 'noscript']);
const BLOCK = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'hr',
  'dl',
  'dt',
  'dd',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'figure',
  'body',
  'html',
  'table',
  'tr',
]);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

const TOKEN =
  /<!--[^]*?-->|<![^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|([^<]+|<)/g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function parse(html: string): Element {
  const root: Element = { tag: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  for (const [, slash, rawTag, rawAttrs = '', text] of html.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.children.push(decodeEntities(text));
      continue;
    }
    if (rawTag === undefined) continue;
    const tag = rawTag.toLowerCase();
    if (slash) {
      // Close the nearest open element of this name (and anything left open inside it).
      const at = stack.map((element) => element.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, name, double, single, bare] of rawAttrs.matchAll(ATTR))
      attrs[name!.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '');
    const element: Element = { tag, attrs, children: [] };
    top.children.push(element);
    if (!VOID.has(tag)) stack.push(element);
  }
  return root;
}

type Mark = { type: string; attrs?: Record<string, unknown> };

function markOf(element: Element): Mark | null {
  switch (element.tag) {
    case 'strong':
    case 'b':
      return { type: 'bold' };
    case 'em':
    case 'i':
      return { type: 'italic' };
    case 'u':
      return { type: 'underline' };
    case 's':
    case 'del':
    case 'strike':
      return { type: 'strike' };
    case 'code':
    case 'kbd':
    case 'samp':
      return { type: 'code' };
    case 'a':
      return element.attrs.href ? { type: 'link', attrs: { href: element.attrs.href } } : null;
    default:
      return null;
  }
}

function inline(nodes: readonly Node[], marks: readonly Mark[], out: JSONContent[]): JSONContent[] {
  for (const node of nodes) {
    if (typeof node === 'string') {
      const text = node.replace(/\s+/g, ' ');
      if (text !== '') out.push({ type: 'text', text, ...(marks.length > 0 ? { marks: [...marks] } : {}) });
    } else if (node.tag === 'br') out.push({ type: 'hardBreak' });
    else if (node.tag === 'span' && node.attrs['data-type'] === 'mention' && node.attrs['data-id']) {
      // The editor's "@Name" (its mention node), read back as one.
      const label = node.attrs['data-label'] ?? '';
      out.push({ type: 'mention', attrs: { id: node.attrs['data-id'], label, mentionSuggestionChar: '@' } });
    } else if (!SKIPPED.has(node.tag)) {
      const mark = markOf(node);
      inline(node.children, mark ? [...marks, mark] : marks, out);
    }
  }
  return out;
}

/** Collapsed whitespace as the browser shows it: none at the ends of a line, one space between words. */
function tidy(nodes: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    const previous = out[out.length - 1];
    if (node.type === 'text') {
      let text = node.text!;
      const atLineStart = !previous || previous.type === 'hardBreak' || (previous.type === 'text' && previous.text!.endsWith(' '));
      if (atLineStart) text = text.replace(/^ +/, '');
      if (text !== '') out.push({ ...node, text });
    } else {
      // A line break ends a line (no space before it); a mention sits within one, between words.
      if (previous?.type === 'text' && node.type !== 'mention') previous.text = previous.text!.replace(/ +$/, '');
      out.push(node);
    }
  }
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text = last.text!.replace(/ +$/, '');
  return out.filter((node) => node.type !== 'text' || node.text !== '');
}

function paragraph(nodes: readonly Node[], marks: readonly Mark[] = []): JSONContent | null {
  const content = tidy(inline(nodes, marks, []));
  return content.length === 0 ? null : { type: 'paragraph', content };
}

function textOf(node: Node): string {
  return typeof node === 'string' ? node : node.tag === 'br' ? '\n' : node.children.map(textOf).join('');
}

function isBlock(node: Node): boolean {
  return typeof node !== 'string' && BLOCK.has(node.tag);
}

function listItem(element: Element): JSONContent {
  const content = blocks(element.children);
  return {
    type: 'listItem',
    content: content.length > 0 && content[0]!.type === 'paragraph' ? content : [{ type: 'paragraph' }, ...content],
  };
}

/** The table's rows, wherever they sit (thead, tbody, tfoot), not those of a table nested in a cell. */
function rowsOf(element: Element): Element[] {
  return element.children.flatMap((child) =>
    typeof child === 'string' || child.tag === 'table' ? [] : child.tag === 'tr' ? [child] : rowsOf(child),
  );
}

function tableCell(element: Element): JSONContent {
  const content = blocks(element.children);
  const span = (value: string | undefined) => Math.max(1, Number.parseInt(value ?? '1', 10) || 1);
  return {
    type: element.tag === 'th' ? 'tableHeader' : 'tableCell',
    attrs: { colspan: span(element.attrs.colspan), rowspan: span(element.attrs.rowspan) },
    content: content.length > 0 ? content : [{ type: 'paragraph' }],
  };
}

function block(element: Element): JSONContent[] {
  const { tag } = element;
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    const content = tidy(inline(element.children, [], []));
    return content.length === 0 ? [] : [{ type: 'heading', attrs: { level: Number(heading[1]) }, content }];
  }
  switch (tag) {
    case 'p': {
      const p = paragraph(element.children);
      return p ? [p] : [];
    }
    case 'ul':
    case 'ol': {
      const items = element.children.filter((child): child is Element => typeof child !== 'string' && child.tag === 'li').map(listItem);
      if (items.length === 0) return [];
      if (tag === 'ul') return [{ type: 'bulletList', content: items }];
      const start = Number.parseInt(element.attrs.start ?? '1', 10);
      return [{ type: 'orderedList', attrs: { start: Number.isFinite(start) ? start : 1 }, content: items }];
    }
    case 'blockquote': {
      const content = blocks(element.children);
      return content.length === 0 ? [] : [{ type: 'blockquote', content }];
    }
    case 'pre': {
      const code = textOf(element).replace(/\n$/, '');
      const inner = element.children.find((child): child is Element => typeof child !== 'string' && child.tag === 'code');
      const language = /(?:^|\s)language-([\w+#.-]+)/.exec(inner?.attrs.class ?? '')?.[1] ?? null;
      return [{ type: 'codeBlock', attrs: { language }, content: code === '' ? [] : [{ type: 'text', text: code }] }];
    }
    case 'hr':
      return [{ type: 'horizontalRule' }];
    case 'table': {
      const rows = rowsOf(element)
        .map((row) =>
          row.children.filter((child): child is Element => typeof child !== 'string' && (child.tag === 'th' || child.tag === 'td')),
        )
        .filter((cells) => cells.length > 0)
        .map((cells) => ({ type: 'tableRow', content: cells.map(tableCell) }));
      return rows.length === 0 ? [] : [{ type: 'table', content: rows }];
    }
    case 'dt': {
      const p = paragraph(element.children, [{ type: 'bold' }]);
      return p ? [p] : [];
    }
    default:
      return SKIPPED.has(tag) ? [] : blocks(element.children);
  }
}

/** Blocks of a container; inline content between blocks becomes a paragraph of its own. */
function blocks(nodes: readonly Node[]): JSONContent[] {
  const out: JSONContent[] = [];
  let loose: Node[] = [];
  const flush = () => {
    const p = paragraph(loose);
    if (p) out.push(p);
    loose = [];
  };
  for (const node of nodes) {
    if (isBlock(node)) {
      flush();
      out.push(...block(node as Element));
    } else if (typeof node === 'string' || !SKIPPED.has(node.tag)) loose.push(node);
  }
  flush();
  return out;
}

/** The document's body as `{ type: 'doc', content }`. */
export function htmlToBody(html: string): JSONContent {
  return { type: 'doc', content: blocks(parse(html).children) };
}

/** The text of the document's <title>, if any. */
export function htmlTitle(html: string): string | null {
  const match = /<title\b[^>]*>([^<]*)<\/title>/i.exec(html);
  return match ? decodeEntities(match[1]!).replace(/\s+/g, ' ').trim() : null;
}
