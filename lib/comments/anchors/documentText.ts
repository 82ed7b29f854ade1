/**
 * The plain text of a document body, read straight from its Yjs tree, with a two-way map between
 * plain-text offsets and Yjs positions. Anchors, the server and the editor bridge all count in these
 * offsets, so they agree on where a passage is without ever rendering the body.
 *
 * The body is the `Y.XmlFragment` that Tiptap's Collaboration extension (y-prosemirror) keeps: one
 * `Y.XmlElement` per block node, `Y.XmlText` runs (marks are formatting attributes) inside text
 * blocks, and inline nodes such as `hardBreak` as `Y.XmlElement`s between the runs.
 *
 * - Every text block (paragraph, heading, code block), however deeply nested in lists and
 *   blockquotes, is one line; lines are joined with "\n". Empty text blocks are empty lines.
 * - Inline nodes that are not text (hard breaks) count as one character, a space.
 * - Leaf blocks (horizontal rule) have no text. Elements the body schema does not know are text
 *   blocks if they hold text directly, containers otherwise.
 *
 * One pass over the tree, O(size of the document); `locate` is a binary search. The result is a
 * snapshot: build a new one after the document changes.
 */
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { bodyExtensions } from '../../editor/bodyExtensions';

/** Any Yjs shared type; the body's types are `Y.XmlFragment`, `Y.XmlElement` and `Y.XmlText`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type YType = Y.AbstractType<any>;

/**
 * A Yjs position: an index into an `XmlText` (characters) or, where no text run is at hand (an empty
 * line, next to a hard break), into a text block's children.
 */
export interface TextLocation {
  readonly type: Y.XmlText | Y.XmlElement;
  readonly index: number;
}

/**
 * Which side an offset sticks to where two runs meet: `'start'` picks the run holding the character
 * after the offset (the start of a range), `'end'` the run holding the character before it.
 */
export type LocateBias = 'start' | 'end';

export interface DocumentText {
  /** The plain text: text blocks joined with "\n". */
  readonly text: string;
  /**
   * The plain-text offset of a Yjs position: an index into an `XmlText` (clamped to its length), or
   * a child index into an element or the fragment (the start of that child's text; past the last
   * child, the end of the element's text). `null` when the type is not a live part of this body.
   */
  offsetOf(type: YType, index: number): number | null;
  /** The Yjs position of a plain-text offset in [0, text.length]; `null` outside that or for an empty body. */
  locate(offset: number, bias?: LocateBias): TextLocation | null;
  /** The body's headings in document order: where each line starts, its level and its text. */
  readonly headings: readonly DocumentHeading[];
}

export interface DocumentHeading {
  /** The plain-text offset where the heading's line starts. */
  readonly offset: number;
  /** 1–6 (the heading node's `level`; 1 when it has none). */
  readonly level: number;
  readonly text: string;
}

interface Line {
  readonly start: number;
  readonly end: number;
  readonly block: Y.XmlElement;
  /** This line's runs: segments[segFrom .. segTo). */
  readonly segFrom: number;
  readonly segTo: number;
}

/** A non-empty run of a line: an XmlText, or an inline node (one character). */
interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: Y.XmlText | null;
  readonly childIndex: number;
}

let schema: Schema | undefined;
const bodySchema = (): Schema => (schema ??= getSchema(bodyExtensions()));

/** An XmlText's characters; embeds (never written by y-prosemirror) count one each, as Yjs counts them. */
function plainTextOf(xmlText: Y.XmlText): string {
  let s = '';
  for (const op of xmlText.toDelta() as Array<{ insert: unknown }>) s += typeof op.insert === 'string' ? op.insert : ' ';
  return s;
}

