import { cookies } from 'next/headers';
import { GUEST_COOKIE, GUEST_TTL_SECONDS, mintGuestToken, verifyGuestToken, type GuestIdentity } from '../../lib/comments/guestToken';
import { getServices } from '../../lib/services';
import { isHttps } from './http';

/** The guest the request's `samskriv_guest` cookie names, or null (none, forged, expired). */
export async function readGuest(): Promise<GuestIdentity | null> {
  return verifyGuestToken((await cookies()).get(GUEST_COOKIE)?.value, getServices().secret);
}

/** Sets the signed guest cookie: httpOnly, SameSite=Lax, Secure over HTTPS, 30 days. */
export async function setGuestCookie(request: Request, guest: GuestIdentity): Promise<void> {
  (await cookies()).set(GUEST_COOKIE, await mintGuestToken(guest, getServices().secret), {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/',
    maxAge: GUEST_TTL_SECONDS,
  });
}

export async function clearGuestCookie(request: Request): Promise<void> {
  (await cookies()).set(GUEST_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: isHttps(request), path: '/', maxAge: 0 });
}
