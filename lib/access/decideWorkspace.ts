/** can()'s rules for a workspace itself (its documents follow decideDocument). Actor not disabled. */
import { allow, deny, type AccessDecision } from './decision';
import { type Action, type Actor, type WorkspaceResource } from './model';

export function decideWorkspace(actor: Actor, action: Action, workspace: WorkspaceResource): AccessDecision {
  if (action === 'comment') {
    // Writing a post (issue 14): in a forum, every signed-in person; other workspaces take no posts.
    if (workspace.forum !== true) return deny('not_applicable');
    return actor.kind === 'person' ? allow('forum_reader') : deny('not_signed_in');
  }
  if (action !== 'view' && action !== 'manage_access' && action !== 'administer') return deny('not_applicable');
  if (actor.kind !== 'person') return deny('not_signed_in');
  if (action === 'view') {
    // The workspace's own member list decides about the workspace, as grants do for a document.
    if (workspace.memberIds.includes(actor.id)) return allow('workspace_member');
    if (actor.role === 'moderator') return allow('moderator');
    if (actor.role === 'admin') return allow('admin');
    return deny('not_workspace_member');
  }
  return actor.role === 'admin' ? allow('admin') : deny('not_admin');
}
