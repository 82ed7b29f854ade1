/**
 * A word-level diff between a passage and its suggested wording: runs of unchanged, removed and
 * added text (words and the spaces between them), for showing a suggestion as struck-through and
 * inserted text. Longest common subsequence over tokens; passages are short, and beyond a size
 * limit the diff is simply "all removed, all added". Browser-safe.
 */

export type DiffPart = { readonly kind: 'same' | 'removed' | 'added'; readonly text: string };

/** Above this many token pairs the table would be too large to build in the browser. */
const MAX_CELLS = 1_000_000;

/** Words, runs of white space, and single punctuation marks, so "fem," vs "seks," differs in the word only. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_'’-]/gu) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const previous = parts[parts.length - 1];
  if (previous && previous.kind === kind) parts[parts.length - 1] = { kind, text: previous.text + text };
  else parts.push({ kind, text });
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const parts: DiffPart[] = [];
  if (a.length * b.length > MAX_CELLS) {
    if (before) push(parts, 'removed', before);
    if (after) push(parts, 'added', after);
    return parts;
  }
  // lengths[i][j]: length of the LCS of a[i..] and b[j..] (flat array, row-major).
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push(parts, 'removed', a[i]!);
      i++;
    } else {
      push(parts, 'added', b[j]!);
      j++;
    }
  }
  for (; i < a.length; i++) push(parts, 'removed', a[i]!);
  for (; j < b.length; j++) push(parts, 'added', b[j]!);
  return parts;
}
