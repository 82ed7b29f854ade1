/**
 * Compares two bodies (ProseMirror JSON in the editor's schema): where text was inserted and
 * deleted, word by word, inside blocks and as whole blocks.
 *
 * 1. Top-level blocks are matched as wholes, anchored on blocks found once in each body (an empty
 *    paragraph or a repeated line would pair a rewritten paragraph with the wrong one).
 * 2. A transform replaces each run of changed blocks with the new ones, and prosemirror-changeset
 *    tracks it: its tokens here include marks and node attributes (bold added, a heading's level
 *    changed count), and its diff narrows each run to the range that really changed.
 * 3. That range is diffed exactly, word by word: words matched first, then spaces, punctuation and
 *    structure between them. The changeset's own diff is not used for the final marks: it is
 *    character-level and tuned for display while typing (it merges changes up to 15 characters
 *    apart, gives up beyond 2,500, and can align a rewritten sentence with unrelated letters; on
 *    the editing trace it marked twice the words that changed). Where a range has too many word
 *    edits, the changeset's finer ranges are diffed instead, each word by word.
 * 4. An inserted or deleted run is slid to cover whole nodes where the same tokens allow it, and
 *    two replacements only a space or punctuation apart become one.
 */
import { getSchema, type JSONContent } from '@tiptap/core';
import { ChangeSet, type Change, type TokenEncoder } from '@tiptap/pm/changeset';
import { Slice, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { ReplaceStep, Transform, type StepMap } from '@tiptap/pm/transform';
import { bodyExtensions, mentionLabel } from '../../editor/bodyExtensions';
import { AtomKind, BodyAtoms, CLOSE_KEY, marksKey, nodeKey } from './bodyAtoms';
import { diffSequences, type DiffRun } from './diffSequences';

/**
 * `insert`/`delete`: one side only; `replace`: text replaced; `format`: the same text with other
 * marks or another block type (bold added, a paragraph made a heading).
 */
export type ChangeKind = 'insert' | 'delete' | 'replace' | 'format';

export interface BodyChange {
  /** 1, 2, … in document order (the compare page's `#change-<index>`). */
  readonly index: number;
  readonly kind: ChangeKind;
  /** `[fromA, toA)` in the old document was replaced by `[fromB, toB)` in the new one (positions). */
  readonly fromA: number;
  readonly toA: number;
  readonly fromB: number;
  readonly toB: number;
  /** The text deleted and inserted, blocks separated by a line break (for the list of changes). */
  readonly deletedText: string;
  readonly insertedText: string;
}

export interface BodyComparison {
  readonly oldDoc: PMNode;
  readonly newDoc: PMNode;
  readonly changes: readonly BodyChange[];
}

/** Past this many word edits in one changed range, the range is shown as one replacement. */
const MAX_WORD_EDITS = 2000;
/** Past this many blocks added or removed, the blocks are not matched as wholes first. */
const MAX_BLOCK_EDITS = 2000;
/** Longest run of spaces and punctuation between two replacements that joins them into one. */
const MAX_JOINED_SEPARATORS = 3;

let schema: Schema | undefined;
const bodySchema = (): Schema => (schema ??= getSchema(bodyExtensions()));

/** Tokens equal only when text, marks and node attributes are (the default ignores marks and attributes). */
const ENCODER: TokenEncoder<string> = {
  encodeCharacter: (char, marks) => `${String.fromCharCode(char)}\u0000${marksKey(marks)}`,
  encodeNodeStart: nodeKey,
  encodeNodeEnd: () => CLOSE_KEY,
  compareTokens: (a, b) => a === b,
};

const leafText = (node: PMNode): string =>
  node.type.name === 'hardBreak' ? '\n' : node.type.name === 'mention' ? `@${mentionLabel(node.attrs)}` : '';

/** Throws (RangeError) when a body names a node or mark the editor's schema does not have. */
export function compareBodies(oldBody: JSONContent, newBody: JSONContent): BodyComparison {
  const oldDoc = bodySchema().nodeFromJSON(oldBody);
  const newDoc = bodySchema().nodeFromJSON(newBody);
  const blocks = blockSteps(oldDoc, newDoc);
  const changeset = ChangeSet.create<number>(oldDoc, undefined, ENCODER).addSteps(newDoc, blocks.maps, 0);

  const a = new BodyAtoms(oldDoc);
  const b = new BodyAtoms(newDoc);
  const tokensA = tokensOf(a);
  const tokensB = tokensOf(b);
  const tokenRuns = blocks.runs.flatMap((run) => {
    const inside = changeset.changes.filter((change) => change.fromA >= run.fromA && change.toA <= run.toA);
    if (inside.length === 0) return [];
    // The run's whole changed stretch diffed word by word (exact); when that is too many edits, the
    // changeset's own finer ranges, each diffed word by word (a range too big even so: one change).
    const first = inside[0] as Change;
    const last = inside[inside.length - 1] as Change;
    const stretch = wordRegions([{ ...first, toA: last.toA, toB: last.toB }], a, b)[0] as DiffRun;
    return (
      diffWords(stretch, tokensA, tokensB) ??
      wordRegions(inside, a, b).flatMap((region) => diffWords(region, tokensA, tokensB) ?? [tokenRange(region, tokensA, tokensB)])
    );
  });
  slideToWholeNodes(tokenRuns, tokensA, tokensB);
  const runs = joinAcrossSeparators(tokenRuns, tokensA).map((run) => ({
    fromA: tokensA.starts[run.fromA] as number,
    toA: tokensA.starts[run.toA] as number,
    fromB: tokensB.starts[run.fromB] as number,
    toB: tokensB.starts[run.toB] as number,
  }));
  const changes: BodyChange[] = [];
  for (const run of runs) {
    // A closing alone (the end of a wrapper whose opening is its own change) shows nothing.
    if (a.onlyClosings(run.fromA, run.toA) && b.onlyClosings(run.fromB, run.toB)) continue;
    const deletedText = oldDoc.textBetween(run.fromA, run.toA, '\n', leafText);
    const insertedText = newDoc.textBetween(run.fromB, run.toB, '\n', leafText);
    // The same text with other marks, or the same openings with other attributes (a paragraph made a heading).
    const format =
      deletedText === insertedText && (deletedText !== '' || (a.onlyOpenings(run.fromA, run.toA) && b.onlyOpenings(run.fromB, run.toB)));
    const kind: ChangeKind = run.fromA === run.toA ? 'insert' : run.fromB === run.toB ? 'delete' : format ? 'format' : 'replace';
    changes.push({ index: changes.length + 1, kind, ...run, deletedText, insertedText });
  }
  return { oldDoc, newDoc, changes };
}

/**
 * The step maps of a transform from the old document to the new one that replaces each run of
 * changed top-level blocks (matched as wholes) with the new blocks; one step for all of it when
 * the blocks differ too much to match.
 */
function blockSteps(oldDoc: PMNode, newDoc: PMNode): { maps: readonly StepMap[]; runs: DiffRun[] } {
  const whole = {
    maps: [new ReplaceStep(0, oldDoc.content.size, new Slice(newDoc.content, 0, 0)).getMap()],
    runs: [{ fromA: 0, toA: oldDoc.content.size, fromB: 0, toB: newDoc.content.size }],
  };
  const jsonA = oldDoc.children.map((child) => JSON.stringify(child.toJSON()));
  const jsonB = newDoc.children.map((child) => JSON.stringify(child.toJSON()));
  // Only a block found once in each document anchors (an empty paragraph or a repeated line would
  // pair a rewritten paragraph with the wrong one); the others are matched word by word within runs.
  const counts = new Map<string, number>();
  for (const key of jsonA) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const key of jsonB) counts.set(key, (counts.get(key) ?? 0) + 1024);
  const keysOf = (json: string[], side: string): string[] => json.map((key, index) => (counts.get(key) === 1025 ? key : `${side}${index}`));
  const startsOf = (doc: PMNode): number[] => {
    const starts: number[] = [];
    doc.forEach((_child, offset) => starts.push(offset));
    starts.push(doc.content.size);
    return starts;
  };
  const runs = diffSequences(keysOf(jsonA, 'a'), keysOf(jsonB, 'b'), MAX_BLOCK_EDITS);
  if (!runs) return whole;
  const startsA = startsOf(oldDoc);
  const startsB = startsOf(newDoc);
  const tr = new Transform(oldDoc);
  // Back to front, so each step's positions are still the old document's.
  for (const run of [...runs].reverse()) {
    const slice = newDoc.slice(startsB[run.fromB] as number, startsB[run.toB] as number);
    tr.replace(startsA[run.fromA] as number, startsA[run.toA] as number, slice);
  }
  if (!tr.doc.eq(newDoc)) return whole;
  const positions = runs.map((run) => ({
    fromA: startsA[run.fromA] as number,
    toA: startsA[run.toA] as number,
    fromB: startsB[run.fromB] as number,
    toB: startsB[run.toB] as number,
  }));
  return { maps: tr.mapping.maps, runs: positions };
}

