/**
 * Properties of compare + render over many random bodies and random edits (seeded, so a failure
 * repeats): the inline view without its insertions reads as the old body, without its deletions as
 * the new one; each side of the side-by-side view reads as its body; every change has exactly one
 * anchor in each view; and the unchanged text really is the same on both sides.
 */
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import type { JSONContent } from '@tiptap/core';
import { compareBodies } from '../../../lib/versions/compare/compareBodies';
import { renderComparison } from '../../../lib/versions/compare/renderComparison';
import { translator } from '../../../lib/i18n/translator';

const t = translator('da');

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['skole', 'by', 'plan', 'æble', 'ø', 'gård', 'og', 'i', 'den', 'ny', 'gamle', 'vej', '2028', 'høring', '<b>', '&', 'x'];

type Inline = { text: string; bold: boolean };
type Block = { kind: 'p' | 'h' | 'li'; level: number; inline: Inline[] };

function randomInline(next: () => number): Inline[] {
  const count = 1 + Math.floor(next() * 6);
  const words = Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const punctuation = next() < 0.3 ? '.' : '';
  return [{ text: words.join(' ') + punctuation, bold: next() < 0.2 }];
}

function toJson(blocks: readonly Block[]): JSONContent {
  const content: JSONContent[] = [];
  const inline = (parts: Inline[]): JSONContent[] =>
    parts
      .filter((part) => part.text !== '')
      .map((part) => ({ type: 'text', text: part.text, ...(part.bold && { marks: [{ type: 'bold' }] }) }));
  for (const block of blocks) {
    if (block.kind === 'li') {
      const item = { type: 'listItem', content: [{ type: 'paragraph', content: inline(block.inline) }] };
      const last = content[content.length - 1];
      if (last?.type === 'bulletList') last.content!.push(item);
      else content.push({ type: 'bulletList', content: [item] });
    } else if (block.kind === 'h') content.push({ type: 'heading', attrs: { level: block.level }, content: inline(block.inline) });
    else content.push({ type: 'paragraph', content: inline(block.inline) });
  }
  return { type: 'doc', content };
}

function mutate(blocks: Block[], next: () => number): Block[] {
  const copy = blocks.map((block) => ({ ...block, inline: block.inline.map((part) => ({ ...part })) }));
  const at = Math.floor(next() * copy.length);
  const block = copy[at]!;
  const part = block.inline[0]!;
  const words = part.text.split(' ');
  const w = Math.floor(next() * words.length);
  switch (Math.floor(next() * 9)) {
    case 0:
      words[w] = WORDS[Math.floor(next() * WORDS.length)]!;
      part.text = words.join(' ');
      break;
    case 1:
      words.splice(w, 0, WORDS[Math.floor(next() * WORDS.length)]!);
      part.text = words.join(' ');
      break;
    case 2:
      if (words.length > 1) words.splice(w, 1);
      part.text = words.join(' ');
      break;
    case 3:
      copy.splice(at + 1, 0, { kind: 'p', level: 1, inline: randomInline(next) });
      break;
    case 4:
      if (copy.length > 1) copy.splice(at, 1);
      break;
    case 5:
      part.bold = !part.bold;
      break;
    case 6:
      block.kind = block.kind === 'h' ? 'p' : 'h';
      block.level = 1 + Math.floor(next() * 3);
      break;
    case 7:
      block.kind = block.kind === 'li' ? 'p' : 'li';
      break;
    default: {
      // Split the block's text into two blocks of its kind.
      if (words.length < 2) break;
      const cut = 1 + Math.floor(next() * (words.length - 1));
      part.text = words.slice(0, cut).join(' ');
      copy.splice(at + 1, 0, { ...block, inline: [{ text: words.slice(cut).join(' '), bold: part.bold }] });
    }
  }
  return copy;
}

const window = new Window();
function parse(html: string): HTMLElement {
  const root = window.document.createElement('div');
  root.innerHTML = html;
  return root as unknown as HTMLElement;
}

/** The visible text without what `drop` matches, hidden prefixes and ¶ marks (what is not body text). */
function readable(root: HTMLElement, drop: string | null): string {
  const clone = root.cloneNode(true) as HTMLElement;
  const selector = ['.visually-hidden', '[aria-hidden]', ...(drop ? [drop] : [])].join(', ');
  for (const element of [...clone.querySelectorAll(selector)]) element.remove();
  return (clone.textContent ?? '').replace(/\s+/g, '');
}

const plain = (json: JSONContent): string => {
  let out = '';
  const walk = (node: JSONContent) => {
    if (node.text) out += node.text;
    node.content?.forEach(walk);
  };
  walk(json);
  return out.replace(/\s+/g, '');
};

describe('compare and render on random bodies and edits', () => {
  it('reads back as both bodies, with one anchor per change, in 600 cases', () => {
    const next = random(20261207);
    for (let run = 0; run < 600; run++) {
      const blocks: Block[] = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({
        kind: next() < 0.2 ? 'h' : next() < 0.3 ? 'li' : 'p',
        level: 1 + Math.floor(next() * 3),
        inline: randomInline(next),
      }));
      let edited = blocks;
      for (let edits = 1 + Math.floor(next() * 4); edits > 0; edits--) edited = mutate(edited, next);
      const before = toJson(blocks);
      const after = toJson(edited);
      const comparison = compareBodies(before, after);
      const context = `case ${run}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`;

      const inline = renderComparison(comparison, 'inline', t);
      const side = renderComparison(comparison, 'side', t);
      if (inline.view !== 'inline' || side.view !== 'side') throw new Error('views');
      const inlineRoot = parse(inline.html);
      // A formatting change shows its text once (new formatting), as neither insertion nor deletion.
      expect(readable(inlineRoot, 'ins:not(.compare-format)'), context).toBe(plain(before));
      expect(readable(inlineRoot, 'del'), context).toBe(plain(after));
      expect(readable(parse(side.oldHtml), null), context).toBe(plain(before));
      expect(readable(parse(side.newHtml), null), context).toBe(plain(after));

      const sideRoot = parse(side.oldHtml + side.newHtml);
      for (const change of comparison.changes) {
        expect(inlineRoot.querySelectorAll(`#change-${change.index}`), `${context} #${change.index}`).toHaveLength(1);
        expect(sideRoot.querySelectorAll(`#change-${change.index}`), `${context} #${change.index}`).toHaveLength(1);
      }
      if (JSON.stringify(before) === JSON.stringify(after)) expect(comparison.changes, context).toEqual([]);
      else expect(comparison.changes.length, context).toBeGreaterThan(0);
    }
  });
});
