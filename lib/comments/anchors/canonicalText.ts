/**
 * The form quotes are compared in: block separators ("\n") dropped and every run of other whitespace
 * made one space. A paragraph split inserts a "\n" inside a passage and a merge removes one; neither
 * changes a passage's canonical text, so the quote still finds it. `canonicalIndex` keeps, for each
 * canonical character, the offset it came from, to map a match back to the real text. O(n).
 */

const isSpace = (code: number): boolean =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  (code >= 0xa0 &&
    (code === 0xa0 ||
      code === 0x1680 ||
      (code >= 0x2000 && code <= 0x200a) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x3000 ||
      code === 0xfeff));

export interface CanonicalIndex {
  /** The canonical text. */
  readonly text: string;
  /** For each canonical character, its offset in the original text. */
  readonly source: Int32Array;
}

export function canonicalIndex(original: string): CanonicalIndex {
  const source = new Int32Array(original.length);
  const chars: string[] = [];
  let length = 0;
  let lastWasSpace = false;
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    if (code === 10) continue;
    if (isSpace(code)) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
      chars.push(' ');
    } else {
      lastWasSpace = false;
      chars.push(original[i]!);
    }
    source[length++] = i;
  }
  return { text: chars.join(''), source: source.subarray(0, length) };
}

export function canonicalText(original: string): string {
  return canonicalIndex(original).text;
}
