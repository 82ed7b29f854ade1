/** The largest version number a URL may name (far beyond any document's; keeps the integer exact). */
export const MAX_VERSION_NUMBER = 999_999_999;

/** A version number from a URL segment (`/p/<id>/v/<n>`): a positive decimal integer without sign or leading zero, else null. */
export function parseVersionNumber(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,8}$/.test(raw)) return null;
  const number = Number(raw);
  return number <= MAX_VERSION_NUMBER ? number : null;
}
