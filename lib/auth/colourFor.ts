/** Caret colours: #rrggbb (CollaborationCaret renders other forms transparent), readable on white. */
export const PERSON_COLOURS = ['#b4232c', '#1d6fb8', '#2e7d32', '#8e24aa', '#b35600', '#00796b', '#5d4037', '#3949ab'] as const;

/** A stable colour for an id: the same person gets the same caret colour everywhere. */
export function colourFor(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PERSON_COLOURS[hash % PERSON_COLOURS.length] ?? PERSON_COLOURS[0];
}
