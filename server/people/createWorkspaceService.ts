/**
 * Workspaces (the knowledge forum "Fælles-skabet", one per project or policy): documents live in
 * them and their members see those documents. Admins create them; who may change the member list
 * is can()'s `manage_access` on the workspace.
 */
import { AccountStoreError, type Workspace } from '../../lib/people/AccountStore';
import { createLogger } from '../logger';
import { createAccessEvents } from './accessEvents';
import { newId } from './newId';
import { parseInput } from './parseInput';
import { PeopleError } from '../../lib/people/PeopleError';
import type { PlacesServiceOptions } from './PeopleServiceOptions';
import { passPersonGate, passPlatformGate } from './passPersonGate';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';
import type { WorkspaceRemoval, WorkspaceService } from '../../lib/people/WorkspaceService';

export type { WorkspaceRemoval, WorkspaceService } from '../../lib/people/WorkspaceService';
import { workspaceSchema, workspaceUpdateSchema, type WorkspaceRequest } from '../../lib/people/workspaceSchema';

const notFound = (error: unknown): never => {
  if (error instanceof AccountStoreError && error.code === 'not_found') throw new PeopleError('not_found', error.message);
  throw error;
};

export function createWorkspaceService(options: PlacesServiceOptions): WorkspaceService {
  const { store, documents, clock = Date.now, logger = createLogger('silent'), events = createAccessEvents(logger) } = options;

  async function existing(workspaceId: string): Promise<Workspace> {
    const workspace = await store.getWorkspace(workspaceId);
    if (!workspace) throw new PeopleError('not_found', 'no such workspace');
    return workspace;
  }

  async function documentsIn(workspaceId: string): Promise<DocumentMeta[]> {
    return documents ? (await documents.list()).filter((document) => document.workspaceId === workspaceId) : [];
  }

  async function update(adminPersonId: string, workspaceId: string, input: unknown): Promise<Workspace> {
    await passPlatformGate(store, adminPersonId, 'administer');
    const { name, description } = parseInput(workspaceUpdateSchema, input);
    const workspace = await store.updateWorkspace(workspaceId, { name, description: description ?? null });
    if (!workspace) throw new PeopleError('not_found', 'no such workspace');
    logger.info({ event: 'workspace_updated', adminId: adminPersonId, workspaceId }, 'an admin changed a workspace');
    return workspace;
  }

  async function removal(adminPersonId: string, workspaceId: string): Promise<WorkspaceRemoval> {
    await passPlatformGate(store, adminPersonId, 'administer');
    const workspace = await existing(workspaceId);
    const inside = await documentsIn(workspaceId);
    return {
      workspace,
      members: workspace.memberIds.length,
      documents: inside.length,
      madePrivate: inside.filter((document) => document.visibility === 'workspace').length,
    };
  }

  async function remove(adminPersonId: string, workspaceId: string): Promise<WorkspaceRemoval> {
    await passPlatformGate(store, adminPersonId, 'administer');
    await existing(workspaceId);
    // Documents are never deleted: they move out first (should this stop half-way, the workspace is
    // still there to remove again). Visible to the workspace becomes private: owners and grants keep access.
    let moved = 0;
    let madePrivate = 0;
    for (const document of await documentsIn(workspaceId)) {
      const visibility = document.visibility === 'workspace' ? 'private' : document.visibility;
      if (await documents?.setPlacement(document.id, { workspaceId: null, visibility })) {
        moved += 1;
        if (visibility !== document.visibility) madePrivate += 1;
      }
    }
    const workspace = await store.deleteWorkspace(workspaceId);
    if (!workspace) throw new PeopleError('not_found', 'no such workspace');
    // Workspace documents are no longer theirs to see: live connections must be re-checked.
    for (const personId of workspace.memberIds) events.emitAccessRevoked({ personId, reason: 'left_workspace' });
    logger.info(
      { event: 'workspace_removed', adminId: adminPersonId, workspaceId, members: workspace.memberIds.length, documents: moved },
      'an admin removed a workspace',
    );
    return { workspace, members: workspace.memberIds.length, documents: moved, madePrivate };
  }

  async function managed(actorPersonId: string, workspaceId: string): Promise<Workspace> {
    // Loaded by the gate: a workspace the actor may not even view is as unknown as a missing one.
    const { found } = await passPersonGate(store, actorPersonId, 'manage_access', {
      load: () => store.getWorkspace(workspaceId),
      resourceOf: (workspace) => ({ kind: 'workspace', id: workspace.id, memberIds: workspace.memberIds }),
      missing: () => new PeopleError('not_found', 'no such workspace'),
    });
    return found;
  }

  async function create(adminPersonId: string, input: WorkspaceRequest): Promise<Workspace> {
    await passPlatformGate(store, adminPersonId, 'administer');
    const { name, description, memberIds, kind } = parseInput(workspaceSchema, input);
    const workspace = await store
      .createWorkspace({
        id: newId('w'),
        name,
        ...(description !== undefined && { description }),
        createdAt: new Date(clock()).toISOString(),
        memberIds,
        ...(kind === 'forum' && { kind }),
      })
      .catch(notFound);
    logger.info({ event: 'workspace_created', adminId: adminPersonId, workspaceId: workspace.id }, 'an admin created a workspace');
    return workspace;
  }

  async function addMember(actorPersonId: string, workspaceId: string, personId: string): Promise<Workspace> {
    await managed(actorPersonId, workspaceId);
    const workspace = await store.addWorkspaceMember(workspaceId, personId).catch(notFound);
    if (!workspace) throw new PeopleError('not_found', 'no such workspace');
    return workspace;
  }

  async function removeMember(actorPersonId: string, workspaceId: string, personId: string): Promise<Workspace> {
    const before = await managed(actorPersonId, workspaceId);
    const workspace = await store.removeWorkspaceMember(workspaceId, personId);
    if (!workspace) throw new PeopleError('not_found', 'no such workspace');
    // Workspace documents are no longer theirs to see: live connections must be re-checked.
    if (before.memberIds.includes(personId)) events.emitAccessRevoked({ personId, reason: 'left_workspace' });
    return workspace;
  }

  async function workspacesOf(personId: string): Promise<Workspace[]> {
    const ids = new Set(await store.workspaceIdsOf(personId));
    return (await store.listWorkspaces()).filter((workspace) => ids.has(workspace.id));
  }

  return {
    create,
    get: (id) => store.getWorkspace(id),
    list: () => store.listWorkspaces(),
    addMember,
    removeMember,
    workspacesOf,
    update,
    removal,
    remove,
  };
}
