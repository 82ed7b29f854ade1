// @vitest-environment happy-dom
/**
 * The editor side: selections to anchors and resolved passages to ProseMirror ranges, through the
 * real y-tiptap binding. ProseMirror's own textBetween is the independent check that a plain-text
 * offset and a ProseMirror position name the same character.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Editor, type JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { documentText } from '../../../lib/comments/anchors/documentText';
import {
  anchorFromSelection,
  plainRangeFromProseMirror,
  resolveInEditor,
  toProseMirrorRange,
  toProseMirrorRanges,
} from '../../../lib/comments/anchors/proseMirrorBridge';
import { resolveAnchor } from '../../../lib/comments/anchors/resolveAnchor';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { bodyOf, destroyAll, exchange, paragraph, paragraphs, proseMirrorPositionOf, twoPeers, type Peer } from './anchorsFixtures';

const textBetween = (doc: ProseMirrorNode, from: number, to: number) =>
  doc.textBetween(from, to, '\n', (leaf) => (leaf.isInline ? ' ' : ''));

const RICH: JSONContent = bodyOf(
  { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Stier' }] },
  {
    type: 'paragraph',
    content: [{ type: 'text', text: 'Før' }, { type: 'hardBreak' }, { type: 'text', text: 'efter', marks: [{ type: 'italic' }] }],
  },
  {
    type: 'bulletList',
    content: [
      {
        type: 'listItem',
        content: [paragraph('Et'), { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Dybt')] }] }],
      },
      { type: 'listItem', content: [paragraph('To')] },
    ],
  },
  { type: 'blockquote', content: [paragraph('Citat')] },
  paragraph(''),
  { type: 'paragraph', content: [{ type: 'hardBreak' }] },
  paragraph('Slut'),
);

let peers: Peer[] = [];
const start = (content: JSONContent): [Peer, Peer] => (peers = twoPeers(content)) as [Peer, Peer];
afterEach(() => destroyAll(...peers));

const select = (peer: Peer, from: number, to: number) => peer.editor.commands.setTextSelection({ from, to });

describe('anchorFromSelection', () => {
  it('anchors the selected words, and the passage maps back onto the same selection', () => {
    const [a] = start(paragraphs('Kommunen vil anlægge nye stier langs åen.', 'Næste afsnit.'));
    const from = proseMirrorPositionOf(a.editor, 'nye stier');
    select(a, from, from + 'nye stier'.length);
    const anchor = anchorFromSelection(a.editor)!;
    expect(anchor.quote).toMatchObject({ exact: 'nye stier', prefix: 'Kommunen vil anlægge ', suffix: ' langs åen.\nNæste afsnit.' });
    const resolved = resolveAnchor(a.doc, anchor);
    expect(resolved).toMatchObject({ status: 'anchored', text: 'nye stier' });
    expect(toProseMirrorRange(a.editor, resolved)).toEqual({ from, to: from + 'nye stier'.length });
  });

  it('anchors a selection across blocks, with "\\n" between them in the quote', () => {
    const [a] = start(RICH);
    const from = proseMirrorPositionOf(a.editor, 'fter');
    const to = proseMirrorPositionOf(a.editor, 'bt');
    select(a, from, to);
    const anchor = anchorFromSelection(a.editor)!;
    expect(anchor.quote.exact).toBe('fter\nEt\nDy');
    expect(textBetween(a.editor.state.doc, from, to)).toBe(anchor.quote.exact);
    const range = toProseMirrorRange(a.editor, resolveAnchor(a.doc, anchor));
    expect(range).toEqual({ from, to });
  });

  it('anchors a passage that starts at the very first character of the document', () => {
    const [a] = start(paragraphs('Begyndelsen af teksten.'));
    select(a, 1, 12);
    const anchor = anchorFromSelection(a.editor)!;
    expect(anchor.quote.exact).toBe('Begyndelsen');
    expect(toProseMirrorRange(a.editor, resolveAnchor(a.doc, anchor))).toEqual({ from: 1, to: 12 });
  });

  it('gives null for an empty selection or one holding only a block boundary or spaces', () => {
    const [a] = start(paragraphs('Første.', 'Anden  afsnit.'));
    select(a, 3, 3);
    expect(anchorFromSelection(a.editor)).toBeNull();
    const endOfFirst = proseMirrorPositionOf(a.editor, '.') + 1;
    select(a, endOfFirst, endOfFirst + 2); // "Første.|" → "|Anden"
    expect(a.editor.state.selection.empty).toBe(false);
    expect(anchorFromSelection(a.editor)).toBeNull();
    const spaces = proseMirrorPositionOf(a.editor, '  ');
    select(a, spaces, spaces + 2);
    expect(anchorFromSelection(a.editor)).toBeNull();
  });

  it('throws too_long for a selection over 2,000 characters', () => {
    const [a] = start(paragraphs('y'.repeat(2100)));
    select(a, 1, 2002);
    expect(() => anchorFromSelection(a.editor)).toThrow(expect.objectContaining({ code: 'too_long' }));
  });
});

describe('plain-text offsets and ProseMirror positions', () => {
  it('agree with ProseMirror on every range between positions inside text blocks', () => {
    const [a] = start(RICH);
    const { doc } = a.editor.state;
    const text = documentText(a.doc.getXmlFragment(BODY_FRAGMENT)).text;
    const inside: Array<{ pos: number; offset: number }> = [];
    for (let pos = 0; pos <= doc.content.size; pos++) {
      if (!doc.resolve(pos).parent.isTextblock) continue;
      const range = plainRangeFromProseMirror(a.editor, pos, pos)!;
      expect(range.from).toBe(range.to);
      inside.push({ pos, offset: range.from });
    }
    expect(inside.length).toBeGreaterThan(30);
    for (const from of inside) {
      for (const to of inside) {
        if (to.pos < from.pos) continue;
        expect(text.slice(from.offset, to.offset), `${from.pos}..${to.pos}`).toBe(textBetween(doc, from.pos, to.pos));
      }
    }
  });

  it('maps every character of the plain text to the ProseMirror range holding it, and back', () => {
    const [a] = start(RICH);
    const { doc } = a.editor.state;
    const text = documentText(a.doc.getXmlFragment(BODY_FRAGMENT)).text;
    const characters = [...text].map((_, i) => ({ status: 'anchored' as const, from: i, to: i + 1, text: text[i]! }));
    const ranges = toProseMirrorRanges(a.editor, characters);
    ranges.forEach((range, i) => {
      if (text[i] === '\n') return;
      expect(range, `offset ${i}`).not.toBeNull();
      expect(textBetween(doc, range!.from, range!.to), `offset ${i}`).toBe(text[i]);
      expect(plainRangeFromProseMirror(a.editor, range!.from, range!.to)).toEqual({ from: i, to: i + 1 });
    });
  });

  it('gives no range for orphaned or out-of-date passages', () => {
    const [a] = start(paragraphs('Kort.'));
    expect(toProseMirrorRange(a.editor, { status: 'orphaned', from: -1, to: -1, text: 'væk' })).toBeNull();
    expect(toProseMirrorRange(a.editor, { status: 'anchored', from: 2, to: 50, text: '?' })).toBeNull();
    expect(toProseMirrorRange(a.editor, { status: 'anchored', from: 3, to: 3, text: '' })).toBeNull();
  });

  it('does nothing in an editor without the collaboration binding', () => {
    const editor = new Editor({ element: document.createElement('div'), extensions: bodyExtensions(), content: '<p>Lokal tekst</p>' });
    editor.commands.setTextSelection({ from: 1, to: 6 });
    expect(anchorFromSelection(editor)).toBeNull();
    expect(plainRangeFromProseMirror(editor, 1, 6)).toBeNull();
    expect(toProseMirrorRange(editor, { status: 'anchored', from: 0, to: 5, text: 'Lokal' })).toBeNull();
    expect(resolveInEditor(editor, [])).toEqual([]);
    editor.destroy();
  });
});

describe('resolveInEditor', () => {
  it('follows passages through another peer’s split, merge and typing into ranges in this editor', () => {
    const [a, b] = start(paragraphs('Kommunen vil anlægge nye stier langs åen.', 'Stierne skal være brede.', 'Forslag er velkomne.'));
    const pick = (words: string) => {
      const from = proseMirrorPositionOf(a.editor, words);
      select(a, from, from + words.length);
      return anchorFromSelection(a.editor)!;
    };
    const anchors = [pick('nye stier langs'), pick('skal være brede'), pick('er velkomne'), pick('Kommunen')];
    // B, offline, splits the first passage, merges the third paragraph into the second and types.
    b.editor.chain().setTextSelection(proseMirrorPositionOf(b.editor, 'langs')).splitBlock().run();
    b.editor.chain().setTextSelection(proseMirrorPositionOf(b.editor, 'Forslag')).joinBackward().run();
    b.editor.view.dispatch(b.editor.state.tr.insertText('Den ', proseMirrorPositionOf(b.editor, 'Kommunen')));
    exchange(a.doc, b.doc);
    const results = resolveInEditor(a.editor, anchors);
    expect(results.map(({ resolved }) => resolved.status)).toEqual(['reanchored', 'anchored', 'reanchored', 'anchored']);
    const shown = results.map(({ range }) => textBetween(a.editor.state.doc, range!.from, range!.to));
    expect(shown).toEqual(['nye stier \nlangs', 'skal være brede', 'er velkomne', 'Kommunen']);
    expect(a.editor.getText()).toBe(b.editor.getText());
  });
});
