import type { PersonActor } from '../access/model';
import type { PersonProfile, Session } from './AccountStore';

/** Who a valid session belongs to, as the services judge them. */
export interface ResolvedSession {
  readonly actor: PersonActor;
  readonly person: PersonProfile;
  readonly session: Session;
}

/** From a session id (the cookie) to who is acting; sessions slide on use. */
export interface SessionService {
  /** Null for a missing, malformed, forged or expired id, or a person who is gone or disabled. */
  resolve(sessionId: string | null | undefined): Promise<ResolvedSession | null>;
  /** The same by the id's hash, for sync tokens that name the session they were minted for. */
  resolveByHash(idHash: string): Promise<ResolvedSession | null>;
  /** Act for one of the person's organisations, or for oneself (null). Throws `invalid_session` or `not_member`. */
  setActingFor(sessionId: string, organisationId: string | null): Promise<ResolvedSession>;
  /** Deletes expired sessions and spent tokens; run now and then (at start, hourly). */
  pruneExpired(): Promise<{ sessions: number; tokens: number }>;
}
