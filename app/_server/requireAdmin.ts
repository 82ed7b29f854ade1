import { can } from '../../lib/access/can';
import type { Principal } from '../../lib/people/Principal';
import { HttpError } from './http';
import { readPrincipal } from './readPrincipal';

const PLATFORM = { kind: 'platform' } as const;

/** The signed-in admin behind the request: 401 when signed out, 403 unless can() allows `administer`. */
export async function requireAdmin(): Promise<Principal> {
  const principal = await readPrincipal();
  if (!principal) throw new HttpError(401, 'unauthenticated');
  if (!can(principal.actor, 'administer', PLATFORM).allowed) throw new HttpError(403, 'forbidden');
  return principal;
}

/** Whether the signed-in person may use the admin page (for links and the page itself). */
export function isAdmin(principal: Principal | null): boolean {
  return principal !== null && can(principal.actor, 'administer', PLATFORM).allowed;
}
