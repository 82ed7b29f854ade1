/**
 * The token of an e-mail's unsubscribe link (`/abonnement/afmeld?token=…`): who (a person id) and
 * what (one kind, or `all`), signed with HMAC-SHA256 under AUTH_SECRET, so it works without signing
 * in and cannot be made for someone else or changed to cover more. It does not expire: a link in an
 * old e-mail must still stop the e-mails, and all it can do is turn e-mail off.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from './model';

export type UnsubscribeScope = NotificationKind | 'all';

export interface UnsubscribeTarget {
  readonly personId: string;
  readonly scope: UnsubscribeScope;
}

/** Longer than any token this makes; anything longer is refused unread. */
export const MAX_UNSUBSCRIBE_TOKEN_LENGTH = 512;
const TOKEN = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/;

function macOf(secret: string, payload: string): Buffer {
  // Its own purpose in what is signed: no other token signed with AUTH_SECRET can pass for this one.
  return createHmac('sha256', secret).update(`samskriv-unsubscribe-v1\n${payload}`).digest();
}

export function signUnsubscribeToken(secret: string, target: UnsubscribeTarget): string {
  const payload = Buffer.from(JSON.stringify([target.personId, target.scope]), 'utf8').toString('base64url');
  return `${payload}.${macOf(secret, payload).toString('base64url')}`;
}

/** Who and what the token names, or null for anything not signed by this server exactly so. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeTarget | null {
  if (token.length > MAX_UNSUBSCRIBE_TOKEN_LENGTH) return null;
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, payload = '', mac = ''] = match;
  const given = Buffer.from(mac, 'base64url');
  const expected = macOf(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [personId, scope] = parsed as unknown[];
  if (typeof personId !== 'string' || personId === '' || typeof scope !== 'string') return null;
  if (scope !== 'all' && !(NOTIFICATION_KINDS as readonly string[]).includes(scope)) return null;
  return { personId, scope: scope as UnsubscribeScope };
}

/** The page a mail's unsubscribe link opens. */
export function unsubscribeLink(publicUrl: string, token: string): string {
  return `${publicUrl}/abonnement/afmeld?token=${encodeURIComponent(token)}`;
}
