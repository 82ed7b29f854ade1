/**
 * A comparison (compareBodies) as HTML, in two views: `inline` (the new body, with what was
 * deleted shown where it was and what was inserted marked) and `side` (the old body with its
 * deletions marked beside the new body with its insertions marked).
 *
 * Never by colour alone: insertions are `<ins>` (underlined), deletions `<del>` (struck through),
 * each starting with a visually hidden "Indsat:"/"Slettet:" for screen readers; a change that only
 * touches structure (a paragraph split, a heading's level) shows a ¶ with the same prefix. The first
 * mark of change n has `id="change-n"` (and tabindex -1, so following the page's link to it moves
 * focus there). Headings move one level down (the page has its own h1), or as many as asked.
 * Every text and attribute is escaped; links keep only http(s) and mailto targets.
 */
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { Translate } from '../../i18n/t';
import { mentionLabel } from '../../editor/bodyExtensions';
import type { BodyChange, BodyComparison } from './compareBodies';

export type ComparisonView = 'inline' | 'side';

export type RenderedComparison =
  { readonly view: 'inline'; readonly html: string } | { readonly view: 'side'; readonly oldHtml: string; readonly newHtml: string };

/** The element id of change `index`'s first mark. */
export function changeAnchor(index: number): string {
  return `change-${index}`;
}

/** "Ingen ændringer", "1 ændring", "3 ændringer". */
export function changeCountText(count: number, t: Translate): string {
  if (count === 0) return t('compare.count.zero');
  return count === 1 ? t('compare.count.one') : t('compare.count.other', { n: count });
}

export interface RenderOptions {
  /** How many levels the bodies' headings move down (default 1: a body h1 becomes h2). */
  readonly headingShift?: number;
}

export function renderComparison(
  comparison: BodyComparison,
  view: ComparisonView,
  t: Translate,
  { headingShift = 1 }: RenderOptions = {},
): RenderedComparison {
  const anchored = new Set<number>();
  const context: RenderContext = { anchored, t, headingShift };
  if (view === 'side') {
    const oldHtml = new DocRenderer(comparison.oldDoc, rangesOf(comparison.changes, 'old'), new Map(), context).render();
    const newHtml = new DocRenderer(comparison.newDoc, rangesOf(comparison.changes, 'new'), new Map(), context).render();
    return { view, oldHtml, newHtml };
  }
  const widgets = new Map<number, BodyChange[]>();
  for (const change of comparison.changes) {
    if (change.kind === 'insert' || change.kind === 'format') continue;
    widgets.set(change.fromB, [...(widgets.get(change.fromB) ?? []), change]);
  }
  const renderer = new DocRenderer(comparison.newDoc, rangesOf(comparison.changes, 'new'), widgets, context, comparison.oldDoc);
  return { view, html: renderer.render() };
}

type Side = 'old' | 'new';

interface RenderContext {
  /** Changes whose anchor is out (shared by the documents of one view). */
  readonly anchored: Set<number>;
  readonly t: Translate;
  readonly headingShift: number;
}

interface Range {
  readonly from: number;
  readonly to: number;
  readonly change: BodyChange;
  /** `ins` on the new side, `del` on the old; a format change is `ins`/`del` with its own prefix. */
  readonly element: 'ins' | 'del';
}

function rangesOf(changes: readonly BodyChange[], side: Side): Range[] {
  const ranges: Range[] = [];
  for (const change of changes) {
    const [from, to] = side === 'old' ? [change.fromA, change.toA] : [change.fromB, change.toB];
    if (from < to) ranges.push({ from, to, change, element: side === 'old' ? 'del' : 'ins' });
  }
  return ranges;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}

function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