/**
 * The changeset's ranges widened to token boundaries in both documents, joined where they then
 * meet. The text between two ranges is the same in both documents, so widening walks both in step.
 */
function wordRegions(changes: readonly DiffRun[], a: BodyAtoms, b: BodyAtoms): DiffRun[] {
  const regions: DiffRun[] = [];
  let i = 0;
  while (i < changes.length) {
    const change = changes[i++] as DiffRun;
    let { fromA, fromB, toA, toB } = change;
    // Stops at the previous region's end at the latest: that is a boundary in both.
    while (!(a.isBoundary(fromA) && b.isBoundary(fromB))) {
      fromA--;
      fromB--;
    }
    for (;;) {
      const next = changes[i];
      if (next && toA >= next.fromA) {
        toA = next.toA;
        toB = next.toB;
        i++;
        continue;
      }
      if (a.isBoundary(toA) && b.isBoundary(toB)) break;
      toA++;
      toB++;
    }
    const previous = regions[regions.length - 1];
    if (previous && fromA <= previous.toA) {
      previous.toA = toA;
      previous.toB = toB;
    } else regions.push({ fromA, toA, fromB, toB });
  }
  return regions;
}

interface Tokens {
  readonly keys: readonly string[];
  readonly kinds: readonly AtomKind[];
  /** Where each token starts, and the document's size last. */
  readonly starts: readonly number[];
  readonly depths: readonly number[];
  /** Token index by position, for positions where a token starts (and the size). */
  readonly at: Int32Array;
}

