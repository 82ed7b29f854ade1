/**
 * The known-device cookie: proof that this browser once signed in to an account, so guesses at
 * that account from elsewhere do not lock its owner out (see signInThrottle.ts). It holds, for up
 * to DEVICE_ACCOUNTS_MAX accounts, a random nonce and an HMAC of it with the account's e-mail under
 * AUTH_SECRET; it names no account and is useless for any other purpose (it signs nobody in).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'samskriv_device';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
export const DEVICE_ACCOUNTS_MAX = 5;

const NONCE_BYTES = 12;
const MAC_BYTES = 16;
const ENTRY = /^([A-Za-z0-9_-]{16})([A-Za-z0-9_-]{22})$/;

function macOf(secret: string, nonce: string, account: string): Buffer {
  return createHmac('sha256', secret).update(`samskriv-device\n${nonce}\n${account}`).digest().subarray(0, MAC_BYTES);
}

function entriesOf(cookie: string | undefined): string[] {
  if (!cookie || cookie.length > 1000) return [];
  return cookie.split('.').filter((entry) => ENTRY.test(entry));
}

/** Whether the cookie proves an earlier sign-in to `account` (the normalised e-mail). */
export function isKnownDevice(cookie: string | undefined, secret: string, account: string): boolean {
  return entriesOf(cookie).some((entry) => {
    const [, nonce = '', mac = ''] = ENTRY.exec(entry) ?? [];
    const given = Buffer.from(mac, 'base64url');
    return given.length === MAC_BYTES && timingSafeEqual(given, macOf(secret, nonce, account));
  });
}

/** The cookie after a successful sign-in to `account`: its proof first, the oldest others dropped. */
export function addKnownDevice(cookie: string | undefined, secret: string, account: string): string {
  const others = entriesOf(cookie).filter((entry) => !isKnownDevice(entry, secret, account));
  const nonce = randomBytes(NONCE_BYTES).toString('base64url');
  const entry = `${nonce}${macOf(secret, nonce, account).toString('base64url')}`;
  return [entry, ...others].slice(0, DEVICE_ACCOUNTS_MAX).join('.');
}
