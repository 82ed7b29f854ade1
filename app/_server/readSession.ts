import { cookies } from 'next/headers';
import { SESSION_COOKIE, decodeSession, type Session } from '../../lib/auth/session';
import { getServices } from '../../lib/services';

/** The signed session from the request's cookie, or null (missing, forged or expired). */
export async function readSession(): Promise<Session | null> {
  const store = await cookies();
  return decodeSession(store.get(SESSION_COOKIE)?.value, getServices().secret);
}
