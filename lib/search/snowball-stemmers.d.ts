/** The few parts of snowball-stemmers (no types of its own) that lib/search/danishTerms.ts uses. */
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}
