import type { PersonActor } from '../../lib/access/model';
import type { AccountStore, Person } from '../../lib/people/AccountStore';

/** The Actor that can() judges for a person, with their organisations and workspaces as stored now. */
export async function actorOf(store: AccountStore, person: Person): Promise<PersonActor> {
  const [organisationIds, workspaceIds] = await Promise.all([store.organisationIdsOf(person.id), store.workspaceIdsOf(person.id)]);
  return actorFrom(person, organisationIds, workspaceIds);
}

/** The Actor of a person whose organisation and workspace ids were read already (in the same read as the session). */
export function actorFrom(person: Person, organisationIds: readonly string[], workspaceIds: readonly string[]): PersonActor {
  return {
    kind: 'person',
    id: person.id,
    role: person.role,
    disabled: person.disabled,
    organisationIds: [...organisationIds],
    workspaceIds: [...workspaceIds],
  };
}
