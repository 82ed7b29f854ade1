/**
 * Compare on real edits: the seph-blog1 and automerge-paper editing traces (tests/fixtures/traces,
 * CC BY 4.0, see the README there) replayed to two points, each line a paragraph. The comparison
 * must mark exactly the words that differ: nothing it leaves unmarked differs (the unmarked text of
 * both bodies is the same sequence), no mark splits a word, and it marks no more words than a plain
 * diff of the two texts does (a longest common subsequence over their words, computed here
 * independently).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { loadTrace, TraceReplayer, type EditingTrace } from '../../../lib/traces/loadTrace';
import { compareBodies } from '../../../lib/versions/compare/compareBodies';

const traceOf = (name: string): EditingTrace => loadTrace(fileURLToPath(new URL(`../../fixtures/traces/${name}.json.gz`, import.meta.url)));

/** The trace's text after each of `points` transactions (ascending). */
function textsAt(trace: EditingTrace, points: readonly number[]): string[] {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, trace.startContent);
  const replayer = new TraceReplayer(text);
  const texts: string[] = [];
  let next = 0;
  for (const point of points) {
    for (; next < point; next++) for (const patch of trace.txns[next]!.patches) replayer.apply(patch);
    texts.push(text.toString());
  }
  doc.destroy();
  return texts;
}

const bodyOf = (text: string): JSONContent => ({
  type: 'doc',
  content: text.split('\n').map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] })),
});

/** Words (as the comparison counts them), single other characters, and line breaks; with their offsets. */
const TOKEN = /[\p{L}\p{N}\p{M}_'’-]+|[\s\S]/gu;
const isWord = (token: string): boolean => /^[\p{L}\p{N}\p{M}_'’-]+$/u.test(token);

interface TextToken {
  readonly text: string;
  /** The ProseMirror positions the token occupies (a line break: the closing and the opening between paragraphs). */
  readonly positions: readonly number[];
}

function tokensOf(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  // Paragraph i's text starts one position after its opening; a line break is a closing and an opening.
  let pos = 1;
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (token === '\n') {
      tokens.push({ text: token, positions: [pos, pos + 1] });
      pos += 2;
      continue;
    }
    tokens.push({ text: token, positions: Array.from({ length: token.length }, (_, i) => pos + i) });
    pos += token.length;
  }
  return tokens;
}

/** Length of the longest common subsequence (plain dynamic programming, two rows). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  let previous = new Uint32Array(endB - start + 1);
  let current = new Uint32Array(endB - start + 1);
  for (let i = start; i < endA; i++) {
    for (let j = start; j < endB; j++) {
      const k = j - start + 1;
      current[k] = a[i] === b[j] ? previous[k - 1]! + 1 : Math.max(previous[k]!, current[k - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return start + (a.length - endA) + previous[endB - start]!;
}

function check(before: string, after: string): { changes: number; markedWords: number } {
  const { changes, oldDoc, newDoc } = compareBodies(bodyOf(before), bodyOf(after));
  const markedA = new Uint8Array(oldDoc.content.size);
  const markedB = new Uint8Array(newDoc.content.size);
  for (const change of changes) {
    markedA.fill(1, change.fromA, change.toA);
    markedB.fill(1, change.fromB, change.toB);
  }
  const sides = [
    { tokens: tokensOf(before), marked: markedA },
    { tokens: tokensOf(after), marked: markedB },
  ];
  const unmarked: string[][] = [];
  let markedWords = 0;
  for (const { tokens, marked } of sides) {
    const kept: string[] = [];
    for (const token of tokens) {
      const count = token.positions.filter((pos) => marked[pos] === 1).length;
      if (token.text === '\n') continue;
      // No mark covers part of a word (or part of a character).
      expect(count === 0 || count === token.positions.length, `"${token.text}" marked in part`).toBe(true);
      if (count === 0) kept.push(token.text);
      else if (isWord(token.text)) markedWords++;
    }
    unmarked.push(kept);
  }
  // Everything left unmarked is the same, in the same order, on both sides.
  expect(unmarked[0]).toEqual(unmarked[1]);
  // And no more words are marked than a plain diff of the texts marks.
  const wordsA = sides[0]!.tokens.map((token) => token.text).filter(isWord);
  const wordsB = sides[1]!.tokens.map((token) => token.text).filter(isWord);
  const lcs = lcsLength(wordsA, wordsB);
  expect(markedWords).toBe(wordsA.length - lcs + (wordsB.length - lcs));
  return { changes: changes.length, markedWords };
}

const TRACES: Array<{ name: string; windows: Array<[number, number]> }> = [
  // A blog post in Markdown (non-ASCII, varied edit sizes).
  {
    name: 'seph-blog1',
    windows: [
      [3_000, 3_400],
      [20_000, 21_000],
      [60_000, 62_000],
      [100_000, 103_000],
      [130_000, 137_154],
    ],
  },
  // A LaTeX paper typed character by character.
  {
    name: 'automerge-paper',
    windows: [
      [50_000, 52_000],
      [200_000, 203_000],
    ],
  },
];

describe.each(TRACES)('compareBodies on a real editing trace ($name)', ({ name, windows }) => {
  const trace = traceOf(name);
  const texts = textsAt(trace, windows.flat());

  it.each(windows.map((window, i) => [window[0], window[1], i] as const))(
    'marks exactly the changed words between transactions %i and %i',
    (_from, _to, i) => {
      const before = texts[2 * i]!;
      const after = texts[2 * i + 1]!;
      expect(before).not.toBe(after);
      const { changes, markedWords } = check(before, after);
      expect(changes).toBeGreaterThan(0);
      expect(markedWords).toBeGreaterThan(0);
    },
  );

  it('replays to where the trace says it ends', () => {
    if (windows[windows.length - 1]![1] === trace.txns.length) expect(texts[texts.length - 1]).toBe(trace.endContent);
    else expect(textsAt(trace, [trace.txns.length])[0]).toBe(trace.endContent);
  });
});
