import { can } from '../../lib/access/can';
import type { Action, PersonActor, Resource } from '../../lib/access/model';
import type { AccountStore, Person } from '../../lib/people/AccountStore';
import { actorOf } from './actorOf';
import { PeopleError } from '../../lib/people/PeopleError';

/**
 * The person `personId`, if can() lets them do `action` on `resource`; otherwise `forbidden` with
 * can()'s reason. An unknown id is refused the same way, so callers learn nothing more.
 */
export async function requireAllowed(
  store: AccountStore,
  personId: string,
  action: Action,
  resource: Resource,
): Promise<{ person: Person; actor: PersonActor }> {
  const person = await store.getPerson(personId);
  if (!person) throw new PeopleError('forbidden', 'not allowed: not_signed_in');
  const actor = await actorOf(store, person);
  const decision = can(actor, action, resource);
  if (!decision.allowed) throw new PeopleError('forbidden', `not allowed: ${decision.reason}`);
  return { person, actor };
}
