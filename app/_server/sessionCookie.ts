import { cookies } from 'next/headers';
import { SESSION_COOKIE, SESSION_COOKIE_MAX_AGE_SECONDS } from '../../lib/auth/sessionCookie';
import { isHttps } from './http';

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure over HTTPS. */
export async function setSessionCookie(request: Request, sessionId: string): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/',
    maxAge: SESSION_COOKIE_MAX_AGE_SECONDS,
  });
}

export async function clearSessionCookie(request: Request): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: isHttps(request), path: '/', maxAge: 0 });
}
