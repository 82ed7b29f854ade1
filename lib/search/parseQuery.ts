/**
 * A search's words as the indexes use them: the Danish stems (each once) and the last word as typed,
 * which also matches as a prefix ("kommu" finds "kommunen") when it is at least 3 letters long.
 */
import { stemOf, wordsOf } from './danishTerms';

export const MAX_QUERY_WORDS = 12;

/**
 * Danish words too common to search for: left out of a query that has other words (so "skolen og
 * byen" finds documents with both, and "og" is not marked everywhere); a query of only these keeps them.
 */
const STOP_WORDS = new Set(
  'og i at en et den det de der til på af med for er som om har ikke fra kan vi jeg du han hun sig så men eller var ved skal vil nu også'.split(
    ' ',
  ),
);
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
  const all: string[] = [];
  for (const { word } of wordsOf(q)) {
    if (!all.includes(word)) all.push(word);
    if (all.length >= MAX_QUERY_WORDS) break;
  }
  const meaningful = all.filter((word) => !STOP_WORDS.has(word));
  const words = meaningful.length > 0 ? meaningful : all;
  const terms = [...new Set(words.map(stemOf))];
  const last = words.at(-1);
  return { words, terms, prefix: last !== undefined && last.length >= MIN_PREFIX_LENGTH ? last : null };
}
