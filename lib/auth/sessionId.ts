/**
 * Session ids: 256 random bits for the cookie, and their SHA-256 for the store, so that a leaked
 * copy of the store holds no id anyone could present. (No salt or slow hash needed: the ids are
 * random, not guessable like passwords.)
 */
import { createHash, randomBytes } from 'node:crypto';

const ID_BYTES = 32;
/** 32 bytes in base64url without padding are 43 characters. */
const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSessionId(): string {
  return randomBytes(ID_BYTES).toString('base64url');
}

/** What the store keeps and looks up by: base64url SHA-256 of the id. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('base64url');
}

/** True for a value shaped like newSessionId()'s output; lets a cookie be refused before any lookup. */
export function isSessionIdShaped(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
