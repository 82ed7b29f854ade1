/**
 * Snippets as plain text with the ranges of matched words (never HTML): the page marks the ranges
 * with <mark> itself, so nothing in a document's text is ever read as markup.
 */
import { stemOf, wordsOf } from './danishTerms';
import type { Snippet } from './model';

/** Whether a (lower-cased) word matches the search. */
export type WordMatcher = (word: string) => boolean;

/**
 * A matcher for a search's terms (stems): a word matches when its stem is one of them, or, for
 * `prefixes` (the word being typed last, as typed and as stemmed), when the word or its stem starts with one.
 */
export function termMatcher(terms: Iterable<string>, prefixes: readonly string[] = []): WordMatcher {
  const set = new Set(terms);
  const wanted = prefixes.filter((prefix) => prefix.length >= 2);
  return (word) => {
    const stem = stemOf(word);
    if (set.has(stem)) return true;
    return wanted.some((prefix) => word.startsWith(prefix) || stem.startsWith(prefix));
  };
}

/** Every matched word of a (short) text: the title's highlights. */
export function highlightAll(text: string, matches: WordMatcher): [number, number][] {
  return wordsOf(text)
    .filter((word) => matches(word.word))
    .map((word) => [word.start, word.end]);
}

/** Characters shown before the first matched word of a snippet, when the text goes on before it. */
const LEAD = 50;

/**
 * The stretch of `text` (at most about `maxLength` characters, cut between words) holding the most
 * matched words, with their ranges in the snippet; the text's start when nothing matches. Line
 * breaks become spaces; "…" marks a cut.
 */
export function snippetOf(text: string, matches: WordMatcher, maxLength = 220): Snippet {
  const words = wordsOf(text);
  const hits = words.filter((word) => matches(word.word));
  let from = 0;
  if (hits.length > 0) {
    // The window starting at each hit that holds the most distinct matched words (then the most hits).
    let best = { at: 0, distinct: -1, count: -1 };
    for (let i = 0; i < hits.length; i++) {
      const start = hits[i]!.start;
      const seen = new Set<string>();
      let count = 0;
      for (let j = i; j < hits.length && hits[j]!.end - start <= maxLength - LEAD; j++) {
        seen.add(stemOf(hits[j]!.word));
        count++;
      }
      if (seen.size > best.distinct || (seen.size === best.distinct && count > best.count)) best = { at: i, distinct: seen.size, count };
    }
    from = Math.max(0, hits[best.at]!.start - LEAD);
  }
  // Cut between words: start at a word's start, end at a word's end.
  if (from > 0) from = words.find((word) => word.start >= from)?.start ?? from;
  let to = Math.min(text.length, from + maxLength);
  if (to < text.length) {
    const last = words.filter((word) => word.end <= to && word.start >= from).at(-1);
    if (last) to = last.end;
  }
  const body = text.slice(from, to).replace(/\s/g, ' ');
  const prefix = from > 0 ? '… ' : '';
  const suffix = to < text.length ? ' …' : '';
  const highlights: [number, number][] = hits
    .filter((word) => word.start >= from && word.end <= to)
    .map((word) => [word.start - from + prefix.length, word.end - from + prefix.length]);
  return { text: prefix + body + suffix, highlights };
}
