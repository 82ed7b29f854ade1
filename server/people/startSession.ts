import { hashSessionId, newSessionId } from '../../lib/auth/sessionId';
import { USER_AGENT_MAX_LENGTH, type AccountStore, type Session } from '../../lib/people/AccountStore';
import { sessionExpiresAt } from './sessionPolicy';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/**
 * A new session for the person: a fresh random id for the cookie, only its hash in the store. The
 * browser's User-Agent (cut short, control characters dropped) is kept so the person can tell their
 * sessions apart on /konto; its `createdAt` is the sign-in time a fresh-sign-in check reads.
 */
export async function startSession(
  store: AccountStore,
  personId: string,
  now: number,
  userAgent?: string | null,
): Promise<{ sessionId: string; session: Session }> {
  const sessionId = newSessionId();
  const at = new Date(now).toISOString();
  const agent = userAgent?.replace(CONTROL_CHARACTERS, '').slice(0, USER_AGENT_MAX_LENGTH).trim();
  const session = await store.createSession({
    idHash: hashSessionId(sessionId),
    personId,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(sessionExpiresAt(now, now)).toISOString(),
    actingForOrganisationId: null,
    ...(agent && { userAgent: agent }),
  });
  return { sessionId, session };
}