function withMarks(marks: readonly Mark[], html: string): string {
  let out = html;
  for (let i = marks.length - 1; i >= 0; i--) {
    const mark = marks[i] as Mark;
    switch (mark.type.name) {
      case 'bold':
        out = `<strong>${out}</strong>`;
        break;
      case 'italic':
        out = `<em>${out}</em>`;
        break;
      case 'underline':
        out = `<u>${out}</u>`;
        break;
      case 'strike':
        out = `<s>${out}</s>`;
        break;
      case 'code':
        out = `<code>${out}</code>`;
        break;
      case 'link': {
        const href = safeHref(mark.attrs.href);
        if (href) out = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${out}</a>`;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** A piece of a block's inline content: marked with a range, or (null) unchanged, or already wrapped. */
type Segment = { readonly range: Range | null; readonly html: string } | { readonly raw: string };

/** Renders one document (or a deleted slice of one) position by position. */
class DocRenderer {
  private rangeIndex = 0;
  /** Structure-only changes waiting for the next block's text to show their ¶. */
  private pending: Range[] = [];
  /** Structure-only changes whose ¶ is out (or waiting): one ¶ each, however many blocks they open. */
  private readonly structureMarked = new Set<Range>();
  private readonly emitted = new Set<number>();

  constructor(
    private readonly doc: PMNode,
    private readonly ranges: readonly Range[],
    /** Inline view: the changes whose deleted content is shown at a position of this (new) document. */
    private readonly widgets: ReadonlyMap<number, readonly BodyChange[]>,
    private readonly context: RenderContext,
    private readonly oldDoc?: PMNode,
  ) {}

  private get t(): Translate {
    return this.context.t;
  }

  render(): string {
    let html = this.blocks(this.doc, 0);
    html += this.blockWidgets(this.doc.content.size, this.doc);
    if (this.pending.length > 0) html += `<p>${this.pending.map((range) => this.structureMark(range)).join('')}</p>`;
    return html;
  }

  /** The range that holds position `pos`, if any (positions are visited in increasing order). */
  private rangeAt(pos: number): Range | null {
    while (this.rangeIndex < this.ranges.length && (this.ranges[this.rangeIndex] as Range).to <= pos) this.rangeIndex++;
    const range = this.ranges[this.rangeIndex];
    return range && range.from <= pos ? range : null;
  }

  private anchor(change: BodyChange): string {
    if (this.context.anchored.has(change.index)) return '';
    this.context.anchored.add(change.index);
    return ` id="${changeAnchor(change.index)}" tabindex="-1"`;
  }

  private prefix(range: Range): string {
    const format = range.change.kind === 'format';
    const key =
      range.element === 'ins'
        ? format
          ? 'compare.prefix.newFormat'
          : 'compare.prefix.inserted'
        : format
          ? 'compare.prefix.oldFormat'
          : 'compare.prefix.deleted';
    // Spaces inside: a reader hears "ny Indsat: stor", not "nyIndsat:stor".
    return `<span class="visually-hidden"> ${escapeHtml(this.t(key))} </span>`;
  }

  private open(range: Range): string {
    const format = range.change.kind === 'format' ? ' compare-format' : '';
    return `<${range.element} class="compare-${range.element}${format}"${this.anchor(range.change)}>${this.prefix(range)}`;
  }

  private structureMark(range: Range): string {
    const label = range.change.kind === 'format' ? this.t('compare.mark.format') : this.t('compare.mark.break');
    return `${this.open(range)}<span aria-hidden="true">¶</span><span class="visually-hidden"> ${escapeHtml(label)}</span></${range.element}>`;
  }

  /** The children of `parent` (content starting at `start`) as blocks. */
  private blocks(parent: PMNode, start: number): string {
    let html = '';
    parent.content.forEach((child, offset) => {
      const pos = start + offset;
      html += this.blockWidgets(pos, parent);
      html += this.block(child, pos);
    });
    return html;
  }

  private block(node: PMNode, pos: number): string {
    const range = this.rangeAt(pos);
    const marked = range ? ` class="compare-block-${range.element}"` : '';
    if (range && !node.isLeaf && !this.structureMarked.has(range) && !this.showsContent(range)) {
      this.structureMarked.add(range);
      this.pending.push(range);
    }
    if (node.isLeaf) {
      const leaf = node.type.name === 'horizontalRule' ? '<hr>' : '';
      if (!range) return leaf;
      return `${this.open(range)}</${range.element}>${leaf}`;
    }
    if (node.isTextblock) return this.textblock(node, pos, marked);
    const inner = this.blocks(node, pos + 1) + this.blockWidgets(pos + node.nodeSize - 1, node);
    switch (node.type.name) {
      case 'bulletList':
        return `<ul${marked}>${inner}</ul>`;
      case 'orderedList': {
        const start = Number(node.attrs.start);
        const startAttr = Number.isSafeInteger(start) && start !== 1 ? ` start="${start}"` : '';
        return `<ol${marked}${startAttr}>${inner}</ol>`;
      }
      case 'listItem':
        return `<li${marked}>${inner}</li>`;
      case 'blockquote':
        return `<blockquote${marked}>${inner}</blockquote>`;
      default:
        return `<div${marked}>${inner}</div>`;
    }
  }

  /** Whether a range shows any text or leaf in this document (else it needs a ¶ to be seen). */
  private showsContent(range: Range): boolean {
    return this.doc.textBetween(range.from, range.to, '', '\u0001').length > 0;
  }

  private textblock(node: PMNode, pos: number, marked: string): string {
    const segments: Segment[] = this.pending.map((range) => ({ raw: this.structureMark(range) }));
    this.pending = [];
    const start = pos + 1;
    node.content.forEach((child, offset) => {
      const at = start + offset;
      this.inlineWidgets(at, segments);
      if (child.isText) this.text(child, at, segments);
      else {
        segments.push({ range: this.rangeAt(at), html: inlineLeafHtml(child) });
      }
    });
    this.inlineWidgets(start + node.content.size, segments);
    const inner = group(segments, (range) => this.open(range));
    switch (node.type.name) {
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1) + this.context.headingShift);
        return `<h${level}${marked}>${inner}</h${level}>`;
      }
      case 'codeBlock':
        return `<pre${marked}><code>${inner}</code></pre>`;
      default:
        return `<p${marked}>${inner}</p>`;
    }
  }

  private text(node: PMNode, at: number, segments: Segment[]): void {
    const text = node.text ?? '';
    const end = at + text.length;
    const cuts = new Set<number>();
    for (const range of this.ranges) {
      if (range.from > at && range.from < end) cuts.add(range.from);
      if (range.to > at && range.to < end) cuts.add(range.to);
    }
    for (const pos of this.widgets.keys()) if (pos > at && pos < end) cuts.add(pos);
    const points = [at, ...[...cuts].sort((x, y) => x - y), end];
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i] as number;
      const to = points[i + 1] as number;
      if (i > 0) this.inlineWidgets(from, segments);
      segments.push({ range: this.rangeAt(from), html: withMarks(node.marks, escapeHtml(text.slice(from - at, to - at))) });
    }
  }

  /** Inline view: deleted content shown where it was, inside a block's text. */
  private inlineWidgets(pos: number, segments: Segment[]): void {
    for (const change of this.widgetsAt(pos)) segments.push({ raw: this.deletedInline(change) });
  }

  /** Inline view: deleted content shown where it was, between blocks. */
  private blockWidgets(pos: number, parent: PMNode): string {
    let html = '';
    for (const change of this.widgetsAt(pos)) {
      const old = this.oldDoc as PMNode;
      const slice = old.slice(change.fromA, change.toA);
      if (slice.openStart === 0 && slice.openEnd === 0) {
        // Whole nodes: shown as the blocks they were, every part of them marked deleted.
        const holder = old.type.create(null, slice.content);
        const range: Range = { from: 0, to: holder.content.size, change, element: 'del' };
        html += new DocRenderer(holder, [range], new Map(), this.context).render();
      } else {
        const wrapper = parent.type.name === 'bulletList' || parent.type.name === 'orderedList' ? 'li' : 'p';
        html += `<${wrapper} class="compare-block-del">${this.deletedInline(change)}</${wrapper}>`;
      }
    }
    return html;
  }

  private widgetsAt(pos: number): readonly BodyChange[] {
    if (this.emitted.has(pos)) return [];
    const changes = this.widgets.get(pos);
    if (!changes) return [];
    this.emitted.add(pos);
    return changes;
  }

  /** A deleted range as one `<del>` of inline content, block boundaries shown as ¶. */
  private deletedInline(change: BodyChange): string {
    const old = this.oldDoc as PMNode;
    const range: Range = { from: change.fromA, to: change.toA, change, element: 'del' };
    let inner = '';
    let seenTextblock = false;
    old.nodesBetween(change.fromA, change.toA, (node, pos) => {
      if (node.isTextblock) {
        if (seenTextblock) inner += this.breakMark();
        seenTextblock = true;
      } else if (node.isText) {
        const from = Math.max(change.fromA, pos) - pos;
        const to = Math.min(change.toA, pos + node.nodeSize) - pos;
        inner += withMarks(node.marks, escapeHtml((node.text ?? '').slice(from, to)));
      } else if (node.isInline && node.isLeaf) inner += inlineLeafHtml(node);
      return true;
    });
    if (inner === '') inner = this.breakMark();
    return `${this.open(range)}${inner}</del>`;
  }

  private breakMark(): string {
    return `<span aria-hidden="true"> ¶ </span><span class="visually-hidden">${escapeHtml(this.t('compare.mark.break'))} </span>`;
  }
}

/** Joins neighbouring segments of the same range into one element. */
function group(segments: readonly Segment[], open: (range: Range) => string): string {
  let html = '';
  let current: Range | null = null;
  for (const segment of segments) {
    const range = 'raw' in segment ? null : segment.range;
    if (current && range !== current) {
      html += `</${current.element}>`;
      current = null;
    }
    if ('raw' in segment) {
      html += segment.raw;
      continue;
    }
    if (range && range !== current) {
      html += open(range);
      current = range;
    }
    html += segment.html;
  }
  if (current) html += `</${current.element}>`;
  return html;
}

/** An inline node that is not text: a line break, or a mention shown as "@Name" (other leaves show nothing). */
function inlineLeafHtml(node: PMNode): string {
  if (node.type.name === 'hardBreak') return '<br>';
  if (node.type.name === 'mention') return escapeHtml(`@${mentionLabel(node.attrs)}`);
  return '';
}
