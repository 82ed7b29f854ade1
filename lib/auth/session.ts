/**
 * The stand-in session until accounts exist: a display name and a colour in a signed cookie
 * (HMAC-SHA256 with AUTH_SECRET). Read on HTTP requests and at the WebSocket upgrade alike.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { displayNameSchema } from '../text/displayText';

export const SESSION_COOKIE = 'samskriv_session';
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

export { displayNameSchema };

const sessionSchema = z.object({
  sub: z.string().min(1).max(100),
  name: displayNameSchema,
  color: z.string().regex(/^#[0-9a-f]{6}$/),
  iat: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

/** Caret colours: #rrggbb (CollaborationCaret renders other forms transparent), readable on white. */
export const PERSON_COLOURS = ['#b4232c', '#1d6fb8', '#2e7d32', '#8e24aa', '#b35600', '#00796b', '#5d4037', '#3949ab'] as const;

export function colourFor(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PERSON_COLOURS[hash % PERSON_COLOURS.length] ?? PERSON_COLOURS[0];
}

export function newSession(name: string): Session {
  const sub = `p_${randomUUID()}`;
  return { sub, name: displayNameSchema.parse(name), color: colourFor(sub), iat: Math.floor(Date.now() / 1000) };
}

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function encodeSession(session: Session, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The session in a cookie value, or null when it is missing, forged, malformed or too old. */
export function decodeSession(value: string | undefined | null, secret: string, now = Date.now()): Session | null {
  if (!value || value.length > 2048) return null;
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = sessionSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    if (parsed.data.iat * 1000 + SESSION_MAX_AGE_SECONDS * 1000 < now) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        // A malformed %-escape (e.g. "%E0%A4%A") is no cookie, not an exception for the caller.
        return undefined;
      }
    }
  }
  return undefined;
}
