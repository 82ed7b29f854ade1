import { getServices } from '../../lib/services';
import type { PersonProfile } from '../../lib/people/AccountStore';
import { HttpError } from './http';

/** The account with that e-mail (already normalised by the schema); 404 `person_not_found` otherwise. */
export async function personByEmail(email: string): Promise<PersonProfile> {
  const person = await getServices().accountStore.getPersonByEmail(email);
  if (!person) throw new HttpError(404, 'person_not_found');
  const { passwordHash: _hash, ...profile } = person;
  return profile;
}
