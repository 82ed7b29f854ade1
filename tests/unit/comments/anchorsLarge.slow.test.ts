/**
 * Anchors on a body the size of a real paper: the automerge-paper editing trace (about 105,000
 * characters). Edits are made on the Yjs tree directly, the way the y-prosemirror binding writes
 * them (a split deletes the paragraph's tail and inserts a new paragraph holding it as new text; a
 * merge deletes the second paragraph and appends its text to the first), so thousands of
 * paragraphs need no editor. Correctness only; no timing assertions.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorFromRange } from '../../../lib/comments/anchors/anchorFromRange';
import { canonicalText } from '../../../lib/comments/anchors/canonicalText';
import { documentText } from '../../../lib/comments/anchors/documentText';
import { resolveAnchors } from '../../../lib/comments/anchors/resolveAnchor';
import type { Anchor } from '../../../lib/comments/model';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { applyPatch, loadTrace } from '../../../lib/traces/loadTrace';
import { paragraphs, seededDoc } from './anchorsFixtures';

const trace = loadTrace('tests/fixtures/traces/automerge-paper.json.gz');
/** Not in the trace: marks inserted text so it can be taken out again when comparing. */
const MARK = '¤';

/** Deterministic pseudo-random integers in [0, n). */
function random(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % n;
  };
}

const paragraphsOf = (doc: Y.Doc) => doc.getXmlFragment(BODY_FRAGMENT).toArray() as Y.XmlElement[];
const textOf = (paragraph: Y.XmlElement) => paragraph.get(0) as Y.XmlText | null;

/** Anchors on `count` random passages of 10–80 characters that hold some text. */
function randomAnchors(doc: Y.Doc, count: number, next: (n: number) => number): Anchor[] {
  const { text } = documentText(doc.getXmlFragment(BODY_FRAGMENT));
  const anchors: Anchor[] = [];
  while (anchors.length < count) {
    const from = next(text.length - 100);
    const to = from + 10 + next(70);
    if (/\w{3}/.test(text.slice(from, to))) anchors.push(anchorFromRange(doc, from, to));
  }
  return anchors;
}

/** What the y-prosemirror binding writes for Enter at `index` in a paragraph. */
function split(paragraph: Y.XmlElement, index: number): void {
  const text = textOf(paragraph)!;
  const tail = text.toString().slice(index);
  text.delete(index, tail.length);
  const created = new Y.XmlElement('paragraph');
  const parent = paragraph.parent as Y.XmlFragment;
  const at = parent.toArray().indexOf(paragraph) + 1;
  parent.insert(at, [created]);
  created.insert(0, [new Y.XmlText(tail)]);
}

/** What the binding writes for Backspace at the start of `second`: its text appended to `first`, `second` deleted. */
function merge(first: Y.XmlElement, second: Y.XmlElement): void {
  const moved = textOf(second)?.toString() ?? '';
  if (!textOf(first)) first.insert(0, [new Y.XmlText()]);
  textOf(first)!.insert(textOf(first)!.length, moved);
  const parent = second.parent as Y.XmlFragment;
  parent.delete(parent.toArray().indexOf(second), 1);
}

describe('anchors on a large body', () => {
  const lines = trace.endContent.split('\n');

  it('stay on their passages through hundreds of inserts, splits and merges', () => {
    const doc = seededDoc(paragraphs(...lines));
    const next = random(42);
    const typedInto = randomAnchors(doc, 200, next);

    // Phase 1: typing everywhere (including inside passages and at their edges).
    doc.transact(() => {
      for (let i = 0; i < 500; i++) {
        const candidates = paragraphsOf(doc);
        const text = textOf(candidates[next(candidates.length)]!);
        if (text) text.insert(next(text.length + 1), `${MARK}ny${MARK}`);
      }
    });
    const afterTyping = resolveAnchors(doc, typedInto);
    afterTyping.forEach((resolved, i) => {
      expect(resolved.status, `anchor ${i}`).toBe('anchored');
      expect(resolved.text.replaceAll(`${MARK}ny${MARK}`, ''), `anchor ${i}`).toBe(typedInto[i]!.quote.exact);
    });

    // Phase 2: splits and merges all over, on fresh anchors.
    const structural = randomAnchors(doc, 200, next);
    for (let i = 0; i < 150; i++) {
      const candidates = paragraphsOf(doc);
      const at = next(candidates.length - 1);
      const text = textOf(candidates[at]!);
      if (i % 2 === 0 && text && text.length > 1) split(candidates[at]!, 1 + next(text.length - 1));
      else merge(candidates[at]!, candidates[at + 1]!);
    }
    const afterStructure = resolveAnchors(doc, structural);
    const { text } = documentText(doc.getXmlFragment(BODY_FRAGMENT));
    const statuses = new Set<string>();
    afterStructure.forEach((resolved, i) => {
      statuses.add(resolved.status);
      expect(resolved.status, `anchor ${i}`).not.toBe('orphaned');
      expect(canonicalText(resolved.text), `anchor ${i}`).toBe(canonicalText(structural[i]!.quote.exact));
      expect(text.slice(resolved.from, resolved.to)).toBe(resolved.text);
    });
    expect(statuses).toEqual(new Set(['anchored', 'reanchored']));
  }, 60_000);

  it('resolve in one paragraph holding the whole trace, replayed edit by edit', () => {
    const doc = seededDoc(paragraphs(''));
    const paragraph = paragraphsOf(doc)[0]!;
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    const half = Math.floor(trace.txns.length / 2);
    doc.transact(() => {
      for (const txn of trace.txns.slice(0, half)) for (const patch of txn.patches) applyPatch(text, patch, true);
    });
    const next = random(7);
    const anchors = randomAnchors(doc, 100, next);
    // Typing at the start and end of the document moves every passage but changes none.
    text.insert(0, 'Indledning. ');
    text.insert(text.length, ' Slut.');
    const resolved = resolveAnchors(doc, anchors);
    resolved.forEach((one, i) => expect(one).toMatchObject({ status: 'anchored', text: anchors[i]!.quote.exact }));

    // The next quarter of the trace: passages are edited and deleted. Whatever becomes of them, results are consistent.
    const quarter = half + Math.floor(trace.txns.length / 4);
    doc.transact(() => {
      for (const txn of trace.txns.slice(half, quarter))
        for (const patch of txn.patches) applyPatch(text, [patch[0] + 12, patch[1], patch[2]], true);
    });
    expect(text.toString().startsWith('Indledning. ')).toBe(true);
    expect(text.toString().endsWith(' Slut.')).toBe(true);
    const current = documentText(doc.getXmlFragment(BODY_FRAGMENT)).text;
    const counts = { anchored: 0, reanchored: 0, orphaned: 0 };
    for (const [i, one] of resolveAnchors(doc, anchors).entries()) {
      counts[one.status]++;
      if (one.status === 'orphaned') expect(one).toEqual({ status: 'orphaned', from: -1, to: -1, text: anchors[i]!.quote.exact });
      else expect(current.slice(one.from, one.to)).toBe(one.text);
      if (one.status === 'reanchored') expect(canonicalText(one.text)).toBe(canonicalText(anchors[i]!.quote.exact));
    }
    expect(counts.anchored).toBeGreaterThan(0);
    expect(counts.orphaned).toBeGreaterThan(0);
  }, 60_000);
});
