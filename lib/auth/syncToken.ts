/**
 * Sync tokens: JWTs (HS256, key AUTH_SECRET) that let another platform embed a document.
 * Claims: sub, name, doc, access (view|comment|edit), exp; optional title, sid (the browser's session),
 * anon (the app's token for a signed-out visitor) and kid (the API key that minted it).
 */
import { SignJWT, jwtVerify, errors } from 'jose';
import { z } from '../zodWithoutEval';

export const ACCESS_LEVELS = ['view', 'comment', 'edit'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export const syncTokenClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  doc: z.string().min(1).max(64),
  access: z.enum(ACCESS_LEVELS),
  exp: z.number().int(),
  title: z.string().trim().min(1).max(200).optional(),
  /**
   * Set on tokens the app mints for a signed-in browser: the hash of the session they were minted
   * for. The sync server then judges the session (can()) at connect and on revocation, not the claim.
   */
  sid: z.string().min(1).max(100).optional(),
  /**
   * Set on tokens minted through the platform API: the id of the API key. The sync server honours
   * them only while that key is live and only on documents that key's platform owns (belongsToKey).
   */
  kid: z.string().min(1).max(100).optional(),
  /**
   * Set on tokens the app mints for a signed-out visitor (public documents): the sync server judges
   * them as signed out (can()) at connect and on every re-check, as it does a reader without a cookie.
   */
  anon: z.literal(true).optional(),
});
export type SyncTokenClaims = z.infer<typeof syncTokenClaimsSchema>;

export type VerifiedToken = { ok: true; claims: SyncTokenClaims } | { ok: false; reason: 'expired' | 'invalid' };

const key = (secret: string) => new TextEncoder().encode(secret);

export async function mintSyncToken(claims: Omit<SyncTokenClaims, 'exp'>, secret: string, ttlSeconds = 3600): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key(secret));
}

export async function verifySyncToken(token: string, secret: string): Promise<VerifiedToken> {
  if (token.length > 4096) return { ok: false, reason: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
    const parsed = syncTokenClaimsSchema.safeParse(payload);
    return parsed.success ? { ok: true, claims: parsed.data } : { ok: false, reason: 'invalid' };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
