import type { PersonProfile } from './AccountStore';

/** Sign-in by e-mail and password, and what it answers. */
export interface SignInRequest {
  readonly email: string;
  readonly password: string;
  /** The client's address, for the per-IP throttle. */
  readonly ip: string;
  /** The session id the browser held before, if any: deleted on success (session rotation). */
  readonly previousSessionId?: string | null;
  /** The browser signed in to this e-mail's account before (a verified device cookie): not held by the account-wide lock. */
  readonly knownDevice?: boolean;
  /** The browser's User-Agent header, kept with the session (cut to USER_AGENT_MAX_LENGTH) so the person can tell sessions apart. */
  readonly userAgent?: string | null;
  /** Sign in whatever PASSWORD_SIGN_IN_ROLES says: only right after the first admin was set up with this password. */
  readonly anyRole?: boolean;
}

export type SignInResult =
  | { readonly ok: true; readonly sessionId: string; readonly person: PersonProfile }
  | { readonly ok: false; readonly code: 'invalid_credentials' | 'disabled' }
  /** The password was right, but the person's role signs in through single sign-on only (PASSWORD_SIGN_IN_ROLES). */
  | { readonly ok: false; readonly code: 'password_off' }
  | { readonly ok: false; readonly code: 'throttled'; readonly retryAfterMs: number };
