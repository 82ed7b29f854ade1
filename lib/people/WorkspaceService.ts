import type { Workspace } from './AccountStore';
import type { WorkspaceRequest } from './workspaceSchema';

/** Workspaces: documents live in them and their members see those documents. */
export interface WorkspaceService {
  /** Admin only. Throws `forbidden`, `invalid_input` or `not_found` (an unknown member). */
  create(adminPersonId: string, input: WorkspaceRequest): Promise<Workspace>;
  get(id: string): Promise<Workspace | null>;
  /** Every workspace, by name; callers show only those can() lets the actor view. */
  list(): Promise<Workspace[]>;
  /** Needs `manage_access` on the workspace. Throws `forbidden` or `not_found`. */
  addMember(actorPersonId: string, workspaceId: string, personId: string): Promise<Workspace>;
  /** Needs `manage_access` on the workspace. Throws `forbidden` or `not_found`. */
  removeMember(actorPersonId: string, workspaceId: string, personId: string): Promise<Workspace>;
  /** The workspaces the person is a member of, by name. */
  workspacesOf(personId: string): Promise<Workspace[]>;
}
