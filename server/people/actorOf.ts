import type { PersonActor } from '../../lib/access/model';
import type { AccountStore, Person } from '../../lib/people/AccountStore';

/** The Actor that can() judges for a person, with their organisations and workspaces as stored now. */
export async function actorOf(store: AccountStore, person: Person): Promise<PersonActor> {
  const [organisationIds, workspaceIds] = await Promise.all([store.organisationIdsOf(person.id), store.workspaceIdsOf(person.id)]);
  return { kind: 'person', id: person.id, role: person.role, disabled: person.disabled, organisationIds, workspaceIds };
}
