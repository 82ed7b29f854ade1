/**
 * Sign-in by e-mail and password. The answer never tells whether an e-mail has an account: an
 * unknown e-mail costs one password verification like a known one and counts against the throttle
 * the same way. A successful sign-in always starts a new session (the id a browser held before is
 * deleted, so a planted id is worth nothing), and upgrades a hash made with older parameters.
 */
import { randomBytes } from 'node:crypto';
import { z } from '../../lib/zodWithoutEval';
import type { PasswordHasher } from '../../lib/auth/PasswordHasher';
import { hashSessionId, isSessionIdShaped } from '../../lib/auth/sessionId';
import type { SignInThrottle } from '../../lib/auth/signInThrottle';
import type { PlatformRole } from '../../lib/access/model';
import type { AccountStore } from '../../lib/people/AccountStore';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '../../lib/people/schemas';
import type { Logger } from '../logger';
import { parseInput } from './parseInput';
import { startSession } from './startSession';
import { toProfile } from './toProfile';
import type { SignInRequest, SignInResult } from '../../lib/people/SignInRequest';

export type { SignInRequest, SignInResult } from '../../lib/people/SignInRequest';

// Only the shape is checked here: a malformed e-mail is just one that has no account.
const signInRequestSchema = z.object({
  email: z.string({ error: 'email_required' }).trim().toLowerCase(),
  password: z.string({ error: 'password_required' }),
  ip: z.string({ error: 'ip_invalid' }).min(1, 'ip_invalid').max(100, 'ip_invalid'),
  previousSessionId: z.string().max(1000).nullish(),
  knownDevice: z.boolean().optional(),
  userAgent: z.string().nullish(),
  anyRole: z.boolean().optional(),
});

export function createSignIn(deps: {
  store: AccountStore;
  clock: () => number;
  logger: Logger;
  throttle: SignInThrottle;
  passwords: PasswordHasher;
  /** The roles that may sign in with a password (PASSWORD_SIGN_IN_ROLES); all when absent. */
  passwordRoles?: readonly PlatformRole[];
}): (input: SignInRequest) => Promise<SignInResult> {
  const { store, clock, logger, throttle, passwords, passwordRoles } = deps;
  // Made once with today's parameters, so verifying against it costs what a real verification costs.
  const dummyHash = passwords.hash(randomBytes(32).toString('base64url'));
  dummyHash.catch(() => undefined); // awaited (and so reported) at the first unknown e-mail

  return async function signIn(input) {
    const { email, password, ip, previousSessionId, knownDevice, userAgent, anyRole } = parseInput(signInRequestSchema, input);
    // Bounded, so a megabyte "e-mail" cannot become a megabyte throttle key.
    const keys = { account: email.slice(0, EMAIL_MAX_LENGTH), ip, knownDevice: knownDevice === true };
    const verdict = throttle.check(keys);
    if (!verdict.allowed) {
      logger.info({ event: 'sign_in_throttled', retryAfterMs: verdict.retryAfterMs }, 'sign-in refused: too many attempts');
      return { ok: false, code: 'throttled', retryAfterMs: verdict.retryAfterMs };
    }
    // Longer than any stored e-mail or password could be: no account can match, so no hashing work.
    const impossible = email.length > EMAIL_MAX_LENGTH || [...password].length > PASSWORD_MAX_LENGTH;
    const person = impossible ? null : await store.getPersonByEmail(email);
    const matches = impossible ? false : await passwords.verify(password, person ? person.passwordHash : await dummyHash);
    if (!person || !matches) {
      throttle.recordFailure(keys);
      logger.info({ event: 'sign_in_failed' }, 'sign-in refused: invalid credentials');
      return { ok: false, code: 'invalid_credentials' };
    }
    // Said only to someone who knows the password, so it reveals nothing to a guesser.
    if (person.disabled) return { ok: false, code: 'disabled' };
    // Also said only after the right password: the person is pointed to the provider's button.
    if (passwordRoles && !passwordRoles.includes(person.role) && anyRole !== true) {
      logger.info({ event: 'sign_in_password_off', personId: person.id }, 'sign-in refused: passwords are off for this role');
      return { ok: false, code: 'password_off' };
    }
    throttle.recordSuccess(keys.account, ip);

    if (passwords.needsRehash(person.passwordHash)) {
      try {
        await store.updatePerson(person.id, { passwordHash: await passwords.hash(password) });
      } catch (error) {
        logger.warn({ err: error, event: 'rehash_failed', personId: person.id }, 'could not upgrade a password hash; kept the old one');
      }
    }
    if (previousSessionId && isSessionIdShaped(previousSessionId)) await store.deleteSession(hashSessionId(previousSessionId));
    const { sessionId } = await startSession(store, person.id, clock(), userAgent);
    logger.info({ event: 'signed_in', personId: person.id }, 'a person signed in');
    return { ok: true, sessionId, person: toProfile(person) };
  };
}
