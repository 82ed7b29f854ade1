/**
 * A document body (ProseMirror JSON of the editor's schema, lib/editor/bodyExtensions.ts) as
 * CommonMark with GFM strikethrough. Text stays text: every character that could start markup is
 * escaped, and marks are opened and closed around whole runs with the whitespace outside the
 * delimiters (as prosemirror-markdown does), so `**bold **text` never happens. Underline has no
 * Markdown form and is kept as inline HTML `<u>…</u>` (CommonMark and GFM pass it through).
 * Tables are GFM tables (the first row is the header row; a table without one gets an empty
 * header, as GFM requires one), each cell's blocks on one line joined by `<br>`.
 * Tiptap's own renderToMarkdown is not used: it escapes for HTML, not Markdown, ignores an
 * ordered list's start and does not indent nested lists.
 */
import type { JSONContent } from '@tiptap/core';
import { safeHref } from './safeHref';
import { mentionsAsText } from './mentionsAsText';
import { impactChainAsList } from './impactChainAsList';
import { withoutGuides } from '../withoutGuides';

export interface MarkdownOptions {
  /** The lowest heading level written: headings above it are written at it (the export's title is the one `#`). */
  readonly minHeadingLevel?: number;
}

type Mark = NonNullable<JSONContent['marks']>[number];

/** Marks from outermost to innermost: a link holds emphasis, and code is always innermost. */
const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'underline', 'code'];

/**
 * Backslash before every character that could be read as inline markup (CommonMark and GFM):
 * emphasis, code, links (`[`, so `![` cannot start an image), HTML and autolinks (`<`), strike,
 * tables, a heading's closing `#`, and `&` only where it would start an entity. `!`, `>`, `(`
 * and `)` on their own are text and stay as they are, so ordinary sentences read as they were.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<~|#]|&(?=#?[A-Za-z0-9]+;)/g, (c) => `\\${c}`);
}

/**
 * A line's start as text, not a block: `#`, `>`, `+`, `-`, `=` and `1.` / `1)` markers are
 * escaped, and leading spaces kept as entities (four would start a code block).
 */