export function documentText(fragment: Y.XmlFragment, bodySchemaOverride?: Schema): DocumentText {
  const nodes = (bodySchemaOverride ?? bodySchema()).nodes;
  const parts: string[] = [];
  let offset = 0;
  const lines: Line[] = [];
  const segments: Segment[] = [];
  const texts = new Map<Y.XmlText, { start: number; length: number }>();
  /** Per element (and the fragment): the offset of each child index, 0..children.length. */
  const boundaries = new Map<YType, number[]>();

  /** Where the next line would start (after its separator). */
  const nextLineStart = () => (lines.length > 0 ? offset + 1 : offset);

  const isTextblock = (element: Y.XmlElement, children: YType[]): boolean => {
    const nodeType = nodes[element.nodeName];
    if (nodeType) return nodeType.isTextblock;
    return children.some((child) => child instanceof Y.XmlText);
  };

  const visitTextblock = (block: Y.XmlElement, children: YType[]): void => {
    if (lines.length > 0) {
      parts.push('\n');
      offset += 1;
    }
    const start = offset;
    const segFrom = segments.length;
    const bounds: number[] = [];
    children.forEach((child, childIndex) => {
      bounds.push(offset);
      if (child instanceof Y.XmlText) {
        const s = plainTextOf(child);
        texts.set(child, { start: offset, length: s.length });
        if (s.length === 0) return;
        segments.push({ start: offset, end: offset + s.length, text: child, childIndex });
        parts.push(s);
        offset += s.length;
      } else {
        // An inline node (hard break): one character, whatever it holds.
        boundaries.set(child, [offset, offset + 1]);
        segments.push({ start: offset, end: offset + 1, text: null, childIndex });
        parts.push(' ');
        offset += 1;
      }
    });
    bounds.push(offset);
    boundaries.set(block, bounds);
    lines.push({ start, end: offset, block, segFrom, segTo: segments.length });
  };

  const visitContainer = (container: Y.XmlElement | Y.XmlFragment, children: YType[]): void => {
    const bounds: number[] = [];
    for (const child of children) {
      bounds.push(nextLineStart());
      // Text or hooks directly in a container do not fit the schema; ProseMirror drops them, and so do we.
      if (child instanceof Y.XmlElement) visitBlock(child);
    }
    bounds.push(offset);
    boundaries.set(container, bounds);
  };

  const visitBlock = (element: Y.XmlElement): void => {
    const children = element.toArray() as YType[];
    if (isTextblock(element, children)) visitTextblock(element, children);
    else visitContainer(element, children);
  };

  visitContainer(fragment, fragment.toArray() as YType[]);
  const text = parts.join('');

  const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

  function offsetOf(type: YType, index: number): number | null {
    if (!Number.isInteger(index)) return null;
    if (type instanceof Y.XmlText) {
      const run = texts.get(type);
      return run ? run.start + clamp(index, 0, run.length) : null;
    }
    const bounds = boundaries.get(type);
    return bounds ? Math.min(bounds[clamp(index, 0, bounds.length - 1)]!, text.length) : null;
  }

  /** The last line starting at or before `at`. */
  function lineAt(at: number): Line {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= at) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo]!;
  }

  /** The last segment of `line` whose start is at or before `at` (strictly before when `strict`), or -1. */
  function segmentBefore(line: Line, at: number, strict: boolean): number {
    let lo = line.segFrom;
    let hi = line.segTo - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = segments[mid]!.start;
      if (start < at || (!strict && start === at)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  const before = (line: Line, segment: Segment): TextLocation =>
    segment.text ? { type: segment.text, index: 0 } : { type: line.block, index: segment.childIndex };
  const after = (line: Line, segment: Segment): TextLocation =>
    segment.text ? { type: segment.text, index: segment.end - segment.start } : { type: line.block, index: segment.childIndex + 1 };

  function locate(at: number, bias: LocateBias = 'start'): TextLocation | null {
    if (!Number.isInteger(at) || at < 0 || at > text.length || lines.length === 0) return null;
    const line = lineAt(at);
    if (line.segFrom === line.segTo) return { type: line.block, index: 0 };
    if (bias === 'start') {
      const i = segmentBefore(line, at, false);
      if (i < 0) return before(line, segments[line.segFrom]!);
      const segment = segments[i]!;
      if (at < segment.end) return segment.text ? { type: segment.text, index: at - segment.start } : before(line, segment);
      return after(line, segment);
    }
    const i = segmentBefore(line, at, true);
    if (i < 0) return before(line, segments[line.segFrom]!);
    const segment = segments[i]!;
    if (at < segment.end) return segment.text ? { type: segment.text, index: at - segment.start } : after(line, segment);
    return after(line, segment);
  }

  const headings = lines
    .filter((line) => line.block.nodeName === 'heading')
    .map((line): DocumentHeading => {
      const level = Number(line.block.getAttribute('level'));
      return {
        offset: line.start,
        level: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1,
        text: text.slice(line.start, line.end),
      };
    });

  return { text, offsetOf, locate, headings };
}
