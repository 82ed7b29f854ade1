import type { Workspace } from './AccountStore';
import type { WorkspaceRequest, WorkspaceUpdateRequest } from './workspaceSchema';

/**
 * What removing a workspace does, counted before (the preview the admin confirms) and after: its
 * `members` lose what they saw through it; its `documents` are never deleted but move out of any
 * workspace, those visible to the workspace becoming private (`madePrivate`: their owners and the
 * people and organisations granted access keep it; public ones stay public).
 */
export interface WorkspaceRemoval {
  readonly workspace: Workspace;
  readonly members: number;
  readonly documents: number;
  readonly madePrivate: number;
}

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
  /** Admin only: a new name and description (none clears it). Throws `forbidden`, `invalid_input` or `not_found`. */
  update(adminPersonId: string, workspaceId: string, input: WorkspaceUpdateRequest): Promise<Workspace>;
  /** Admin only: what remove() would do now. Throws `forbidden` or `not_found`. */
  removal(adminPersonId: string, workspaceId: string): Promise<WorkspaceRemoval>;
  /** Admin only: removes it as WorkspaceRemoval describes; returns what it did. Throws `forbidden` or `not_found`. */
  remove(adminPersonId: string, workspaceId: string): Promise<WorkspaceRemoval>;
}