function escapeLineStart(line: string): string {
  const indent = /^ +/.exec(line)?.[0] ?? '';
  const rest = line.slice(indent.length);
  const escaped = rest.replace(/^([#>+\-=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return '&#32;'.repeat(indent.length) + escaped;
}

function sameMark(a: Mark, b: Mark): boolean {
  return a.type === b.type && (a.type !== 'link' || a.attrs?.href === b.attrs?.href);
}

function sortedMarks(marks: readonly Mark[] | undefined): Mark[] {
  return [...(marks ?? [])]
    .filter((mark) => MARK_ORDER.includes(mark.type) && (mark.type !== 'link' || safeHref(mark.attrs?.href) !== null))
    .sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
}

function linkDestination(href: string): string {
  // Angle brackets allow spaces and parentheses; only `<`, `>` and line ends need encoding there.
  return `<${href.replace(/[<>\n\r]/g, (c) => encodeURIComponent(c))}>`;
}

function open(mark: Mark): string {
  switch (mark.type) {
    case 'bold':
      return '**';
    case 'italic':
      return '*';
    case 'strike':
      return '~~';
    case 'underline':
      return '<u>';
    case 'link':
      return '[';
    default:
      return '';
  }
}

function close(mark: Mark): string {
  switch (mark.type) {
    case 'bold':
      return '**';
    case 'italic':
      return '*';
    case 'strike':
      return '~~';
    case 'underline':
      return '</u>';
    case 'link':
      return `](${linkDestination(safeHref(mark.attrs?.href) ?? '')})`;
    default:
      return '';
  }
}

/** A code span whose fence is longer than any run of backticks inside it. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (/^ .* $/.test(text) && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Inline content as Markdown lines (a hard break ends a line with a backslash). Headings pass
 * `singleLine`: ATX headings are one line, so a hard break becomes a space there.
 */
function inline(nodes: readonly JSONContent[] | undefined, singleLine = false): string {
  let out = '';
  let active: Mark[] = [];
  // Whitespace at the end of the last run, written after the delimiters that close it.
  let pending = '';
  const closeTo = (keep: number) => {
    for (let i = active.length - 1; i >= keep; i -= 1) out += close(active[i]!);
    active = active.slice(0, keep);
  };
  const run = (value: string, marks: Mark[]) => {
    const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(value) ?? [];
    if (core === '') {
      pending += value;
      return;
    }
    let keep = 0;
    while (keep < active.length && keep < marks.length && sameMark(active[keep]!, marks[keep]!)) keep += 1;
    closeTo(keep);
    out += pending + lead;
    for (const mark of marks.slice(keep)) out += open(mark);
    active = marks;
    out += marks.some((mark) => mark.type === 'code') ? codeSpan(core) : escapeMarkdownText(core);
    pending = trail;
  };
  const lineBreak = () => {
    closeTo(0);
    out = out.trimEnd() + (singleLine ? ' ' : '\\\n');
    pending = '';
  };
  for (const node of mentionsAsText(nodes)) {
    if (node.type === 'hardBreak') lineBreak();
    else if (node.type === 'text' && node.text) {
      // A text with line ends (pasted, not typed) is its lines with hard breaks between them.
      node.text.split('\n').forEach((part, index) => {
        if (index > 0) lineBreak();
        if (part !== '') run(part, sortedMarks(node.marks));
      });
    }
  }
  closeTo(0);
  return out
    .trimEnd()
    .split('\n')
    .map((line) => escapeLineStart(line))
    .join('\n');
}

interface Context {
  readonly minHeadingLevel: number;
}

/** A block as lines (without the blank lines between blocks). */
function block(node: JSONContent, context: Context, listDelimiter: number): string[] {
  switch (node.type) {
    case 'paragraph': {
      const text = inline(node.content);
      return text === '' ? [] : text.split('\n');
    }
    case 'heading': {
      const level = Math.min(6, Math.max(context.minHeadingLevel, Number(node.attrs?.level ?? 1)));
      const text = inline(node.content, true);
      return text === '' ? [] : [`${'#'.repeat(level)} ${text}`];
    }
    case 'blockquote': {
      const lines = blocks(node.content, context);
      return lines.map((line) => (line === '' ? '>' : `> ${line}`));
    }
    case 'codeBlock': {
      const code = (node.content ?? []).map((child) => child.text ?? '').join('');
      const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = '`'.repeat(Math.max(3, longest + 1));
      const language = typeof node.attrs?.language === 'string' && /^[\w+#.-]{1,40}$/.test(node.attrs.language) ? node.attrs.language : '';
      return [`${fence}${language}`, ...(code === '' ? [] : code.split('\n')), fence];
    }
    case 'horizontalRule':
      return ['---'];
    case 'bulletList':
    case 'orderedList':
      return list(node, context, listDelimiter);
    case 'table':
      return table(node, context);
    case 'impactChain':
      return list(impactChainAsList(node), context, listDelimiter);
    default:
      // Not in the schema: its text, so nothing is lost.
      return node.content ? blocks(node.content, context) : [];
  }
}

function list(node: JSONContent, context: Context, delimiter: number): string[] {
  const ordered = node.type === 'orderedList';
  const start = Math.min(999_999_999, Math.max(0, Math.trunc(Number(node.attrs?.start ?? 1)) || 0));
  const items = node.content ?? [];
  // Tight unless an item holds more than one paragraph-like block besides its nested lists.
  const loose = items.some(
    (item) => (item.content ?? []).filter((child) => child.type !== 'bulletList' && child.type !== 'orderedList').length > 1,
  );
  const out: string[] = [];
  items.forEach((item, index) => {
    // Two lists in a row would merge in Markdown: the second uses the other delimiter (`*` or `)`).
    const marker = ordered ? `${start + index}${delimiter % 2 === 0 ? '.' : ')'} ` : `${delimiter % 2 === 0 ? '-' : '*'} `;
    const indent = ' '.repeat(marker.length);
    const lines = loose ? blocks(item.content, context) : tightItem(item.content, context);
    if (loose && index > 0) out.push('');
    if (lines.length === 0) out.push(marker.trimEnd());
    lines.forEach((line, i) => out.push(i === 0 ? `${marker}${line}` : line === '' ? '' : `${indent}${line}`));
  });
  return out;
}

/** A cell's blocks on one line (a GFM cell is one line): blocks and lines joined by `<br>`, pipes escaped. */
function cell(node: JSONContent, context: Context): string {
  return blocks(node.content, context)
    .filter((line) => line !== '')
    .map((line) => line.replace(/\\$/, '').replace(/(?<!\\)\|/g, '\\|'))
    .join('<br>');
}

/** A GFM table: header row, delimiter row, body rows; rows padded to the widest (merged cells repeat nothing). */
function table(node: JSONContent, context: Context): string[] {
  const rows = (node.content ?? []).map((row) =>
    (row.content ?? []).map((c) => ({ header: c.type === 'tableHeader', text: cell(c, context) })),
  );
  if (rows.length === 0) return [];
  const width = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const first = rows[0]!;
  const hasHeader = first.length > 0 && first.every((c) => c.header);
  const header = hasHeader ? first.map((c) => c.text) : [];
  const body = hasHeader ? rows.slice(1) : rows;
  return [line(header), `|${' --- |'.repeat(width)}`, ...body.map((row) => line(row.map((c) => c.text)))];
}

/** An item's blocks without blank lines between a paragraph and its nested list (a tight list stays tight). */
function tightItem(content: readonly JSONContent[] | undefined, context: Context): string[] {
  const out: string[] = [];
  let previousList: string | null = null;
  let delimiter = 0;
  for (const child of content ?? []) {
    const isList = child.type === 'bulletList' || child.type === 'orderedList';
    delimiter = isList && previousList === child.type ? delimiter + 1 : 0;
    const lines = block(child, context, delimiter);
    // Only a bullet list or one starting at 1 may interrupt a paragraph; two lists need a gap too.
    const interrupts = child.type === 'bulletList' || Number(child.attrs?.start ?? 1) === 1;
    if (out.length > 0 && isList && (previousList !== null || !interrupts)) out.push('');
    out.push(...lines);
    previousList = isList ? child.type! : null;
  }
  return out;
}

/** Blocks separated by one blank line. */
function blocks(content: readonly JSONContent[] | undefined, context: Context): string[] {
  const out: string[] = [];
  let previousList: string | null = null;
  let delimiter = 0;
  for (const child of content ?? []) {
    const isList = child.type === 'bulletList' || child.type === 'orderedList';
    delimiter = isList && previousList === child.type ? delimiter + 1 : 0;
    const lines = block(child, context, delimiter);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...lines);
    previousList = isList ? child.type! : null;
  }
  return out;
}

/** The body as Markdown, ending with a newline (empty for an empty body). */
export function bodyToMarkdown(body: JSONContent, options: MarkdownOptions = {}): string {
  const lines = blocks(withoutGuides(body).content, { minHeadingLevel: options.minHeadingLevel ?? 1 });
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
