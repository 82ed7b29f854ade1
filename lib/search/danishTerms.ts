/**
 * Words and their Danish stems: the one tokenizer and stemmer that the embedded index, the query and
 * the highlighting share (so a highlighted word is exactly a word that matched). A word is a run of
 * letters and digits (æ, ø, å and every other letter included), lower-cased; its term is the Danish
 * Snowball stem ("kommunerne", "kommunen" → "kommun").
 */
// A namespace import: the package marks itself __esModule without a default export.
import * as snowball from 'snowball-stemmers';

const stemmer = snowball.newStemmer('danish');
const WORD = /[\p{L}\p{N}]+/gu;
/** Words longer than this are not words (a pasted hash, a URL's tail): left out of the index. */
export const MAX_WORD_LENGTH = 40;

/** Stems are cached: the same words recur. Bounded; cleared when full. */
const cache = new Map<string, string>();
const CACHE_MAX = 50_000;

/** The Danish stem of one lower-cased word. */
export function stemOf(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = word.length <= 2 ? word : stemmer.stem(word);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

export interface Word {
  /** Lower-cased. */
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** The words of a text with where each stands. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    if (match[0].length > MAX_WORD_LENGTH) continue;
    words.push({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/** The index's tokenizer: the words, as typed (MiniSearch lower-cases and stems through processTerm). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) if (match[0].length <= MAX_WORD_LENGTH) out.push(match[0]);
  return out;
}

/** The index's term for a word: its Danish stem, lower-cased. */
export function termOf(word: string): string {
  return stemOf(word.toLowerCase());
}

/** A query's terms: each word's stem once, in order, at most `max`. */
export function queryTerms(q: string, max = 12): string[] {
  const terms: string[] = [];
  for (const { word } of wordsOf(q)) {
    const term = stemOf(word);
    if (!terms.includes(term)) terms.push(term);
    if (terms.length >= max) break;
  }
  return terms;
}
