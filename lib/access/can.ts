/**
 * The one permission check: route handlers, server actions and the sync server all ask
 * `can(actor, action, resource)`, so a rule changes in one place and one test matrix covers it.
 */
import { decideDocument } from './decideDocument';
import { decidePlatform } from './decidePlatform';
import { decideWorkspace } from './decideWorkspace';
import { deny, type AccessDecision } from './decision';
import { type Action, type Actor, type Resource } from './model';

export { effectiveDocumentRole } from './effectiveDocumentRole';

export function can(actor: Actor, action: Action, resource: Resource): AccessDecision {
  // First and for everything: a disabled person's grants, roles and open sessions count for nothing.
  if (actor.kind === 'person' && actor.disabled) return deny('disabled');
  switch (resource.kind) {
    case 'document':
      return decideDocument(actor, action, resource);
    case 'workspace':
      return decideWorkspace(actor, action, resource);
    case 'platform':
      return decidePlatform(actor, action);
    default:
      // Unreachable for typed callers; a malformed resource from outside fails closed.
      return deny('not_applicable');
  }
}
