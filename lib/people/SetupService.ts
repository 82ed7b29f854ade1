import type { PersonProfile } from './AccountStore';
import type { SignUpRequest } from './schemas';

/** First start: the one-time link that creates the first admin. */
export interface SetupService {
  /** A raw setup token while no active admin exists (earlier ones stop working), else null. */
  ensureSetupToken(): Promise<string | null>;
  /** Creates the first admin and spends the token. Throws `invalid_input`, `setup_done`, `email_taken` or `invalid_token`. */
  completeSetup(token: string, input: SignUpRequest): Promise<PersonProfile>;
  /** Whether the platform has an active admin, so a setup link has nothing left to do (the page says so at once). */
  isSetupDone(): Promise<boolean>;
}
