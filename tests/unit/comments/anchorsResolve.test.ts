// @vitest-environment happy-dom
/**
 * Anchors through real collaborative editing: two Tiptap editors with the Collaboration extension
 * on two Y.Docs, edits made with editor commands (what the y-prosemirror binding writes to Yjs for
 * a split or a merge is the binding's business, not ours), updates exchanged by hand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Editor } from '@tiptap/core';
import { anchorFromRange } from '../../../lib/comments/anchors/anchorFromRange';
import { canonicalText } from '../../../lib/comments/anchors/canonicalText';
import { documentText } from '../../../lib/comments/anchors/documentText';
import { resolveAnchor, resolveAnchors, type ResolvedAnchor } from '../../../lib/comments/anchors/resolveAnchor';
import type { Anchor } from '../../../lib/comments/model';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { destroyAll, exchange, paragraphs, proseMirrorPositionOf, twoPeers, type Peer } from './anchorsFixtures';

const plainText = (doc: Y.Doc) => documentText(doc.getXmlFragment(BODY_FRAGMENT)).text;

/** The anchor for the `nth` occurrence of `passage` in the plain text of `doc`. */
function anchorOn(doc: Y.Doc, passage: string, nth = 0): Anchor {
  const text = plainText(doc);
  let at = text.indexOf(passage);
  for (let i = 0; i < nth; i++) at = text.indexOf(passage, at + 1);
  if (at < 0) throw new Error(`"${passage}" not in the document`);
  return anchorFromRange(doc, at, at + passage.length);
}

const typeAt = (editor: Editor, position: number, text: string) => editor.view.dispatch(editor.state.tr.insertText(text, position));
const deleteRange = (editor: Editor, from: number, to: number) => editor.view.dispatch(editor.state.tr.delete(from, to));
const splitAt = (editor: Editor, position: number) => expect(editor.chain().setTextSelection(position).splitBlock().run()).toBe(true);
/** Joins the paragraph starting with `words` to the one before it (Backspace at its start). */
const joinBackwardAt = (editor: Editor, words: string) =>
  expect(editor.chain().setTextSelection(proseMirrorPositionOf(editor, words)).joinBackward().run()).toBe(true);

/** Resolves on both peers (which must agree, being in sync) and returns one result. */
function resolvedOnBoth(a: Peer, b: Peer, anchor: Anchor) {
  expect(plainText(a.doc)).toBe(plainText(b.doc));
  const resolved = resolveAnchor(a.doc, anchor);
  expect(resolveAnchor(b.doc, anchor)).toEqual(resolved);
  return resolved;
}

const BODY = paragraphs(
  'Kommunen vil anlægge nye stier langs åen i 2027.',
  'Stierne skal være brede nok til barnevogne og kørestole.',
  'Borgerne kan komme med forslag til ruten.',
);

let peers: Peer[] = [];
const start = (content = BODY): [Peer, Peer] => {
  const pair = twoPeers(content);
  peers = pair;
  return pair;
};
afterEach(() => destroyAll(...peers));

describe('anchorFromRange', () => {
  it('quotes the passage with up to 32 characters of context either side', () => {
    const [a] = start();
    const anchor = anchorOn(a.doc, 'brede nok');
    expect(anchor.quote).toEqual({
      prefix: 's åen i 2027.\nStierne skal være ',
      exact: 'brede nok',
      suffix: ' til barnevogne og kørestole.\nBo',
    });
    expect(anchor.start.assoc).toBe(0);
    expect(anchor.end.assoc).toBe(-1);
    const from = plainText(a.doc).indexOf('brede nok');
    expect(resolveAnchor(a.doc, anchor)).toEqual({ status: 'anchored', from, to: from + 9, text: 'brede nok' });
  });

  it('trims block separators off the ends and refuses ranges without text', () => {
    const [a] = start();
    const text = plainText(a.doc);
    const end = text.indexOf('\n');
    const anchor = anchorFromRange(a.doc, end - 6, end + 1);
    expect(anchor.quote.exact).toBe(' 2027.');
    expect(() => anchorFromRange(a.doc, end, end + 1)).toThrow(expect.objectContaining({ code: 'empty' }));
    expect(() => anchorFromRange(a.doc, 3, 3)).toThrow(expect.objectContaining({ code: 'out_of_range' }));
    expect(() => anchorFromRange(a.doc, -1, 3)).toThrow(expect.objectContaining({ code: 'out_of_range' }));
    expect(() => anchorFromRange(a.doc, 0, text.length + 1)).toThrow(expect.objectContaining({ code: 'out_of_range' }));
  });

  it('refuses passages longer than 2,000 characters', () => {
    const [a] = start(paragraphs('x'.repeat(2500)));
    expect(anchorFromRange(a.doc, 0, 2000).quote.exact).toHaveLength(2000);
    expect(() => anchorFromRange(a.doc, 0, 2001)).toThrow(expect.objectContaining({ code: 'too_long' }));
  });
});

