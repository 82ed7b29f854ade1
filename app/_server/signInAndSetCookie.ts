import { getServices } from '../../lib/services';
import { clientIp } from './clientIp';
import { HttpError } from './http';
import { readSessionId } from './readPrincipal';
import { setSessionCookie } from './sessionCookie';

/**
 * Signs in and sets a fresh session cookie. The id the browser held before is passed on and
 * deleted (rotation), so an id planted before sign-in is worth nothing after it.
 */
export async function signInAndSetCookie(request: Request, email: string, password: string): Promise<{ id: string; name: string }> {
  const result = await getServices().accounts.signIn({ email, password, ip: clientIp(request), previousSessionId: await readSessionId() });
  if (!result.ok) {
    if (result.code === 'throttled') {
      throw new HttpError(429, 'throttled', { 'Retry-After': String(Math.ceil(result.retryAfterMs / 1000)) });
    }
    throw new HttpError(result.code === 'disabled' ? 403 : 401, result.code === 'disabled' ? 'account_disabled' : 'invalid_credentials');
  }
  await setSessionCookie(request, result.sessionId);
  return { id: result.person.id, name: result.person.name };
}
