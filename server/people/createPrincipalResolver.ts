import type { SessionPrincipal } from '../../lib/auth/authorizeSync';
import type { AccountStore } from '../../lib/people/AccountStore';
import { actorLabel } from '../../lib/people/actorLabel';
import type { ResolvedSession, SessionService } from './createSessionService';

export interface Principal extends SessionPrincipal {
  readonly resolved: ResolvedSession;
}

/**
 * From a session id to who acts and how others see them: "Navn", or "Navn (Organisation)" while
 * acting on behalf of an organisation. Shared by route handlers, pages and the sync server.
 */
export function createPrincipalResolver(
  sessions: SessionService,
  store: AccountStore,
): (sessionId: string | null | undefined) => Promise<Principal | null> {
  return async (sessionId) => {
    const resolved = await sessions.resolve(sessionId);
    if (!resolved) return null;
    const actingFor = resolved.session.actingForOrganisationId;
    const organisation = actingFor ? await store.getOrganisation(actingFor) : null;
    return {
      actor: resolved.actor,
      label: actorLabel(resolved.person.name, organisation),
      personId: resolved.person.id,
      sessionIdHash: resolved.session.idHash,
      resolved,
    };
  };
}
