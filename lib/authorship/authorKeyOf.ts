import type { SyncActor } from '../auth/authorizeSync';
import { GUEST_AUTHOR, PLATFORM_AUTHOR, apiKeyAuthor, personAuthor, type AuthorKey } from './model';

/**
 * Who a sync connection writes as, from what the server authorized (its session or its token),
 * never from anything the client sent: a person (on behalf of the organisation the session acted
 * for when it connected), the API key that minted a platform's token, or
 * "platform" for a token signed with the server's secret directly.
 */
export function authorKeyOf(actor: SyncActor): AuthorKey {
  if (actor.session) return personAuthor(actor.session.personId, actor.session.organisationId);
  if (actor.token) return actor.token.kid === undefined ? PLATFORM_AUTHOR : apiKeyAuthor(actor.token.kid);
  return GUEST_AUTHOR;
}
