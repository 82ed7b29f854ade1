/**
 * The session cookie: an opaque random id (lib/auth/sessionId.ts) whose session lives on the
 * server, so signing out, a password change or disabling a person ends it everywhere.
 */
export const SESSION_COOKIE = 'samskriv_session';

/** The cookie lives as long as a session can (server/people/sessionPolicy.ts SESSION_LIFETIME_MS). */
export const SESSION_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

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
