import { workspaceKindOf, type Workspace } from '../../lib/people/AccountStore';
import { getServices } from '../../lib/services';
import type { AdminWorkspace, MemberView } from '../_shared/AdminViews';

async function membersOf(workspace: Workspace): Promise<MemberView[]> {
  const { accountStore } = getServices();
  const people = await Promise.all(workspace.memberIds.map((id) => accountStore.getPerson(id)));
  return people.flatMap((person) => (person ? [{ id: person.id, name: person.name, email: person.email }] : []));
}

export async function toAdminWorkspace(workspace: Workspace): Promise<AdminWorkspace> {
  return {
    id: workspace.id,
    name: workspace.name,
    description: workspace.description ?? null,
    members: await membersOf(workspace),
    kind: workspaceKindOf(workspace),
  };
}

/** Every workspace with its members, for the admin page and its list route. */
export async function loadAdminWorkspaces(): Promise<AdminWorkspace[]> {
  return Promise.all((await getServices().workspaces.list()).map(toAdminWorkspace));
}
