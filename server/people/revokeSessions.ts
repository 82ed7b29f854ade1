import type { AccountStore } from '../../lib/people/AccountStore';
import type { AccessEvents, AccessRevokedReason } from './accessEvents';

/**
 * Ends a person's sessions (all but `keepIdHash`) and tells listeners, so live sync connections
 * close too. Tells them even when no session was left: a connection may rest on a sync token.
 */
export async function revokeSessions(
  store: AccountStore,
  events: AccessEvents,
  personId: string,
  reason: AccessRevokedReason,
  keepIdHash?: string,
): Promise<void> {
  await store.deleteSessionsOf(personId, keepIdHash === undefined ? {} : { exceptIdHash: keepIdHash });
  events.emitAccessRevoked({ personId, reason, ...(keepIdHash !== undefined && { keptSessionIdHash: keepIdHash }) });
}
