/**
 * The guest cookie's value: a JWT (HS256, key AUTH_SECRET, like sync tokens) naming a random guest
 * id and the display name the guest gave, for 30 days. Its audience (`samskriv:guest`) keeps it apart
 * from sync tokens: a sync token is no guest, and a guest token carries no document or access, so
 * the sync endpoint refuses it.
 */
import { SignJWT, jwtVerify } from 'jose';
import { z } from '../zodWithoutEval';
import { DISPLAY_NAME_MAX } from './commentText';

export const GUEST_COOKIE = 'samskriv_guest';
export const GUEST_TTL_SECONDS = 30 * 24 * 60 * 60;
const AUDIENCE = 'samskriv:guest';

export interface GuestIdentity {
  /** `g_<uuid>`: stays the same while the cookie lives (and when the guest changes their name). */
  readonly id: string;
  readonly name: string;
}

const claimsSchema = z.object({
  sub: z.string().regex(/^g_[0-9a-f-]{36}$/),
  name: z
    .string()
    .min(1)
    .max(DISPLAY_NAME_MAX * 2),
});

const key = (secret: string) => new TextEncoder().encode(secret);

export const newGuestId = (): string => `g_${crypto.randomUUID()}`;

export function mintGuestToken(guest: GuestIdentity, secret: string, ttlSeconds = GUEST_TTL_SECONDS): Promise<string> {
  return new SignJWT({ name: guest.name })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(guest.id)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key(secret));
}

/** The guest a cookie names, or null (missing, forged, expired, or some other token). */
export async function verifyGuestToken(token: string | undefined, secret: string): Promise<GuestIdentity | null> {
  if (!token || token.length > 2048) return null;
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], audience: AUDIENCE, requiredClaims: ['exp', 'sub'] });
    const parsed = claimsSchema.safeParse(payload);
    return parsed.success ? { id: parsed.data.sub, name: parsed.data.name } : null;
  } catch {
    return null;
  }
}
