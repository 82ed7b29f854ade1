import { hashSessionId, newSessionId } from '../../lib/auth/sessionId';
import type { AccountStore, Session } from '../../lib/people/AccountStore';
import { sessionExpiresAt } from './sessionPolicy';

/** A new session for the person: a fresh random id for the cookie, only its hash in the store. */
export async function startSession(store: AccountStore, personId: string, now: number): Promise<{ sessionId: string; session: Session }> {
  const sessionId = newSessionId();
  const at = new Date(now).toISOString();
  const session = await store.createSession({
    idHash: hashSessionId(sessionId),
    personId,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(sessionExpiresAt(now, now)).toISOString(),
    actingForOrganisationId: null,
  });
  return { sessionId, session };
}
