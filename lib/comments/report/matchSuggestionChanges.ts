/**
 * Which change of a comparison (compareBodies) each accepted suggestion made, so the høringsnotat
 * can link it to `#change-<n>` in the compare view.
 *
 * The diff is word-level: accepting "grøn park" → "blå park" shows as a change deleting "grøn" and
 * inserting "blå". So a change fits a suggestion when its deleted text lies in the original wording
 * and its inserted text in the new one (whitespace runs collapsed, whole words only). Best is both
 * sides non-empty and fitting; then a deletion or insertion whose one side fits; then, only where
 * the passage's place in the old body is known and the change touches it, a change with one side
 * fitting (a neighbouring edit the diff joined into it). When places are known for both, a change
 * away from the passage never fits: the same words elsewhere are another edit.
 *
 * Each change goes to one suggestion at most: suggestions are matched in turn (those with the best
 * fits first), and one that finds its changes taken moves an earlier one to another change that fits
 * it, when there is one (augmenting paths). No fit: no entry (the notat then links the compare view).
 */
import type { BodyChange } from '../../versions/compare/compareBodies';

/** `[from, to]` in the old body's plain text (blocks joined with "\n"). */
export interface TextSpan {
  readonly from: number;
  readonly to: number;
}

export interface SuggestionToMatch {
  readonly id: string;
  /** The original wording. */
  readonly quote: string;
  /** The new wording ('' deletes the passage). */
  readonly replacement: string;
  /** Where the passage was in the old body, when known. */
  readonly at?: TextSpan | null;
}

export type ChangeToMatch = Pick<BodyChange, 'index' | 'kind' | 'deletedText' | 'insertedText'>;

export interface MatchOptions {
  /** Where a change is in the old body's plain text; asked only for changes whose words fit some suggestion. */
  readonly locate?: (change: ChangeToMatch) => TextSpan | null;
}

/** Whitespace runs as one space, trimmed. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `needle` occurs in `haystack` without cutting a word at either end. */
export function containsWords(haystack: string, needle: string): boolean {
  if (needle === '') return true;
  const wordStart = WORD_CHAR.test(needle[0]!);
  const wordEnd = WORD_CHAR.test(needle.at(-1)!);
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = at > 0 ? haystack[at - 1]! : '';
    const after = haystack[at + needle.length] ?? '';
    if ((!wordStart || !WORD_CHAR.test(before)) && (!wordEnd || !WORD_CHAR.test(after))) return true;
  }
  return false;
}

interface Candidate {
  readonly change: number;
  /** 3: both sides fit; 2: a deletion or insertion that fits; 1: one side of two fits, next to the passage. */
  readonly level: number;
  /** The change touches the passage's known place. */
  readonly near: boolean;
}

const touches = (a: TextSpan, b: TextSpan) => a.from <= b.to && a.to >= b.from;

/** Item id → change index (BodyChange.index). */
export function matchSuggestionChanges(
  suggestions: readonly SuggestionToMatch[],
  changes: readonly ChangeToMatch[],
  options: MatchOptions = {},
): Map<string, number> {
  const sides = changes.map((change) => ({
    change,
    deleted: normalise(change.deletedText),
    inserted: normalise(change.insertedText),
  }));
  const located = new Map<number, TextSpan | null>();
  const placeOf = (change: ChangeToMatch): TextSpan | null => {
    if (!options.locate) return null;
    if (!located.has(change.index)) located.set(change.index, options.locate(change));
    return located.get(change.index)!;
  };

  const candidates = suggestions.map((suggestion): Candidate[] => {
    const quote = normalise(suggestion.quote);
    const replacement = normalise(suggestion.replacement);
    const found: Candidate[] = [];
    for (const { change, deleted, inserted } of sides) {
      // A change of formatting or structure alone is not a change of wording.
      if (change.kind === 'format' || (deleted === '' && inserted === '')) continue;
      const deletedFits = deleted !== '' && containsWords(quote, deleted);
      const insertedFits = inserted !== '' && containsWords(replacement, inserted);
      if (!deletedFits && !insertedFits) continue;
      let level: number;
      if (deleted !== '' && inserted !== '') level = deletedFits && insertedFits ? 3 : 1;
      // Deleting the whole passage is as exact a fit as a replacement.
      else level = inserted === '' && replacement === '' ? 3 : 2;
      const place = suggestion.at ? placeOf(change) : null;
      const near = suggestion.at && place ? touches(suggestion.at, place) : null;
      if (near === false) continue;
      if (level === 1 && near !== true) continue;
      found.push({ change: change.index, level, near: near === true });
    }
    // Best first: the better fit, then next to the passage, then document order.
    return found.sort((a, b) => b.level - a.level || Number(b.near) - Number(a.near) || a.change - b.change);
  });

  const holder = new Map<number, number>();
  const assign = (item: number, visited: Set<number>): boolean => {
    for (const candidate of candidates[item]!) {
      if (visited.has(candidate.change)) continue;
      visited.add(candidate.change);
      const current = holder.get(candidate.change);
      if (current === undefined || assign(current, visited)) {
        holder.set(candidate.change, item);
        return true;
      }
    }
    return false;
  };
  const order = suggestions
    .map((_suggestion, item) => item)
    .filter((item) => candidates[item]!.length > 0)
    .sort((a, b) => candidates[b]![0]!.level - candidates[a]![0]!.level || a - b);
  for (const item of order) assign(item, new Set());

  const matches = new Map<string, number>();
  for (const [change, item] of holder) matches.set(suggestions[item]!.id, change);
  return matches;
}
