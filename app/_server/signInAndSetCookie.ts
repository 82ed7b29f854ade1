import { cookies } from 'next/headers';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, addKnownDevice, isKnownDevice } from '../../lib/auth/deviceCookie';
import { getServices } from '../../lib/services';
import { clientIp } from './clientIp';
import { HttpError, isHttps } from './http';
import { readSessionId } from './readPrincipal';
import { setSessionCookie } from './sessionCookie';

/**
 * Signs in and sets a fresh session cookie. The id the browser held before is passed on and
 * deleted (rotation), so an id planted before sign-in is worth nothing after it. A browser that
 * signed in to the account before (the known-device cookie) is not held by the account-wide lock,
 * and every successful sign-in renews that cookie.
 */
export async function signInAndSetCookie(
  request: Request,
  email: string,
  password: string,
  options: { readonly anyRole?: boolean } = {},
): Promise<{ id: string; name: string }> {
  const { accounts, secret } = getServices();
  const jar = await cookies();
  const device = jar.get(DEVICE_COOKIE)?.value;
  const account = email.trim().toLowerCase();
  const result = await accounts.signIn({
    email,
    password,
    ip: clientIp(request),
    previousSessionId: await readSessionId(),
    knownDevice: isKnownDevice(device, secret, account),
    userAgent: request.headers.get('user-agent'),
    ...(options.anyRole === true && { anyRole: true }),
  });
  if (!result.ok) {
    if (result.code === 'throttled') {
      throw new HttpError(429, 'throttled', { 'Retry-After': String(Math.ceil(result.retryAfterMs / 1000)) });
    }
    if (result.code === 'password_off') throw new HttpError(403, 'password_sign_in_off');
    throw new HttpError(result.code === 'disabled' ? 403 : 401, result.code === 'disabled' ? 'account_disabled' : 'invalid_credentials');
  }
  await setSessionCookie(request, result.sessionId);
  jar.set(DEVICE_COOKIE, addKnownDevice(device, secret, result.person.email), {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/',
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
  return { id: result.person.id, name: result.person.name };
}
