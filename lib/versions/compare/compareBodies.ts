/**
 * Compares two bodies (ProseMirror JSON in the editor's schema): where text was inserted and
 * deleted, word by word, inside blocks and as whole blocks.
 *
 * prosemirror-changeset does the comparison proper: one step replaces the old content with the new
 * one, and the changeset's diff (over tokens that include marks and node attributes, so bold
 * added or a heading's level changed counts) shrinks that to the ranges that really differ. Its
 * diff is tuned for display while typing, not for a final comparison: it merges changes fewer
 * than up to 15 characters apart (marking the text between as changed), and beyond 2,500 changed
 * characters it returns the whole range as one change. So each range it returns is widened to whole
 * words and diffed again exactly, word by word (diffSequences), which also makes a changed word
 * show as the old word deleted and the new one inserted rather than a soup of letters.
 */
import { getSchema, type JSONContent } from '@tiptap/core';
import { ChangeSet, type Change, type TokenEncoder } from '@tiptap/pm/changeset';
import { Slice, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { ReplaceStep } from '@tiptap/pm/transform';
import { bodyExtensions } from '../../editor/bodyExtensions';
import { BodyAtoms, CLOSE_KEY, marksKey, nodeKey } from './bodyAtoms';
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
  const step = new ReplaceStep(0, oldDoc.content.size, new Slice(newDoc.content, 0, 0));
  const changeset = ChangeSet.create<number>(oldDoc, undefined, ENCODER).addSteps(newDoc, [step.getMap()], 0);

  const a = new BodyAtoms(oldDoc);
  const b = new BodyAtoms(newDoc);
  const tokensA = tokensOf(a);
  const tokensB = tokensOf(b);
  const tokenRuns = wordRegions(changeset.changes, a, b).flatMap((region) => diffWords(region, tokensA, tokensB));
  slideToWholeNodes(tokenRuns, tokensA, tokensB);
  const runs = tokenRuns.map((run) => ({
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
  /** Where each token starts, and the document's size last. */
  readonly starts: readonly number[];
  readonly depths: readonly number[];
  /** Token index by position, for positions where a token starts (and the size). */
  readonly at: Int32Array;
}

/** A whole document's tokens (regions are token-aligned, so they index into these). */
function tokensOf(atoms: BodyAtoms): Tokens {
  const { keys, starts, depths } = atoms.tokens(0, atoms.size);
  const at = new Int32Array(atoms.size + 1).fill(-1);
  starts.forEach((start, index) => (at[start] = index));
  return { keys, starts, depths, at };
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
