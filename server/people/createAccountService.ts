/**
 * Accounts: sign-up, sign-in and sign-out, passwords, and the admin's hold on people (reset links,
 * disabling, roles). Sessions end whenever the password changes or a person is disabled, and
 * listeners on `events` hear of it so live sync connections close too.
 */
import { z } from '../../lib/zodWithoutEval';
import { PLATFORM_ROLES, type PlatformRole } from '../../lib/access/model';
import { scryptHasher } from '../../lib/auth/scryptHasher';
import { hashSessionId, isSessionIdShaped, newSessionId } from '../../lib/auth/sessionId';
import { SignInThrottle } from '../../lib/auth/signInThrottle';
import { AccountStoreError, type Page, type PersonProfile } from '../../lib/people/AccountStore';
import { emailSchema, newPasswordSchema, signUpSchema, type SignUpRequest } from '../../lib/people/schemas';
import { createLogger } from '../logger';
import { createAccessEvents } from './accessEvents';
import { newId } from './newId';
import { pageQuerySchema, type PageQueryRequest } from '../../lib/people/pageQuerySchema';
import { parseInput } from './parseInput';
import { PeopleError } from '../../lib/people/PeopleError';
import type { PeopleServiceOptions } from './PeopleServiceOptions';
import { passPlatformGate } from './passPersonGate';
import { RESET_TOKEN_LIFETIME_MS } from './sessionPolicy';
import { revokeSessions } from './revokeSessions';
import { createSignIn } from './createSignIn';
import { toProfile } from './toProfile';
import type { AccountService } from '../../lib/people/AccountService';

export type { AccountService } from '../../lib/people/AccountService';

export interface AccountServiceOptions extends PeopleServiceOptions {
  /** Share one with every other sign-in path; by default the service makes its own on `clock`. */
  readonly throttle?: SignInThrottle;
  /** The roles that may sign in with a password (PASSWORD_SIGN_IN_ROLES); all when absent. */
  readonly passwordRoles?: readonly PlatformRole[];
}

const roleSchema = z.enum(PLATFORM_ROLES, { error: 'role_invalid' });