/** A whole document's tokens (regions are token-aligned, so they index into these). */
function tokensOf(atoms: BodyAtoms): Tokens {
  const { keys, starts, depths, kinds } = atoms.tokens(0, atoms.size);
  const at = new Int32Array(atoms.size + 1).fill(-1);
  starts.forEach((start, index) => (at[start] = index));
  return { keys, starts, depths, kinds, at };
}

/** A token-aligned region as token indexes. */
function tokenRange(region: DiffRun, tokensA: Tokens, tokensB: Tokens): DiffRun {
  return {
    fromA: tokensA.at[region.fromA] as number,
    toA: tokensA.at[region.toA] as number,
    fromB: tokensB.at[region.fromB] as number,
    toB: tokensB.at[region.toB] as number,
  };
}

/**
 * One token-aligned region diffed word by word: the runs that differ, as token indexes; null when
 * too many. Words are matched first, on their own: a space or a paragraph boundary matched instead
 * would cost as much and could leave a word marked that did not change ("problem with words" →
 * "language problem" keeps "problem"). Spaces, punctuation and structure are then matched between
 * those words.
 */
function diffWords(region: DiffRun, tokensA: Tokens, tokensB: Tokens): DiffRun[] | null {
  const { fromA, toA, fromB, toB } = tokenRange(region, tokensA, tokensB);
  const wordsA: number[] = [];
  const wordsB: number[] = [];
  for (let i = fromA; i < toA; i++) if (tokensA.kinds[i] === AtomKind.Word) wordsA.push(i);
  for (let i = fromB; i < toB; i++) if (tokensB.kinds[i] === AtomKind.Word) wordsB.push(i);
  const wordRuns = diffSequences(
    wordsA.map((i) => tokensA.keys[i] as string),
    wordsB.map((i) => tokensB.keys[i] as string),
    MAX_WORD_EDITS,
  );
  if (!wordRuns) return null;
  // The words both keep, as pairs of token indexes, then the region's end.
  const anchors: Array<[number, number]> = [];
  let a = 0;
  let b = 0;
  for (const run of [...wordRuns, { fromA: wordsA.length, toA: wordsA.length, fromB: wordsB.length, toB: wordsB.length }]) {
    for (; a < run.fromA; a++, b++) anchors.push([wordsA[a] as number, wordsB[b] as number]);
    a = run.toA;
    b = run.toB;
  }
  anchors.push([toA, toB]);
  const runs: DiffRun[] = [];
  let previousA = fromA;
  let previousB = fromB;
  for (const [anchorA, anchorB] of anchors) {
    const between = diffSequences(tokensA.keys.slice(previousA, anchorA), tokensB.keys.slice(previousB, anchorB), MAX_WORD_EDITS) ?? [
      { fromA: 0, toA: anchorA - previousA, fromB: 0, toB: anchorB - previousB },
    ];
    for (const run of between)
      runs.push({ fromA: run.fromA + previousA, toA: run.toA + previousA, fromB: run.fromB + previousB, toB: run.toB + previousB });
    previousA = anchorA + 1;
    previousB = anchorB + 1;
  }
  return runs;
}

