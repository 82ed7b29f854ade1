/**
 * A document body (ProseMirror JSON of the editor's schema) as Word paragraphs with Word's own
 * structure: headings in the built-in Heading 1–6 styles (the navigation pane, a table of contents
 * and accessibility checkers read those), lists as real numbering (`w:numPr`, nested by level, an
 * ordered list's start kept), links as hyperlinks, quotes in the built-in Quote style, code in the
 * built-in HTML Preformatted and HTML Code styles, tables as Word tables whose header row is marked
 * as one (`w:tblHeader`: repeated on each page and read as headers by screen readers). Nothing random or time-dependent goes in, so the
 * same body gives the same XML.
 */
import type { JSONContent } from '@tiptap/core';
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  LevelFormat,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx';
import { safeHref } from './safeHref';
import { mentionsAsText } from './mentionsAsText';
import { impactChainAsList } from './impactChainAsList';
import { withoutGuides } from '../withoutGuides';

/** Style ids: Word's built-in ones where Word has one (so Word shows them under its own, localised names). */
export const DOCX_STYLE = {
  quote: 'Quote',
  codeBlock: 'HTMLPreformatted',
  code: 'HTMLCode',
  hyperlink: 'Hyperlink',
} as const;

export interface DocxBodyOptions {
  /** The lowest heading level written: headings above it are written at it (the export's title is the one Heading 1). */
  readonly minHeadingLevel?: number;
}

/** One indentation step, in twentieths of a point (1.27 cm). */
const STEP = 720;
const HANGING = 360;
const BULLETS = ['•', '◦', '▪'];
const MAX_LEVEL = 8;

function levels(ordered: boolean, start: number): ILevelsOptions[] {
  return Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length]!,
    start: ordered ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: STEP * (level + 1), hanging: HANGING } } },
  }));
}

/** What a body becomes: paragraphs and tables. */
export type DocxBlock = Paragraph | Table;

type Mark = NonNullable<JSONContent['marks']>[number];

interface Context {
  readonly minHeadingLevel: number;
  /** Nesting of lists: the level of the next list (0 outside lists). */
  readonly listLevel: number;
  /** Blockquotes around this block. */
  readonly quoteDepth: number;
  /** Left indent of paragraphs that continue a list item (no number of their own). */
  readonly continuationIndent: number;
  /** Numbering definitions already made, by reference. */
  readonly definitions: Map<string, NumberingDefinition>;
  /** The next instance of each list reference: each list node is a list of its own. */
  readonly instances: Map<string, number>;
}

function hasMark(marks: readonly Mark[] | undefined, type: string): boolean {
  return (marks ?? []).some((mark) => mark.type === type);
}

/** Runs for one text, lines split by breaks (a code block's text holds line ends). */
function runs(text: string, marks: readonly Mark[] | undefined, extra: { style?: string } = {}): TextRun[] {
  const code = hasMark(marks, 'code');
  const style = hasMark(marks, 'link') ? DOCX_STYLE.hyperlink : code ? DOCX_STYLE.code : extra.style;
  return text.split('\n').map(
    (line, index) =>
      new TextRun({
        text: line,
        ...(index > 0 ? { break: 1 } : {}),
        ...(style ? { style } : {}),
        // A link that is also code keeps the code's monospace.
        ...(code && style !== DOCX_STYLE.code ? { font: 'Courier New' } : {}),
        ...(hasMark(marks, 'bold') ? { bold: true } : {}),
        ...(hasMark(marks, 'italic') ? { italics: true } : {}),
        ...(hasMark(marks, 'underline') ? { underline: {} } : {}),
        ...(hasMark(marks, 'strike') ? { strike: true } : {}),
      }),
  );
}

/** Inline content as runs; consecutive texts with the same link make one hyperlink. */
function inline(nodes: readonly JSONContent[] | undefined): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let linkHref: string | null = null;
  let linkRuns: TextRun[] = [];
  const flush = () => {
    if (linkHref !== null) out.push(new ExternalHyperlink({ link: linkHref, children: linkRuns }));
    linkHref = null;
    linkRuns = [];
  };
  for (const node of mentionsAsText(nodes)) {
    if (node.type === 'hardBreak') {
      flush();
      out.push(new TextRun({ break: 1 }));
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const href = safeHref(node.marks?.find((mark) => mark.type === 'link')?.attrs?.href);
    if (href !== linkHref) flush();
    if (href === null) {
      out.push(
        ...runs(
          node.text,
          node.marks?.filter((mark) => mark.type !== 'link'),
        ),
      );
    } else {
      linkHref = href;
      linkRuns.push(...runs(node.text, node.marks));
    }
  }
  flush();
  return out;
}

function quoteIndent(context: Context): number {
  return context.quoteDepth * STEP;
}

function paragraph(node: JSONContent, context: Context): Paragraph {
  const indent = context.continuationIndent + quoteIndent(context);
  return new Paragraph({
    children: inline(node.content),
    ...(context.quoteDepth > 0 ? { style: DOCX_STYLE.quote } : {}),
    ...(indent > 0 ? { indent: { left: indent } } : {}),
  });
}

