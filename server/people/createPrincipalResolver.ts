import type { AccountStore } from '../../lib/people/AccountStore';
import { actorLabel } from '../../lib/people/actorLabel';
import type { Principal } from '../../lib/people/Principal';
import type { ResolvedSession, SessionService } from '../../lib/people/SessionService';

export type { Principal } from '../../lib/people/Principal';

/**
 * From a session id to who acts and how others see them: "Navn", or "Navn (Organisation)" while
 * acting on behalf of an organisation (the name never ends in brackets itself: lib/people/affiliation.ts),
 * and that organisation as a field of its own. Shared by route handlers, pages and the sync server.
 */
export function createPrincipalResolver(
  sessions: SessionService,
  store: AccountStore,
): (sessionId: string | null | undefined) => Promise<Principal | null> {
  return async (sessionId) => principalOf(await sessions.resolve(sessionId), store);
}

/** The same, by the session id's hash (sync tokens carry the hash, never the id). */
export function createPrincipalByHashResolver(
  sessions: SessionService,
  store: AccountStore,
): (idHash: string) => Promise<Principal | null> {
  return async (idHash) => principalOf(await sessions.resolveByHash(idHash), store);
}

async function principalOf(resolved: ResolvedSession | null, store: AccountStore): Promise<Principal | null> {
  if (!resolved) return null;
  const actingFor = resolved.session.actingForOrganisationId;
  const organisation = actingFor ? await store.getOrganisation(actingFor) : null;
  return {
    actor: resolved.actor,
    label: actorLabel(resolved.person.name, organisation),
    organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
    personId: resolved.person.id,
    sessionIdHash: resolved.session.idHash,
    resolved,
  };
}