describe('resolveAnchor through concurrent edits', () => {
  it('stays anchored through concurrent inserts before and inside the range', () => {
    const [a, b] = start();
    const anchor = anchorOn(a.doc, 'nye stier langs åen');
    // Both offline: B types at the very start, A inside the passage.
    typeAt(b.editor, 1, 'I år: ');
    typeAt(a.editor, proseMirrorPositionOf(a.editor, 'stier'), 'grønne ');
    expect(resolveAnchor(a.doc, anchor)).toMatchObject({ status: 'anchored', text: 'nye grønne stier langs åen' });
    expect(resolveAnchor(b.doc, anchor)).toMatchObject({ status: 'anchored', text: 'nye stier langs åen' });
    exchange(a.doc, b.doc);
    const resolved = resolvedOnBoth(a, b, anchor);
    expect(resolved).toMatchObject({ status: 'anchored', text: 'nye grønne stier langs åen' });
    expect(plainText(a.doc).slice(resolved.from, resolved.to)).toBe(resolved.text);
  });

  it('stays anchored, shorter, when text inside or at the edges of the range is deleted', () => {
    const [a, b] = start();
    const anchor = anchorOn(a.doc, 'nye stier langs åen');
    const grønne = proseMirrorPositionOf(a.editor, 'stier');
    deleteRange(a.editor, grønne, grønne + 'stier '.length);
    const nye = proseMirrorPositionOf(b.editor, 'nye');
    deleteRange(b.editor, nye, nye + 'nye '.length);
    exchange(a.doc, b.doc);
    expect(resolvedOnBoth(a, b, anchor)).toMatchObject({ status: 'anchored', text: 'langs åen' });
  });

  it('keeps text typed exactly at the start or end edge outside the range', () => {
    const [a, b] = start();
    const anchor = anchorOn(a.doc, 'nye stier');
    // A types right before "nye" while B types right after "stier", concurrently.
    typeAt(a.editor, proseMirrorPositionOf(a.editor, 'nye'), 'flere ');
    typeAt(b.editor, proseMirrorPositionOf(b.editor, ' langs'), ' og bænke');
    exchange(a.doc, b.doc);
    expect(plainText(a.doc)).toContain('anlægge flere nye stier og bænke langs');
    expect(resolvedOnBoth(a, b, anchor)).toMatchObject({ status: 'anchored', text: 'nye stier' });
    // One character inside either edge is inside the range.
    typeAt(a.editor, proseMirrorPositionOf(a.editor, 'ye stier'), 'Y');
    typeAt(a.editor, proseMirrorPositionOf(a.editor, 'r og bænke'), 'R');
    expect(resolveAnchor(a.doc, anchor)).toMatchObject({ status: 'anchored', text: 'nYye stieRr' });
  });

  it('re-anchors to the same words when a paragraph is split inside the range', () => {
    const [a, b] = start();
    const anchor = anchorOn(a.doc, 'nye stier langs åen');
    splitAt(a.editor, proseMirrorPositionOf(a.editor, 'langs'));
    expect(plainText(a.doc)).toContain('anlægge nye stier \nlangs åen');
    const resolved = resolveAnchor(a.doc, anchor);
    expect(resolved).toMatchObject({ status: 'reanchored', text: 'nye stier \nlangs åen' });
    expect(plainText(a.doc).slice(resolved.from, resolved.to)).toBe(resolved.text);
    exchange(a.doc, b.doc);
    expect(resolvedOnBoth(a, b, anchor)).toEqual(resolved);
  });

  it('re-anchors when the split is before the range and moves all of it into the new paragraph', () => {
    const [a] = start();
    const anchor = anchorOn(a.doc, 'langs åen');
    splitAt(a.editor, proseMirrorPositionOf(a.editor, 'nye'));
    expect(resolveAnchor(a.doc, anchor)).toMatchObject({ status: 'reanchored', text: 'langs åen' });
    // A split after the range leaves it where it was.
    const before = anchorOn(a.doc, 'Kommunen vil');
    splitAt(a.editor, proseMirrorPositionOf(a.editor, 'anlægge'));
    expect(resolveAnchor(a.doc, before)).toMatchObject({ status: 'anchored', text: 'Kommunen vil' });
  });

  it('re-anchors through a split made while another peer edits the same passage offline', () => {
    const [a, b] = start();
    const anchor = anchorOn(a.doc, 'brede nok til barnevogne');
    splitAt(a.editor, proseMirrorPositionOf(a.editor, 'til barnevogne'));
    typeAt(b.editor, 1, 'Nyt: ');
    // Apply the updates in both orders: the peers converge and so do the anchors.
    exchange(b.doc, a.doc);
    const resolved = resolvedOnBoth(a, b, anchor);
    expect(resolved).toMatchObject({ status: 'reanchored', text: 'brede nok \ntil barnevogne' });
  });

  it('re-anchors when the two paragraphs the range spans are merged', () => {
    const [a, b] = start();
    const anchor = anchorOn(a.doc, 'i 2027.\nStierne skal');
    joinBackwardAt(a.editor, 'Stierne');
    expect(plainText(a.doc)).toContain('i 2027.Stierne skal');
    exchange(a.doc, b.doc);
    expect(resolvedOnBoth(a, b, anchor)).toMatchObject({ status: 'reanchored', text: 'i 2027.Stierne skal' });
  });

  it('re-anchors a range inside a paragraph that is merged into the one before', () => {
    const [a, b] = start();
    const anchor = anchorOn(a.doc, 'forslag til ruten');
    joinBackwardAt(b.editor, 'Borgerne');
    // Meanwhile A types before the passage, in the paragraph B's merge deletes.
    typeAt(a.editor, proseMirrorPositionOf(a.editor, 'kan komme'), 'selv ');
    exchange(a.doc, b.doc);
    const resolved = resolvedOnBoth(a, b, anchor);
    expect(resolved.status).toBe('reanchored');
    expect(resolved.text).toBe('forslag til ruten');
  });

  it('orphans the comment, keeping its quote, when the whole passage is deleted', () => {
    const [a, b] = start(paragraphs('Vi vil plante træer i parken.', 'Der skal være plads til træer og buske.'));
    const anchor = anchorOn(a.doc, 'plante træer i parken');
    const from = proseMirrorPositionOf(a.editor, 'plante');
    deleteRange(a.editor, from, from + 'plante træer i parken'.length);
    exchange(a.doc, b.doc);
    expect(resolvedOnBoth(a, b, anchor)).toEqual({ status: 'orphaned', from: -1, to: -1, text: 'plante træer i parken' });

    // Same words elsewhere with other surroundings: still orphaned, not moved onto them.
    const short = anchorOn(a.doc, 'træer og buske');
    typeAt(b.editor, 1, 'Om træer og buske: ');
    const paragraphStart = proseMirrorPositionOf(b.editor, 'Der skal');
    deleteRange(b.editor, paragraphStart, paragraphStart + 'Der skal være plads til træer og buske.'.length);
    expect(plainText(b.doc)).toContain('Om træer og buske: ');
    expect(resolveAnchor(b.doc, short)).toMatchObject({ status: 'orphaned', text: 'træer og buske' });
  });

  it('picks the right duplicate by prefix and suffix when re-anchoring', () => {
    const [a, b] = start(
      paragraphs(
        'Budgettet for stier er 2 mio. kr.',
        'Budgettet for stier er',
        'fastsat af byrådet og kan ændres.',
        'Budgettet for stier er uændret.',
      ),
    );
    // The second occurrence, spanning a paragraph boundary.
    const anchor = anchorOn(a.doc, 'stier er\nfastsat');
    joinBackwardAt(a.editor, 'fastsat');
    exchange(a.doc, b.doc);
    const resolved = resolvedOnBoth(a, b, anchor);
    expect(resolved).toMatchObject({ status: 'reanchored', text: 'stier erfastsat' });

    // A passage whose positions break (its paragraph merged) among identical words: the context decides.
    const third = anchorOn(b.doc, 'Budgettet for stier er', 2);
    joinBackwardAt(b.editor, 'Budgettet for stier er uændret');
    const moved = resolveAnchor(b.doc, third);
    expect(moved.status).toBe('reanchored');
    expect(plainText(b.doc).slice(moved.from)).toBe('Budgettet for stier er uændret.');
  });

  it('re-anchors next to where a surviving position points even when the surroundings were rewritten', () => {
    const [a] = start(paragraphs('Helt andet før: vigtig', 'sætning her; helt andet efter.'));
    const anchor = anchorOn(a.doc, 'vigtig\nsætning');
    const before = proseMirrorPositionOf(a.editor, 'Helt');
    deleteRange(a.editor, before, before + 'Helt andet før: '.length);
    const after = proseMirrorPositionOf(a.editor, '; helt');
    deleteRange(a.editor, after, after + '; helt andet efter.'.length);
    joinBackwardAt(a.editor, 'sætning');
    expect(plainText(a.doc)).toBe('vigtigsætning her');
    // Context agreement is 4 characters (" her"), under the 8 that make a distant occurrence count,
    // but the start position survived and points right at it.
    expect(resolveAnchor(a.doc, anchor)).toMatchObject({ status: 'reanchored', from: 0, to: 13, text: 'vigtigsætning' });
  });

  it('resolves overlapping ranges independently', () => {
    const [a, b] = start();
    const first = anchorOn(a.doc, 'anlægge nye stier');
    const second = anchorOn(a.doc, 'nye stier langs åen');
    // In the overlap, concurrently: A types, B splits after "langs " (inside the second range only).
    typeAt(a.editor, proseMirrorPositionOf(a.editor, 'stier'), 'brede ');
    splitAt(b.editor, proseMirrorPositionOf(b.editor, 'åen'));
    exchange(a.doc, b.doc);
    const [one, two] = resolveAnchors(a.doc, [first, second]) as [ResolvedAnchor, ResolvedAnchor];
    expect(one).toMatchObject({ status: 'anchored', text: 'anlægge nye brede stier' });
    // The second range broke at the split and its quote no longer occurs (the typing): it keeps the part
    // before the split, still anchored.
    expect(two).toMatchObject({ status: 'anchored', text: 'nye brede stier langs ' });
    expect(one.from).toBeLessThan(two.from);
    expect(one.to).toBeGreaterThan(two.from);
    expect(resolveAnchors(b.doc, [first, second])).toEqual([one, two]);
  });

  it('resolves the same on peers that receive concurrent offline edits in different orders', () => {
    const [a, b] = start();
    const seed = Y.encodeStateAsUpdate(a.doc);
    const anchors = ['nye stier langs åen', 'brede nok til barnevogne', 'kørestole.\nBorgerne kan', 'forslag til ruten'].map((p) =>
      anchorOn(a.doc, p),
    );
    const fromA: Uint8Array[] = [];
    const fromB: Uint8Array[] = [];
    a.doc.on('update', (update: Uint8Array) => fromA.push(update));
    b.doc.on('update', (update: Uint8Array) => fromB.push(update));
    // Offline: A splits the first paragraph and types in the second; B merges the third into the
    // second and deletes a word from the first.
    splitAt(a.editor, proseMirrorPositionOf(a.editor, 'langs'));
    typeAt(a.editor, proseMirrorPositionOf(a.editor, 'nok'), 'og lange ');
    joinBackwardAt(b.editor, 'Borgerne');
    const vil = proseMirrorPositionOf(b.editor, 'vil ');
    deleteRange(b.editor, vil, vil + 'vil '.length);
    // Two more replicas get the same updates in opposite orders.
    const [c, d] = [new Y.Doc(), new Y.Doc()];
    Y.applyUpdate(c, seed);
    Y.applyUpdate(d, seed);
    for (const update of [...fromA, ...fromB]) Y.applyUpdate(c, update);
    for (const update of [...fromB, ...fromA]) Y.applyUpdate(d, update);
    exchange(a.doc, b.doc);
    expect(plainText(a.doc)).toBe(
      'Kommunen anlægge nye stier \nlangs åen i 2027.\nStierne skal være brede og lange nok til barnevogne og kørestole.Borgerne kan komme med forslag til ruten.',
    );
    const expected = resolveAnchors(a.doc, anchors);
    for (const replica of [b.doc, c, d]) {
      expect(plainText(replica)).toBe(plainText(a.doc));
      expect(resolveAnchors(replica, anchors)).toEqual(expected);
    }
    expect(expected.map(({ status, text }) => [status, text])).toEqual([
      ['reanchored', 'nye stier \nlangs åen'],
      ['anchored', 'brede og lange nok til barnevogne'],
      ['reanchored', 'kørestole.Borgerne kan'],
      ['reanchored', 'forslag til ruten'],
    ]);
    c.destroy();
    d.destroy();
  });

  it('never reports a quote that does not match the text for re-anchored results', () => {
    const [a] = start();
    const anchors = ['Kommunen vil', 'langs åen i 2027.\nStierne', 'barnevogne og kørestole', 'til ruten.'].map((p) => anchorOn(a.doc, p));
    splitAt(a.editor, proseMirrorPositionOf(a.editor, 'åen'));
    joinBackwardAt(a.editor, 'Borgerne');
    splitAt(a.editor, proseMirrorPositionOf(a.editor, 'kørestole'));
    for (const [i, resolved] of resolveAnchors(a.doc, anchors).entries()) {
      expect(resolved.status).not.toBe('orphaned');
      expect(canonicalText(resolved.text)).toBe(canonicalText(anchors[i]!.quote.exact));
    }
  });
});
