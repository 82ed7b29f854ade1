/** Document ids appear in URLs, file names and tokens, so they are restricted to a safe alphabet. */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

declare const DOCUMENT_ID_BRAND: unique symbol;

/**
 * A string that passed the check above, parsed once at the edge (a route's `[id]`, a token's claim):
 * services that take a DocumentId need not check it again, and an unchecked string does not type-check.
 */
export type DocumentId = string & { readonly [DOCUMENT_ID_BRAND]: true };

export function isValidDocumentId(id: unknown): id is string {
  return typeof id === 'string' && DOCUMENT_ID.test(id);
}

/** The id when `raw` is one, else null (callers answer "not found": a malformed id names no document). */
export function parseDocumentId(raw: unknown): DocumentId | null {
  return isValidDocumentId(raw) ? (raw as DocumentId) : null;
}

/** A new random id: 16 url-safe characters (96 bits). */
export function newDocumentId(): DocumentId {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url') as DocumentId;
}
