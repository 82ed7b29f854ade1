/**
 * A search's words as the indexes use them: the Danish stems (each once) and the last word as typed,
 * which also matches as a prefix ("kommu" finds "kommunen") when it is at least 3 letters long.
 */
import { stemOf, wordsOf } from './danishTerms';

export const MAX_QUERY_WORDS = 12;
export const MIN_PREFIX_LENGTH = 3;

export interface ParsedQuery {
  /** The words, lower-cased, each once, at most MAX_QUERY_WORDS. */
  readonly words: readonly string[];
  /** Their stems, each once. */
  readonly terms: readonly string[];
  /** The last word as typed, when it is long enough to count as a prefix; else null. */
  readonly prefix: string | null;
}

export function parseQuery(q: string): ParsedQuery {
  const words: string[] = [];
  for (const { word } of wordsOf(q)) {
    if (!words.includes(word)) words.push(word);
    if (words.length >= MAX_QUERY_WORDS) break;
  }
  const terms = [...new Set(words.map(stemOf))];
  const last = words.at(-1);
  return { words, terms, prefix: last !== undefined && last.length >= MIN_PREFIX_LENGTH ? last : null };
}
