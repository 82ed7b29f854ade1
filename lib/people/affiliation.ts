/**
 * Display names must not pose as an organisation. Acting for an organisation is shown from the
 * session's verified membership, as its own element (a badge in comments, a separate field in the
 * høringsnotat) and as "Navn (Organisation)" where only plain text fits (carets); so a name may not
 * end in something bracketed, which would read exactly like that. New names with it are refused
 * (`name_affiliation`); names stored before the rule are shown without the bracketed ending.
 * Browser-safe.
 */

// Round, square and curly brackets, in their ASCII, full-width, small and super-/subscript forms.
const OPEN = '([{\uff08\uff3b\uff5b\ufe59\ufe5b\u207d\u208d\u2768\u276a\u2774\u27ee';
const CLOSE = ')]}\uff09\uff3d\uff5d\ufe5a\ufe5c\u207e\u208e\u2769\u276b\u2775\u27ef';
const TRAILING = new RegExp(`[${escape(OPEN)}][^${escape(OPEN + CLOSE)}]*[${escape(CLOSE)}][\\s.]*$`, 'u');
const BRACKETS = new RegExp(`[${escape(OPEN + CLOSE)}]`, 'gu');

function escape(characters: string): string {
  // Inside a character class only these four are special (`[` is not, with the `u` flag).
  return characters.replace(/[\\\]^-]/g, '\\$&');
}

/** Whether the name ends in a bracketed part, like "Navn (Foreningen X)". */
export function imitatesAffiliation(name: string): boolean {
  return TRAILING.test(name.trim());
}

/** The name as others see it: any bracketed ending dropped (or, if that is all there is, its brackets). */
export function neutralDisplayName(name: string): string {
  const trimmed = name.trim();
  if (!TRAILING.test(trimmed)) return trimmed;
  const without = trimmed.replace(TRAILING, '').trim();
  return without === '' ? trimmed.replace(BRACKETS, '').trim() : neutralDisplayName(without);
}
