/**
 * Text for the browser's speech synthesis in pieces short enough to be spoken whole: Chrome stops
 * an utterance after about 15 seconds, so a long text is read as a queue of sentences (several
 * short ones together, up to `maxChars`), never splitting a paragraph's end into the next one.
 * A sentence longer than `maxChars` is split at a comma, semicolon or colon, else at a space.
 */

/** About 12 seconds of Danish at the default rate. */
export const DEFAULT_MAX_CHARS = 200;

/** Sentence ends: `.`, `!`, `?` or `…` (with closing quotes or brackets) before a space and a capital, digit or quote. */
const SENTENCE_END = /(?<=[.!?…]["”’»)\]]*)\s+(?=["“„«([]?[\p{Lu}\p{N}])/u;

function splitLong(sentence: string, maxChars: number): string[] {
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1);
    const soft = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(': '));
    const space = window.lastIndexOf(' ');
    // Prefer a pause in the sentence, unless it leaves a very short piece.
    const at = soft > maxChars / 3 ? soft + 1 : space > 0 ? space : maxChars;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest !== '') out.push(rest);
  return out;
}

/** The text's pieces in reading order; whitespace collapsed, empty paragraphs dropped. */
export function speechChunks(text: string, maxChars = DEFAULT_MAX_CHARS): string[] {
  const chunks: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\r?\n/)) {
    const clean = paragraph.replace(/\s+/g, ' ').trim();
    if (clean === '') continue;
    let current = '';
    for (const sentence of clean.split(SENTENCE_END).flatMap((part) => splitLong(part.trim(), maxChars))) {
      if (sentence === '') continue;
      if (current !== '' && current.length + 1 + sentence.length > maxChars) {
        chunks.push(current);
        current = '';
      }
      current = current === '' ? sentence : `${current} ${sentence}`;
    }
    if (current !== '') chunks.push(current);
  }
  return chunks;
}
