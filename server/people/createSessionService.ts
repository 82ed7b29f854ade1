/**
 * From a session id (the cookie) to who is acting: the Actor that can() judges, the person and
 * the session. Sessions slide: each use moves the idle expiry on, written at most once a minute
 * so that requests do not each rewrite the store, and never past the 30-day lifetime.
 */
import { hashSessionId, isSessionIdShaped } from '../../lib/auth/sessionId';
import type { Session, SessionContext } from '../../lib/people/AccountStore';
import { createLogger } from '../logger';
import { createAccessEvents } from './accessEvents';
import { actorFrom, actorOf } from './actorOf';
import { PeopleError } from '../../lib/people/PeopleError';
import type { PeopleServiceOptions } from './PeopleServiceOptions';
import { SESSION_TOUCH_INTERVAL_MS, sessionExpiresAt } from './sessionPolicy';
import { toProfile } from './toProfile';
import type { ResolvedSession, SessionService } from '../../lib/people/SessionService';

export type { ResolvedSession, SessionService } from '../../lib/people/SessionService';

export function createSessionService(options: PeopleServiceOptions): SessionService {
  const { store, clock = Date.now, logger = createLogger('silent'), events = createAccessEvents(logger) } = options;
  // Session hashes being touched right now: concurrent requests of one page write once, not each.
  const touching = new Set<string>();

  async function end(session: Session, reason: 'session_expired' | 'disabled'): Promise<null> {
    await store.deleteSession(session.idHash);
    events.emitAccessRevoked({ personId: session.personId, reason, sessionIdHashes: [session.idHash] });
    return null;
  }

  async function touch(session: Session, now: number): Promise<Session> {
    if (now - Date.parse(session.lastSeenAt) < SESSION_TOUCH_INTERVAL_MS || touching.has(session.idHash)) return session;
    touching.add(session.idHash);
    try {
      const expiresAt = sessionExpiresAt(Date.parse(session.createdAt), now);
      const patch = { lastSeenAt: new Date(now).toISOString(), expiresAt: new Date(expiresAt).toISOString() };
      return (await store.updateSession(session.idHash, patch)) ?? session;
    } finally {
      touching.delete(session.idHash);
    }
  }

  /** One read where the store offers it (a remote store: one round trip), else the separate reads. */
  async function readContext(idHash: string): Promise<SessionContext | null> {
    if (store.getSessionContext) return store.getSessionContext(idHash);
    const session = await store.getSession(idHash);
    if (!session) return null;
    const person = await store.getPerson(session.personId);
    if (!person) return { session, person, organisationIds: [], workspaceIds: [] };
    const actor = await actorOf(store, person);
    return { session, person, organisationIds: actor.organisationIds, workspaceIds: actor.workspaceIds };
  }

  async function resolve(sessionId: string | null | undefined): Promise<ResolvedSession | null> {
    // A value that newSessionId() could not have made is refused before any lookup.
    if (!isSessionIdShaped(sessionId)) return null;
    return resolveByHash(hashSessionId(sessionId));
  }

  async function resolveByHash(idHash: string): Promise<ResolvedSession | null> {
    const context = await readContext(idHash);
    if (!context) return null;
    const { session: found, person } = context;
    const now = clock();
    if (Date.parse(found.expiresAt) <= now) return end(found, 'session_expired');
    // Disabling ends sessions already; this catches a person disabled by other means (an edited file).
    if (!person || person.disabled) return end(found, 'disabled');
    let session = await touch(found, now);
    const actor = actorFrom(person, context.organisationIds, context.workspaceIds);
    // Left the organisation since choosing to act for it: back to acting for oneself.
    const actingFor = session.actingForOrganisationId;
    if (actingFor && !actor.organisationIds.includes(actingFor)) {
      session = (await store.updateSession(session.idHash, { actingForOrganisationId: null })) ?? session;
    }
    return { actor, person: toProfile(person), session };
  }

  async function setActingFor(sessionId: string, organisationId: string | null): Promise<ResolvedSession> {
    const resolved = await resolve(sessionId);
    if (!resolved) throw new PeopleError('invalid_session', 'not signed in');
    if (organisationId !== null && !resolved.actor.organisationIds.includes(organisationId)) {
      throw new PeopleError('not_member', 'not a member of that organisation');
    }
    const session = await store.updateSession(resolved.session.idHash, { actingForOrganisationId: organisationId });
    if (!session) throw new PeopleError('invalid_session', 'not signed in');
    return { ...resolved, session };
  }

  return { resolve, resolveByHash, setActingFor, pruneExpired: () => store.pruneExpired(new Date(clock()).toISOString()) };
}
