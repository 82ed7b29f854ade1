/** Sync tokens for tests, including broken ones. */
import { SignJWT } from 'jose';
import { mintSyncToken } from '../../lib/auth/syncToken';
import type { Access } from '../../lib/auth/syncToken';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export function token(
  doc: string,
  access: Access,
  extra: { name?: string; sub?: string; title?: string; ttlSeconds?: number; secret?: string } = {},
): Promise<string> {
  const { name = 'Ekstern Bruger', sub = `ext_${access}`, title, ttlSeconds = 3600, secret = TEST_SECRET } = extra;
  return mintSyncToken({ sub, name, doc, access, ...(title === undefined ? {} : { title }) }, secret, ttlSeconds);
}

/** A token signed with the right key but arbitrary claims (missing ones, wrong types). */
export function rawToken(claims: Record<string, unknown>, secret = TEST_SECRET): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

/** An unsigned token (`alg: none`) with valid-looking claims. */
export function unsignedToken(doc: string, access: Access = 'edit'): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'x', name: 'X', doc, access, exp })}.`;
}
