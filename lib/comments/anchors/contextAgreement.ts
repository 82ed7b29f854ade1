/** How far a quote's prefix and suffix agree with the text around an occurrence of it (anchors and the høringsnotat score occurrences by this). */

/** Characters `a` (ending at `aEnd`) and `b` share at their ends. */
export function commonSuffix(a: string, aEnd: number, b: string): number {
  let n = 0;
  while (n < b.length && aEnd - n - 1 >= 0 && a[aEnd - n - 1] === b[b.length - n - 1]) n++;
  return n;
}

/** Characters `a` (from `aStart`) and `b` share at their starts. */
export function commonPrefix(a: string, aStart: number, b: string): number {
  let n = 0;
  while (n < b.length && aStart + n < a.length && a[aStart + n] === b[n]) n++;
  return n;
}
