import { createHash } from 'node:crypto';

/**
 * The id a session is shown and ended by on /konto: derived from the stored hash (itself a hash of
 * the cookie), so neither the cookie nor the hash the sync tokens name ever leaves the server.
 */
export function sessionRef(idHash: string): string {
  return createHash('sha256').update(`samskriv:session-ref:${idHash}`, 'utf8').digest('base64url').slice(0, 22);
}

export const SESSION_REF_PATTERN = /^[A-Za-z0-9_-]{22}$/;
