/**
 * The people services over one MemoryAccountStore, a clock the test moves, one throttle and one
 * event hub whose events are collected. People are added straight to the store with hashes made
 * once per password (scrypt costs ~75 ms), so only the behaviour under test pays for hashing.
 */
import { hashPassword } from '../../../../lib/auth/password';
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

export const PASSWORD = 'korrekt hest batteri';
export const START = Date.parse('2026-11-26T10:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const hashes = new Map<string, Promise<string>>();
export function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

export function peopleFixture(store: AccountStore = new MemoryAccountStore()) {
  let now = START;
  const clock = () => now;
  const events = createAccessEvents();
  const revoked: AccessRevoked[] = [];
  events.onAccessRevoked((event) => revoked.push(event));
  const throttle = new SignInThrottle({ now: clock });
  const options = { store, clock, events };
  let count = 0;

  async function addPerson(overrides: Partial<Person> & { password?: string } = {}): Promise<Person> {
    const { password = PASSWORD, ...fields } = overrides;
    const id = fields.id ?? `p_test${++count}`;
    const at = new Date(now).toISOString();
    return store.createPerson({
      id,
      email: `${id}@example.dk`,
      name: `Person ${id}`,
      passwordHash: await hashOnce(password),
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
