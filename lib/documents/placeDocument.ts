import type { PersonActor, Visibility } from '../access/model';

export interface Placement {
  readonly workspaceId: string | null;
  readonly visibility: Visibility;
}

/**
 * Where a new document goes: outside any workspace it is private (owner and grants only); in a
 * workspace it is visible to the workspace's members. Only a member may put a document in a
 * workspace (null otherwise), so nobody fills a workspace they cannot see.
 */
export function placeDocument(actor: PersonActor, workspaceId: string | null | undefined): Placement | null {
  if (workspaceId === null || workspaceId === undefined || workspaceId === '') return { workspaceId: null, visibility: 'private' };
  if (actor.disabled || !actor.workspaceIds.includes(workspaceId)) return null;
  return { workspaceId, visibility: 'workspace' };
}