function listDefinition(node: JSONContent, context: Context): { reference: string; instance: number } {
  const ordered = node.type === 'orderedList';
  const start = ordered ? Math.max(0, Math.min(32_767, Math.trunc(Number(node.attrs?.start ?? 1)) || 0)) : 1;
  const reference = ordered ? `samskriv-numbered-${start}` : 'samskriv-bullets';
  if (!context.definitions.has(reference)) context.definitions.set(reference, { reference, levels: levels(ordered, start) });
  const instance = (context.instances.get(reference) ?? 0) + 1;
  context.instances.set(reference, instance);
  return { reference, instance };
}

function list(node: JSONContent, context: Context): DocxBlock[] {
  const { reference, instance } = listDefinition(node, context);
  const level = Math.min(MAX_LEVEL, context.listLevel);
  const definition = context.definitions.get(reference)!;
  const out: DocxBlock[] = [];
  for (const item of node.content ?? []) {
    const first = out.length;
    const inner: Context = { ...context, listLevel: level + 1, continuationIndent: STEP * (level + 1) };
    let numbered = false;
    for (const child of item.content ?? []) {
      if (!numbered && (child.type === 'paragraph' || child.type === 'heading')) {
        // The item's first paragraph carries the number; its definition comes with it.
        out.push(
          new Paragraph({
            children: inline(child.content),
            numbering: { reference: definition, level, instance },
            ...(context.quoteDepth > 0 ? { style: DOCX_STYLE.quote } : {}),
          }),
        );
        numbered = true;
        continue;
      }
      out.push(...block(child, inner));
    }
    // An item without text still shows its number.
    if (!numbered) out.splice(first, 0, new Paragraph({ children: [], numbering: { reference: definition, level, instance } }));
  }
  return out;
}

/** Cells' widths and spans as the editor keeps them; a cell holds at least one paragraph (Word needs one). */
function table(node: JSONContent, context: Context): Table[] {
  const inner: Context = { ...context, listLevel: 0, quoteDepth: 0, continuationIndent: 0 };
  const rows = (node.content ?? []).filter((row) => (row.content ?? []).length > 0);
  if (rows.length === 0) return [];
  let headerRows = true;
  const span = (value: unknown) => Math.max(1, Math.min(63, Math.trunc(Number(value ?? 1)) || 1));
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map((row) => {
        const cells = row.content ?? [];
        // Only leading rows of header cells are header rows (Word repeats only those).
        headerRows &&= cells.every((cell) => cell.type === 'tableHeader');
        return new TableRow({
          ...(headerRows ? { tableHeader: true, cantSplit: true } : {}),
          children: cells.map((cell) => {
            const children = blocks(cell.content, inner);
            const columnSpan = span(cell.attrs?.colspan);
            const rowSpan = span(cell.attrs?.rowspan);
            return new TableCell({
              children: children.length > 0 ? children : [new Paragraph({ children: [] })],
              ...(columnSpan > 1 ? { columnSpan } : {}),
              ...(rowSpan > 1 ? { rowSpan } : {}),
              ...(cell.type === 'tableHeader' ? { shading: { fill: 'E8E8E8', type: 'clear', color: 'auto' } } : {}),
            });
          }),
        });
      }),
    }),
  ];
}

function block(node: JSONContent, context: Context): DocxBlock[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraph(node, context)];
    case 'heading': {
      const level = Math.min(6, Math.max(context.minHeadingLevel, Number(node.attrs?.level ?? 1)));
      return [new Paragraph({ children: inline(node.content), style: `Heading${level}` })];
    }
    case 'bulletList':
    case 'orderedList':
      return list(node, context);
    case 'table':
      return table(node, context);
    case 'impactChain':
      return list(impactChainAsList(node), context);
    case 'blockquote':
      return blocks(node.content, { ...context, quoteDepth: context.quoteDepth + 1 });
    case 'codeBlock': {
      const code = (node.content ?? []).map((child) => child.text ?? '').join('');
      const indent = context.continuationIndent + quoteIndent(context);
      return [
        new Paragraph({
          children: runs(code, []),
          style: DOCX_STYLE.codeBlock,
          ...(indent > 0 ? { indent: { left: indent } } : {}),
        }),
      ];
    }
    case 'horizontalRule':
      return [
        new Paragraph({
          children: [],
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } },
        }),
      ];
    default:
      // Not in the schema: its text, so nothing is lost.
      return node.content ? blocks(node.content, context) : [];
  }
}

function blocks(content: readonly JSONContent[] | undefined, context: Context): DocxBlock[] {
  return (content ?? []).flatMap((child) => block(child, context));
}

/** The body's paragraphs and tables (guides left out). Lists bring their numbering definitions with them. */
export function bodyToDocx(body: JSONContent, options: DocxBodyOptions = {}): DocxBlock[] {
  return blocks(withoutGuides(body).content, {
    minHeadingLevel: options.minHeadingLevel ?? 1,
    listLevel: 0,
    quoteDepth: 0,
    continuationIndent: 0,
    definitions: new Map(),
    instances: new Map(),
  });
}