export function createAccountService(options: AccountServiceOptions): AccountService {
  const {
    store,
    clock = Date.now,
    logger = createLogger('silent'),
    events = createAccessEvents(logger),
    passwords = scryptHasher(),
  } = options;
  const throttle = options.throttle ?? new SignInThrottle({ now: clock });
  const signIn = createSignIn({ store, clock, logger, throttle, passwords, passwordRoles: options.passwordRoles });
  const nowIso = () => new Date(clock()).toISOString();

  async function signUp(input: SignUpRequest): Promise<PersonProfile> {
    const { email, password, name } = parseInput(signUpSchema, input);
    const at = nowIso();
    const passwordHash = await passwords.hash(password);
    try {
      const person = await store.createPerson({
        id: newId('p'),
        email,
        name,
        passwordHash,
        role: 'citizen',
        disabled: false,
        createdAt: at,
        updatedAt: at,
      });
      logger.info({ event: 'signed_up', personId: person.id }, 'a person signed up');
      return toProfile(person);
    } catch (error) {
      // Sign-up is the one place that must say an e-mail is in use; sign-in and reset never do.
      if (error instanceof AccountStoreError && error.code === 'email_taken') {
        throw new PeopleError('email_taken', 'that e-mail has an account');
      }
      throw error;
    }
  }

  async function signOut(sessionId: string): Promise<void> {
    if (!isSessionIdShaped(sessionId)) return;
    const idHash = hashSessionId(sessionId);
    const session = await store.getSession(idHash);
    if (!session) return;
    await store.deleteSession(idHash);
    events.emitAccessRevoked({ personId: session.personId, reason: 'signed_out', sessionIdHashes: [idHash] });
  }

  async function changePassword(personId: string, currentPassword: string, newPassword: string, keepSessionId: string, ip?: string) {
    const next = parseInput(z.object({ newPassword: newPasswordSchema }), { newPassword }).newPassword;
    const person = await store.getPerson(personId);
    if (!person || person.disabled) throw new PeopleError('not_found', 'no such person');
    // The current password is a secret like at sign-in: guesses count against the same account.
    // A signed-in browser is a known device: others' failures at the account as a whole do not hold it.
    const keys = { account: person.email, ip: ip ?? `person:${personId}`, knownDevice: true };
    const verdict = throttle.check(keys);
    if (!verdict.allowed) throw new PeopleError('throttled', 'too many attempts', { retryAfterMs: verdict.retryAfterMs });
    if (typeof currentPassword !== 'string' || !(await passwords.verify(currentPassword, person.passwordHash))) {
      throttle.recordFailure(keys);
      throw new PeopleError('invalid_credentials', 'the current password is wrong');
    }
    throttle.recordSuccess(keys.account, keys.ip);
    await store.updatePerson(personId, { passwordHash: await passwords.hash(next), updatedAt: nowIso() });
    const keep = isSessionIdShaped(keepSessionId) ? hashSessionId(keepSessionId) : undefined;
    await revokeSessions(store, events, personId, 'password_changed', keep);
    logger.info({ event: 'password_changed', personId }, 'a person changed their password');
  }

  async function createResetToken(adminPersonId: string, personId: string): Promise<string> {
    await passPlatformGate(store, adminPersonId, 'administer');
    if (!(await store.getPerson(personId))) throw new PeopleError('not_found', 'no such person');
    const token = await issueResetToken(personId);
    logger.info({ event: 'reset_token_created', adminId: adminPersonId, personId }, 'an admin issued a password reset link');
    return token;
  }

  async function issueResetToken(personId: string): Promise<string> {
    await store.deleteTokens({ purpose: 'password_reset', personId });
    const token = newSessionId();
    const expiresAt = new Date(clock() + RESET_TOKEN_LIFETIME_MS).toISOString();
    await store.createToken({ hash: hashSessionId(token), purpose: 'password_reset', personId, expiresAt });
    return token;
  }

  async function createResetTokenForEmail(email: string): Promise<{ token: string; person: PersonProfile } | null> {
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) return null;
    const person = await store.getPersonByEmail(parsed.data);
    if (!person || person.disabled) return null;
    const token = await issueResetToken(person.id);
    logger.info({ event: 'reset_token_requested', personId: person.id }, 'a person asked for a password reset link');
    return { token, person: toProfile(person) };
  }

  async function resetPassword(token: string, newPassword: string): Promise<PersonProfile> {
    // Checked before the token is used, so a too-short password does not spend the link.
    const next = parseInput(z.object({ newPassword: newPasswordSchema }), { newPassword }).newPassword;
    const used = isSessionIdShaped(token) ? await store.consumeToken(hashSessionId(token), 'password_reset', nowIso()) : null;
    // Hashed only for a real token: a flood of made-up tokens costs no scrypt work.
    const person =
      used?.personId === undefined
        ? null
        : await store.updatePerson(used.personId, { passwordHash: await passwords.hash(next), updatedAt: nowIso() });
    if (!person) throw new PeopleError('invalid_token', 'the reset link is unknown, used or expired');
    await store.deleteTokens({ purpose: 'password_reset', personId: person.id });
    await revokeSessions(store, events, person.id, 'password_reset');
    throttle.recordSuccess(person.email);
    logger.info({ event: 'password_reset', personId: person.id }, 'a password was reset');
    return toProfile(person);
  }

  async function changeByAdmin(
    adminPersonId: string,
    personId: string,
    patch: { disabled?: boolean; role?: PlatformRole },
  ): Promise<{ before: PersonProfile; after: PersonProfile }> {
    await passPlatformGate(store, adminPersonId, 'administer');
    const before = await store.getPerson(personId);
    if (!before) throw new PeopleError('not_found', 'no such person');
    try {
      const after = await store.updatePerson(personId, { ...patch, updatedAt: nowIso() }, { keepActiveAdmin: true });
      if (!after) throw new PeopleError('not_found', 'no such person');
      logger.info({ event: 'person_changed_by_admin', adminId: adminPersonId, personId, ...patch }, 'an admin changed a person');
      return { before: toProfile(before), after: toProfile(after) };
    } catch (error) {
      if (error instanceof AccountStoreError && error.code === 'last_admin') {
        throw new PeopleError('last_admin', 'the platform must keep an admin');
      }
      throw error;
    }
  }

  async function setDisabled(adminPersonId: string, personId: string, disabled: boolean): Promise<PersonProfile> {
    const flag = parseInput(z.object({ disabled: z.boolean({ error: 'disabled_invalid' }) }), { disabled }).disabled;
    const { after } = await changeByAdmin(adminPersonId, personId, { disabled: flag });
    if (flag) await revokeSessions(store, events, personId, 'disabled');
    return after;
  }

  async function setRole(adminPersonId: string, personId: string, role: PlatformRole): Promise<PersonProfile> {
    const wanted = parseInput(z.object({ role: roleSchema }), { role }).role;
    const { before, after } = await changeByAdmin(adminPersonId, personId, { role: wanted });
    // Any change may narrow what can() allows (staff → citizen), so live connections are re-checked.
    if (before.role !== after.role) events.emitAccessRevoked({ personId, reason: 'role_changed' });
    return after;
  }

  async function listPeople(adminPersonId: string, query: PageQueryRequest): Promise<Page<PersonProfile>> {
    await passPlatformGate(store, adminPersonId, 'administer');
    const page = await store.listPeople(parseInput(pageQuerySchema, query));
    return { items: page.items.map(toProfile), total: page.total };
  }

  return {
    signUp,
    signIn,
    signOut,
    changePassword,
    createResetToken,
    createResetTokenForEmail,
    resetPassword,
    setDisabled,
    setRole,
    listPeople,
  };
}