/**
 * An inserted or deleted block can often be matched two ways (`<p>new</p>` or `new</p><p>`, since
 * the text around it repeats the same tokens): slides such a run to where it covers whole nodes.
 */
function slideToWholeNodes(runs: DiffRun[], tokensA: Tokens, tokensB: Tokens): void {
  runs.forEach((run, index) => {
    const inserted = run.fromA === run.toA;
    if (!inserted && run.fromB !== run.toB) return;
    const side = inserted ? tokensB : tokensA;
    const from = inserted ? run.fromB : run.fromA;
    const to = inserted ? run.toB : run.toA;
    if (wholeNodes(side.depths, from, to)) return;
    const previous = runs[index - 1];
    const next = runs[index + 1];
    const floor = previous ? (inserted ? previous.toB : previous.toA) : 0;
    const ceiling = next ? (inserted ? next.fromB : next.fromA) : side.keys.length;
    let shift = 0;
    while (from + shift - 1 >= floor && side.keys[from + shift - 1] === side.keys[to + shift - 1]) shift--;
    for (; to + shift <= ceiling; shift++) {
      if (shift > 0 && side.keys[to + shift - 1] !== side.keys[from + shift - 1]) break;
      if (wholeNodes(side.depths, from + shift, to + shift)) {
        run.fromA += shift;
        run.toA += shift;
        run.fromB += shift;
        run.toB += shift;
        return;
      }
    }
  });
}

/** Whether tokens `[from, to)` open and close the same nodes (never closing one opened before). */
function wholeNodes(depths: readonly number[], from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    depth += depths[i] as number;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Joins two replacements that only spaces or punctuation separate ("den gamle, røde" → "den nye,
 * blå" stays two changes; "gamle røde" → "nye blå" becomes one), so a rewritten sentence reads as
 * one replacement rather than alternating words around each unchanged space.
 */
function joinAcrossSeparators(runs: readonly DiffRun[], tokensA: Tokens): DiffRun[] {
  const joined: DiffRun[] = [];
  for (const run of runs) {
    const previous = joined[joined.length - 1];
    if (previous && isReplacement(previous) && isReplacement(run) && run.fromA - previous.toA <= MAX_JOINED_SEPARATORS) {
      let separators = true;
      for (let i = previous.toA; i < run.fromA; i++) if (tokensA.kinds[i] !== AtomKind.Other) separators = false;
      if (separators) {
        previous.toA = run.toA;
        previous.toB = run.toB;
        continue;
      }
    }
    joined.push({ ...run });
  }
  return joined;
}

const isReplacement = (run: DiffRun): boolean => run.fromA < run.toA && run.fromB < run.toB;
