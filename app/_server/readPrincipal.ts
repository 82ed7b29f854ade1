import { cookies } from 'next/headers';
import { cache } from 'react';
import type { Actor } from '../../lib/access/model';
import { SESSION_COOKIE } from '../../lib/auth/sessionCookie';
import { getServices } from '../../lib/services';
import type { Principal } from '../../lib/people/Principal';
import { readGuest } from './guestCookie';

/**
 * The signed-in person behind the request's session cookie, or null (none, forged, expired, disabled).
 * Resolved once per render: the layout, generateMetadata and the page share it (React `cache`, which
 * does nothing in route handlers, where each call resolves afresh).
 */
export const readPrincipal = cache(async (): Promise<Principal | null> => {
  const store = await cookies();
  return getServices().resolvePrincipal(store.get(SESSION_COOKIE)?.value);
});

/** The raw session id from the cookie (for sign-out and rotation), if any. */
export async function readSessionId(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/** Who can() judges: the signed-in person, or an anonymous reader. */
export function actorOf(principal: Principal | null): Actor {
  return principal?.actor ?? { kind: 'anonymous' };
}

/**
 * Who can() judges, guests included: the signed-in person, else the guest of a valid guest cookie
 * (`samskriv_guest`, from POST /api/guest), else an anonymous reader.
 */
export async function readActor(): Promise<Actor> {
  const principal = await readPrincipal();
  if (principal) return principal.actor;
  const guest = await readGuest();
  return guest ? { kind: 'guest', id: guest.id, displayName: guest.name } : { kind: 'anonymous' };
}
