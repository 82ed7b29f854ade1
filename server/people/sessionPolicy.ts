/** How long sessions and one-time tokens live. The cookie's Max-Age should be SESSION_LIFETIME_MS. */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A session ends this long after sign-in, however active. */
export const SESSION_LIFETIME_MS = 30 * DAY;
/** … or this long after it was last used (shared and public computers). */
export const SESSION_IDLE_TIMEOUT_MS = 7 * DAY;
/** Last use is written at most this often, so a busy page does not rewrite people.json per request. */
export const SESSION_TOUCH_INTERVAL_MS = MINUTE;
export const RESET_TOKEN_LIFETIME_MS = HOUR;
export const SETUP_TOKEN_LIFETIME_MS = DAY;

/** When a session created at `createdAt` and last used at `lastSeenAt` (epoch ms) expires. */
export function sessionExpiresAt(createdAt: number, lastSeenAt: number): number {
  return Math.min(createdAt + SESSION_LIFETIME_MS, lastSeenAt + SESSION_IDLE_TIMEOUT_MS);
}
