/**
 * The people services over one MemoryAccountStore, a clock the test moves, one throttle, one
 * event hub whose events are collected, and a cheap scrypt (tests/helpers/cheapHasher): production
 * cost is the password module's own tests' business. People are added straight to the store.
 */
import { SignInThrottle } from '../../../../lib/auth/signInThrottle';
import type { PlatformRole } from '../../../../lib/access/model';
import type { AccountStore, Person } from '../../../../lib/people/AccountStore';
import { createAccessEvents, type AccessRevoked } from '../../../../server/people/accessEvents';
import { createAccountService } from '../../../../server/people/createAccountService';
import { createOrganisationService } from '../../../../server/people/createOrganisationService';
import { createSessionService } from '../../../../server/people/createSessionService';
import { createSetupService } from '../../../../server/people/createSetupService';
import { createWorkspaceService } from '../../../../server/people/createWorkspaceService';
import { MemoryAccountStore } from '../../../../server/people/MemoryAccountStore';
import { cheapHasher } from '../../../helpers/cheapHasher';

export const PASSWORD = 'korrekt hest batteri';
export const START = Date.parse('2026-11-26T10:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function peopleFixture(store: AccountStore = new MemoryAccountStore()) {
  let now = START;
  const clock = () => now;
  const events = createAccessEvents();
  const revoked: AccessRevoked[] = [];
  events.onAccessRevoked((event) => revoked.push(event));
  const throttle = new SignInThrottle({ now: clock });
  // An object of its own per fixture, so a test may spy on its methods (vi.spyOn(people.passwords, 'verify')).
  const passwords = cheapHasher();
  const options = { store, clock, events, passwords };
  let count = 0;

  async function addPerson(overrides: Partial<Person> & { password?: string } = {}): Promise<Person> {
    const { password = PASSWORD, ...fields } = overrides;
    const id = fields.id ?? `p_test${++count}`;
    const at = new Date(now).toISOString();
    return store.createPerson({
      id,
      email: `${id}@example.dk`,
      name: `Person ${id}`,
      passwordHash: await passwords.hash(password),
      role: 'citizen',
      disabled: false,
      createdAt: at,
      updatedAt: at,
      ...fields,
    });
  }

  return {
    store,
    clock,
    advance: (ms: number) => void (now += ms),
    events,
    revoked,
    throttle,
    passwords,
    accounts: createAccountService({ ...options, throttle }),
    sessions: createSessionService(options),
    organisations: createOrganisationService(options),
    workspaces: createWorkspaceService(options),
    setup: createSetupService(options),
    addPerson,
    addAdmin: (overrides: Partial<Person> = {}) => addPerson({ role: 'admin' satisfies PlatformRole, ...overrides }),
  };
}

export type PeopleFixture = ReturnType<typeof peopleFixture>;

/** Signs the person in (they must have PASSWORD) and returns the new session id. */
export async function signedIn(fixture: PeopleFixture, person: Person, ip = '192.0.2.1'): Promise<string> {
  const result = await fixture.accounts.signIn({ email: person.email, password: PASSWORD, ip });
  if (!result.ok) throw new Error(`sign-in failed: ${result.code}`);
  return result.sessionId;
}
