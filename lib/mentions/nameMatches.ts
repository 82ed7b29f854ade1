/**
 * Whether a person's name answers a mention prefix: the whole name or one of its words starts with
 * it, ignoring case (Danish rules: "å" is its own letter, not "a" with a ring). An empty prefix matches all.
 */
export function nameMatches(name: string, prefix: string): boolean {
  const query = fold(prefix.trim());
  if (query === '') return true;
  const folded = fold(name);
  if (folded.startsWith(query)) return true;
  return folded.split(/[\s\-‐‑]+/u).some((word) => word.startsWith(query));
}

const fold = (text: string): string => text.normalize('NFC').toLocaleLowerCase('da');
