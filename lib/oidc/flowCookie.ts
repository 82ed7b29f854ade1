/**
 * The cookie that carries one OpenID Connect sign-in from its start to the provider's answer: the
 * provider, `state`, `nonce`, the PKCE verifier and where to go afterwards, encrypted and
 * authenticated (AES-256-GCM under a key derived from AUTH_SECRET) and valid for FLOW_LIFETIME_MS.
 * Nothing is stored on the server, so any node of a cluster can take the answer; the browser cannot
 * read or change the values, and a cookie made for another provider or too long ago is refused.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export const FLOW_COOKIE = 'samskriv_oidc';
/** Only the callback needs it back. */
export const FLOW_COOKIE_PATH = '/api/auth/oidc/';
/** Time to sign in at the provider (MitID with an app approval takes a few minutes at most). */
export const FLOW_LIFETIME_MS = 10 * 60 * 1000;

export interface OidcFlow {
  readonly providerId: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** A same-origin path. */
  readonly returnTo: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_COOKIE_LENGTH = 3000;

function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('samskriv-oidc-flow-cookie').digest();
}

export function sealFlow(flow: OidcFlow, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The flow, or null for a missing, altered, foreign or malformed cookie, or one expired at `now`. */
export function openFlow(cookie: string | undefined, secret: string, now: number): OidcFlow | null {
  if (!cookie || cookie.length > MAX_COOKIE_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cookie)) return null;
  const raw = Buffer.from(cookie, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    const flow = JSON.parse(text) as Partial<OidcFlow>;
    const strings = [flow.providerId, flow.state, flow.nonce, flow.codeVerifier, flow.returnTo];
    if (!strings.every((value) => typeof value === 'string') || typeof flow.expiresAt !== 'number') return null;
    if (flow.expiresAt <= now) return null;
    return flow as OidcFlow;
  } catch {
    return null;
  }
}
