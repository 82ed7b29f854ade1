/** When to try a transient failure again: exponential back-off with jitter, or the server's Retry-After. */

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;
/** A Retry-After longer than this is capped (a misconfigured proxy must not park the queue for days). */
export const RETRY_AFTER_MAX_MS = 15 * 60_000;

/** Statuses that mean "not now" rather than "no": retried with back-off. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Delay before attempt `failures + 1`, after `failures` (≥ 1) transient failures in a row: the
 * ceiling doubles from 1 s up to 60 s; the delay is drawn between half the ceiling and the ceiling
 * ("equal jitter"), so many browsers coming back online at once do not hit the server together.
 */
export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

/**
 * Milliseconds the server asked us to wait (`Retry-After: <seconds>` or an HTTP date), capped; null
 * when the header is absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d{1,10}$/.test(value)) return Math.min(RETRY_AFTER_MAX_MS, Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date) || !/[a-z]/i.test(value)) return null;
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(0, date - now));
}
