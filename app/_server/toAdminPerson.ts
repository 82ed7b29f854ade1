import type { PersonProfile } from '../../lib/people/AccountStore';
import type { AdminPerson } from '../_shared/AdminViews';

/** What the admin page and routes show of a person. */
export function toAdminPerson(person: PersonProfile): AdminPerson {
  return { id: person.id, name: person.name, email: person.email, role: person.role, disabled: person.disabled };
}
