/**
 * First start: while no admin exists, `npm start` prints a one-time link (24 h) that creates the
 * first admin. Each start issues a fresh token and retires earlier ones, since only the hash is
 * kept and an old link cannot be printed again.
 */
import { scryptHasher } from '../../lib/auth/scryptHasher';
import { hashSessionId, isSessionIdShaped, newSessionId } from '../../lib/auth/sessionId';
import { AccountStoreError, type PersonProfile } from '../../lib/people/AccountStore';
import { signUpSchema, type SignUpRequest } from '../../lib/people/schemas';
import { createLogger } from '../logger';
import { newId } from './newId';
import { parseInput } from './parseInput';
import { PeopleError } from '../../lib/people/PeopleError';
import type { PeopleServiceOptions } from './PeopleServiceOptions';
import { SETUP_TOKEN_LIFETIME_MS } from './sessionPolicy';
import { toProfile } from './toProfile';
import type { SetupService } from '../../lib/people/SetupService';

export type { SetupService } from '../../lib/people/SetupService';

export function createSetupService(options: PeopleServiceOptions): SetupService {
  const { store, clock = Date.now, logger = createLogger('silent'), passwords = scryptHasher() } = options;
  const nowIso = () => new Date(clock()).toISOString();

  async function ensureSetupToken(): Promise<string | null> {
    if ((await store.countActiveAdmins()) > 0) return null;
    await store.deleteTokens({ purpose: 'admin_setup' });
    const token = newSessionId();
    await store.createToken({
      hash: hashSessionId(token),
      purpose: 'admin_setup',
      expiresAt: new Date(clock() + SETUP_TOKEN_LIFETIME_MS).toISOString(),
    });
    logger.info({ event: 'setup_token_created' }, 'no admin yet: issued a setup link');
    return token;
  }

  async function completeSetup(token: string, input: SignUpRequest): Promise<PersonProfile> {
    const { email, password, name } = parseInput(signUpSchema, input);
    if ((await store.countActiveAdmins()) > 0) throw new PeopleError('setup_done', 'an admin exists already');
    // Checked before the token is spent, so a taken e-mail does not cost the operator a restart.
    if (await store.getPersonByEmail(email)) throw new PeopleError('email_taken', 'that e-mail has an account');
    const used = isSessionIdShaped(token) ? await store.consumeToken(hashSessionId(token), 'admin_setup', nowIso()) : null;
    if (!used) throw new PeopleError('invalid_token', 'the setup link is unknown, used or expired');
    const at = nowIso();
    try {
      const admin = await store.createPerson({
        id: newId('p'),
        email,
        name,
        passwordHash: await passwords.hash(password),
        role: 'admin',
        disabled: false,
        createdAt: at,
        updatedAt: at,
      });
      await store.deleteTokens({ purpose: 'admin_setup' });
      logger.info({ event: 'setup_completed', personId: admin.id }, 'the first admin was created');
      return toProfile(admin);
    } catch (error) {
      // Someone signed up with that e-mail in between; the next start issues a new link.
      if (error instanceof AccountStoreError && error.code === 'email_taken') {
        throw new PeopleError('email_taken', 'that e-mail has an account');
      }
      throw error;
    }
  }

  const isSetupDone = async (): Promise<boolean> => (await store.countActiveAdmins()) > 0;

  return { ensureSetupToken, completeSetup, isSetupDone };
}
