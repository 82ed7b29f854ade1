import { cookies } from 'next/headers';
import type { Actor } from '../../lib/access/model';
import { SESSION_COOKIE } from '../../lib/auth/sessionCookie';
import { getServices } from '../../lib/services';
import type { Principal } from '../../server/people';

/** The signed-in person behind the request's session cookie, or null (none, forged, expired, disabled). */
export async function readPrincipal(): Promise<Principal | null> {
  const store = await cookies();
  return getServices().resolvePrincipal(store.get(SESSION_COOKIE)?.value);
}

/** The raw session id from the cookie (for sign-out and rotation), if any. */
export async function readSessionId(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/** Who can() judges: the signed-in person, or an anonymous reader. */
export function actorOf(principal: Principal | null): Actor {
  return principal?.actor ?? { kind: 'anonymous' };
}
