import { describe, expect, it } from 'vitest';
import { createAccountService } from '../../../server/people/createAccountService';
import { PASSWORD, peopleFixture } from '../people/services/peopleFixture';

const IP = '192.0.2.1';

/** The fixture's people, with an account service where only citizens may sign in with a password. */
function fixture() {
  const people = peopleFixture();
  const accounts = createAccountService({
    store: people.store,
    clock: people.clock,
    events: people.events,
    passwords: people.passwords,
    throttle: people.throttle,
    passwordRoles: ['citizen'],
  });
  return { ...people, accounts };
}

describe('password sign-in per role (PASSWORD_SIGN_IN_ROLES)', () => {
  it('signs in a citizen, and refuses staff with the right password, pointing them to single sign-on', async () => {
    const people = fixture();
    const citizen = await people.addPerson({ email: 'borger@example.dk' });
    const staff = await people.addPerson({ email: 'ansat@kommune.dk', role: 'staff' });
    expect(await people.accounts.signIn({ email: citizen.email, password: PASSWORD, ip: IP })).toMatchObject({ ok: true });
    expect(await people.accounts.signIn({ email: staff.email, password: PASSWORD, ip: IP })).toEqual({ ok: false, code: 'password_off' });
    expect(await people.store.getPerson(staff.id)).not.toBeNull();
  });

  it('tells a guesser nothing: a wrong password for such a person is just wrong', async () => {
    const people = fixture();
    const staff = await people.addPerson({ email: 'ansat@kommune.dk', role: 'staff' });
    expect(await people.accounts.signIn({ email: staff.email, password: 'forkert adgangskode', ip: IP })).toEqual({
      ok: false,
      code: 'invalid_credentials',
    });
  });

  it('signs in the first admin right after setup (anyRole), and only then', async () => {
    const people = fixture();
    const admin = await people.addAdmin({ email: 'admin@kommune.dk' });
    expect(await people.accounts.signIn({ email: admin.email, password: PASSWORD, ip: IP })).toEqual({ ok: false, code: 'password_off' });
    expect(await people.accounts.signIn({ email: admin.email, password: PASSWORD, ip: IP, anyRole: true })).toMatchObject({
      ok: true,
      person: { id: admin.id },
    });
  });

  it('lets every role sign in when no roles are given (the default)', async () => {
    const people = peopleFixture();
    const staff = await people.addPerson({ email: 'ansat@kommune.dk', role: 'staff' });
    expect(await people.accounts.signIn({ email: staff.email, password: PASSWORD, ip: IP })).toMatchObject({ ok: true });
  });
});
