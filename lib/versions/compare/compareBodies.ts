/**
 * Compares two bodies (ProseMirror JSON in the editor's schema): where text was inserted and
 * deleted, word by word, inside blocks and as whole blocks.
 *
 * First the top-level blocks are matched as wholes (an unchanged paragraph anchors the rest, so
 * a rewritten paragraph is not matched word by word against an unrelated one). Then
 * prosemirror-changeset compares: a transform replaces each run of changed blocks with the new
 * ones, and the changeset's diff (over tokens that include marks and node attributes, so bold
 * added or a heading's level changed counts) shrinks that to the ranges that really differ. Its
 * diff is tuned for display while typing, not for a final comparison: it merges changes fewer
 * than up to 15 characters apart (marking the text between as changed), and beyond 2,500 changed
 * characters it returns the whole range as one change. So each range it returns is widened to whole
 * words and diffed again exactly, word by word (diffSequences), which also makes a changed word
 * show as the old word deleted and the new one inserted rather than a soup of letters. Last, two
 * replacements separated only by a space or punctuation become one ("a b" → "x y" is one change,
 * not two around an unchanged space).
 */
import { getSchema, type JSONContent } from '@tiptap/core';
import { ChangeSet, type Change, type TokenEncoder } from '@tiptap/pm/changeset';
import { Slice, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { ReplaceStep, Transform, type StepMap } from '@tiptap/pm/transform';
import { bodyExtensions } from '../../editor/bodyExtensions';
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

const leafText = (node: PMNode): string => (node.type.name === 'hardBreak' ? '\n' : '');

/** Throws (RangeError) when a body names a node or mark the editor's schema does not have. */
export function compareBodies(oldBody: JSONContent, newBody: JSONContent): BodyComparison {
  const oldDoc = bodySchema().nodeFromJSON(oldBody);
  const newDoc = bodySchema().nodeFromJSON(newBody);
  const changeset = ChangeSet.create<number>(oldDoc, undefined, ENCODER).addSteps(newDoc, blockSteps(oldDoc, newDoc), 0);

  const a = new BodyAtoms(oldDoc);
  const b = new BodyAtoms(newDoc);
  const tokensA = tokensOf(a);
  const tokensB = tokensOf(b);
  const tokenRuns = wordRegions(changeset.changes, a, b).flatMap((region) => diffWords(region, tokensA, tokensB));
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
    const kind: ChangeKind =
      run.fromA === run.toA ? 'insert' : run.fromB === run.toB ? 'delete' : deletedText === insertedText ? 'format' : 'replace';
    changes.push({ index: changes.length + 1, kind, ...run, deletedText, insertedText });
  }
  return { oldDoc, newDoc, changes };
}

/**
 * The step maps of a transform from the old document to the new one that replaces each run of
 * changed top-level blocks (matched as wholes) with the new blocks; one step for all of it when
 * the blocks differ too much to match.
 */
function blockSteps(oldDoc: PMNode, newDoc: PMNode): readonly StepMap[] {
  const whole = [new ReplaceStep(0, oldDoc.content.size, new Slice(newDoc.content, 0, 0)).getMap()];
  const keysOf = (doc: PMNode): string[] => doc.children.map((child) => JSON.stringify(child.toJSON()));
  const startsOf = (doc: PMNode): number[] => {
    const starts: number[] = [];
    doc.forEach((_child, offset) => starts.push(offset));
    starts.push(doc.content.size);
    return starts;
  };
  const runs = diffSequences(keysOf(oldDoc), keysOf(newDoc), MAX_BLOCK_EDITS);
  if (!runs) return whole;
  const startsA = startsOf(oldDoc);
  const startsB = startsOf(newDoc);
  const tr = new Transform(oldDoc);
  // Back to front, so each step's positions are still the old document's.
  for (const run of [...runs].reverse()) {
    const slice = newDoc.slice(startsB[run.fromB] as number, startsB[run.toB] as number);
    tr.replace(startsA[run.fromA] as number, startsA[run.toA] as number, slice);
  }
  return tr.doc.eq(newDoc) ? tr.mapping.maps : whole;
}

/**
 * The changeset's ranges widened to token boundaries in both documents, joined where they then
 * meet. The text between two ranges is the same in both documents, so widening walks both in step.
 */
function wordRegions(changes: readonly Change[], a: BodyAtoms, b: BodyAtoms): DiffRun[] {
  const regions: DiffRun[] = [];
  let i = 0;
  while (i < changes.length) {
    const change = changes[i++] as Change;
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

/** One region diffed word by word: the runs that differ, as token indexes. */
function diffWords(region: DiffRun, tokensA: Tokens, tokensB: Tokens): DiffRun[] {
  const fromA = tokensA.at[region.fromA] as number;
  const toA = tokensA.at[region.toA] as number;
  const fromB = tokensB.at[region.fromB] as number;
  const toB = tokensB.at[region.toB] as number;
  const runs = diffSequences(tokensA.keys.slice(fromA, toA), tokensB.keys.slice(fromB, toB), MAX_WORD_EDITS) ?? [
    { fromA: 0, toA: toA - fromA, fromB: 0, toB: toB - fromB },
  ];
  return runs.map((run) => ({ fromA: run.fromA + fromA, toA: run.toA + fromA, fromB: run.fromB + fromB, toB: run.toB + fromB }));
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
