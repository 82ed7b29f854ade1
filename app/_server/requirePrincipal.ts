import type { Principal } from '../../lib/people/Principal';
import { HttpError } from './http';
import { readPrincipal } from './readPrincipal';

/** The signed-in person, or a 401. */
export async function requirePrincipal(): Promise<Principal> {
  const principal = await readPrincipal();
  if (!principal) throw new HttpError(401, 'unauthenticated');
  return principal;
}
