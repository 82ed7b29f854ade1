/** Document ids appear in URLs, file names and tokens, so they are restricted to a safe alphabet. */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidDocumentId(id: unknown): id is string {
  return typeof id === 'string' && DOCUMENT_ID.test(id);
}

/** A new random id: 16 url-safe characters (96 bits). */
export function newDocumentId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}
