import type { Access } from '../auth/syncToken';
import { can } from './can';
import type { Actor, DocumentResource } from './model';

/** The strongest sync access can() gives the actor on the document, or null when it may not even view. */
export function syncAccessFor(actor: Actor, document: DocumentResource): Access | null {
  if (can(actor, 'edit', document).allowed) return 'edit';
  if (can(actor, 'comment', document).allowed) return 'comment';
  if (can(actor, 'view', document).allowed) return 'view';
  return null;
}
