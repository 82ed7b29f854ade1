/**
 * Caret and presence colours: #rrggbb (CollaborationCaret renders other forms transparent), each
 * with a contrast of at least 4.5:1 against white (so a caret reads on the page, and white name
 * text reads on the colour), and far enough apart from each other (CIE76 ΔE ≥ 26) to tell apart.
 * People in a document at the same time get different ones (lib/sync/presenceColour.ts); never
 * colour alone: carets carry the name, the presence list names and initials.
 */
export const PERSON_COLOURS = [
  '#b4232c',
  '#1d6fb8',
  '#2e7d32',
  '#8e24aa',
  '#b35600',
  '#00796b',
  '#5d4037',
  '#3949ab',
  '#a0306e',
  '#827717',
  '#455a64',
  '#d81b60',
] as const;

const PALETTE: ReadonlySet<string> = new Set(PERSON_COLOURS);

/** Whether `value` is one of the palette's colours (#rrggbb, any case). */
export function isPersonColour(value: unknown): value is string {
  return typeof value === 'string' && PALETTE.has(value.toLowerCase());
}

/** A stable preferred colour for an id: where the same person starts in every document. */
export function colourFor(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PERSON_COLOURS[hash % PERSON_COLOURS.length] ?? PERSON_COLOURS[0];
}
