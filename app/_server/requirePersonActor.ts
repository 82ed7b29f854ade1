import type { PersonActor } from '../../lib/access/model';
import { HttpError } from './http';
import { requirePrincipal } from './requirePrincipal';

/** The signed-in person as can() judges them, or a 401 (notifications and following are a person's own). */
export async function requirePersonActor(): Promise<PersonActor> {
  const { actor } = await requirePrincipal();
  if (actor.kind !== 'person') throw new HttpError(401, 'unauthenticated');
  return actor;
}
