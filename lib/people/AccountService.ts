import type { PlatformRole } from '../access/model';
import type { Page, PersonProfile } from './AccountStore';
import type { PageQueryRequest } from './pageQuerySchema';
import type { SignUpRequest } from './schemas';
import type { SignInRequest, SignInResult } from './SignInRequest';

/** Accounts: sign-up, sign-in and sign-out, passwords, and the admin's hold on people. */
export interface AccountService {
  /** Throws `invalid_input` (with issues) or `email_taken`. The new person is a citizen, not yet signed in. */
  signUp(input: SignUpRequest): Promise<PersonProfile>;
  signIn(input: SignInRequest): Promise<SignInResult>;
  signOut(sessionId: string): Promise<void>;
  /** Ends every other session of the person. Throws `invalid_input`, `invalid_credentials`, `throttled` or `not_found`. */
  changePassword(personId: string, currentPassword: string, newPassword: string, keepSessionId: string, ip?: string): Promise<void>;
  /** Admin only: a one-time reset token for the person (1 h); earlier ones stop working. Throws `forbidden` or `not_found`. */
  createResetToken(adminPersonId: string, personId: string): Promise<string>;
  /**
   * Self-service ("Glemt adgangskode?"): a one-time reset token for the active person with that
   * e-mail, or null when there is none. Callers must answer alike either way.
   */
  createResetTokenForEmail(email: string): Promise<{ token: string; person: PersonProfile } | null>;
  /** Ends every session of the person. Throws `invalid_input` or `invalid_token`. */
  resetPassword(token: string, newPassword: string): Promise<PersonProfile>;
  /** Admin only; disabling ends the person's sessions. Throws `forbidden`, `not_found` or `last_admin`. */
  setDisabled(adminPersonId: string, personId: string, disabled: boolean): Promise<PersonProfile>;
  /** Admin only. Throws `forbidden`, `invalid_input`, `not_found` or `last_admin`. */
  setRole(adminPersonId: string, personId: string, role: PlatformRole): Promise<PersonProfile>;
  /** Admin only: people by name, searching name and e-mail. */
  listPeople(adminPersonId: string, query: PageQueryRequest): Promise<Page<PersonProfile>>;
}
