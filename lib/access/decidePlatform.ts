/** can()'s rules for the platform as a whole (its public face, moderation, administration). Actor not disabled. */
import { allow, deny, type AccessDecision } from './decision';
import { type Action, type Actor } from './model';

export function decidePlatform(actor: Actor, action: Action): AccessDecision {
  if (action === 'view') return allow('everyone');
  if (action !== 'moderate' && action !== 'administer') return deny('not_applicable');
  if (actor.kind !== 'person') return deny('not_signed_in');
  if (actor.role === 'admin') return allow('admin');
  if (action === 'moderate') return actor.role === 'moderator' ? allow('moderator') : deny('not_moderator');
  return deny('not_admin');
}
