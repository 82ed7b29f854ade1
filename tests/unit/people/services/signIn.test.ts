import { describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../../../lib/auth/password';
import { hashSessionId } from '../../../../lib/auth/sessionId';
import { DAY, MINUTE, PASSWORD, peopleFixture as plainPeopleFixture, signedIn } from './peopleFixture';

const IP = '192.0.2.1';

/** The fixture with its hasher's verify() spied on, not replaced: the tests count verifications while real (cheap) scrypt runs. */
function peopleFixture() {
  const people = plainPeopleFixture();
  return { ...people, verify: vi.spyOn(people.passwords, 'verify') };
}

describe('signIn', () => {
  it('signs in with the right password, whatever the case and spaces of the e-mail, and starts a session', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson({ email: 'karen@kommune.dk', name: 'Karen Ærø' });
    const result = await people.accounts.signIn({ email: '  Karen@Kommune.DK ', password: PASSWORD, ip: IP });
    expect(result).toMatchObject({ ok: true, person: { id: karen.id, email: 'karen@kommune.dk', name: 'Karen Ærø' } });
    if (!result.ok) return;
    expect(result.person).not.toHaveProperty('passwordHash');
    expect(await people.store.getSession(hashSessionId(result.sessionId))).toMatchObject({
      personId: karen.id,
      createdAt: '2026-11-26T10:00:00.000Z',
      expiresAt: new Date(Date.parse('2026-11-26T10:00:00.000Z') + 7 * DAY).toISOString(),
      actingForOrganisationId: null,
    });
    expect((await people.sessions.resolve(result.sessionId))?.person.id).toBe(karen.id);
  });

  it('gives the same answer for an unknown e-mail as for a wrong password, after one verification each', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    const wrong = await people.accounts.signIn({ email: karen.email, password: 'forkert adgangskode', ip: IP });
    expect(people.verify).toHaveBeenCalledTimes(1);
    const unknown = await people.accounts.signIn({ email: 'nobody@example.dk', password: PASSWORD, ip: IP });
    // The unknown e-mail is verified against a real scrypt hash, so it costs what a real check costs.
    expect(people.verify).toHaveBeenCalledTimes(2);
    const dummy = people.verify.mock.calls[1]?.[1];
    expect(dummy).toMatch(/^scrypt\$/);
    expect(people.passwords.needsRehash(dummy ?? '')).toBe(false);
    expect(unknown).toEqual(wrong);
    expect(unknown).toEqual({ ok: false, code: 'invalid_credentials' });
  });

  it('gives a new session id at every sign-in and deletes the one the browser held (no session fixation)', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    const first = await signedIn(people, karen);
    const second = await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: IP, previousSessionId: first });
    if (!second.ok) throw new Error('sign-in failed');
    expect(second.sessionId).not.toBe(first);
    expect(await people.sessions.resolve(first)).toBeNull();
    expect(await people.sessions.resolve(second.sessionId)).not.toBeNull();
  });

  it('never adopts an id the browser brought: a planted id stays invalid after sign-in', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    const planted = 'A'.repeat(43); // shaped like a session id, chosen by an attacker
    const result = await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: IP, previousSessionId: planted });
    expect(result.ok && result.sessionId).not.toBe(planted);
    expect(await people.sessions.resolve(planted)).toBeNull();
  });

  it('keeps the old session when the sign-in fails', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    const session = await signedIn(people, karen);
    await people.accounts.signIn({ email: karen.email, password: 'forkert adgangskode', ip: IP, previousSessionId: session });
    expect(await people.sessions.resolve(session)).not.toBeNull();
  });

  it('tells a disabled person with the right password that they are disabled, and starts no session', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson({ disabled: true });
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: IP })).toEqual({ ok: false, code: 'disabled' });
    expect(await people.accounts.signIn({ email: karen.email, password: 'forkert adgangskode', ip: IP })).toEqual({
      ok: false,
      code: 'invalid_credentials',
    });
    expect(await people.store.deleteSessionsOf(karen.id)).toBe(0);
  });

  it('locks an account after five failures from one address, even with the right password, and says for how long', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    for (let i = 0; i < 5; i++) {
      expect(await people.accounts.signIn({ email: karen.email, password: `gæt nummer ${i}`, ip: '198.51.100.1' })).toMatchObject({
        code: 'invalid_credentials',
      });
    }
    people.verify.mockClear();
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: '198.51.100.1' })).toEqual({
      ok: false,
      code: 'throttled',
      retryAfterMs: MINUTE,
    });
    // Refused before any hashing, so a locked account costs the server nothing.
    expect(people.verify).not.toHaveBeenCalled();
    people.advance(MINUTE);
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: '198.51.100.1' })).toMatchObject({ ok: true });
  });

  it('does not let five failures from five addresses refuse the right password from a sixth', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    for (let i = 0; i < 5; i++) await people.accounts.signIn({ email: karen.email, password: `gæt nummer ${i}`, ip: `198.51.100.${i}` });
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: '203.0.113.9' })).toMatchObject({ ok: true });
  });

  it('locks an unknown e-mail exactly as it locks a real one', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    const answers = async (email: string) => {
      const seen = [];
      for (let i = 0; i < 6; i++)
        seen.push(await people.accounts.signIn({ email, password: 'forkert adgangskode', ip: `198.51.100.${i}` }));
      return seen;
    };
    expect(await answers('nobody@example.dk')).toEqual(await answers(karen.email));
  });

  it('locks an IP that tries many accounts, without locking those accounts elsewhere', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    for (let i = 0; i < 20; i++) await people.accounts.signIn({ email: `guess${i}@example.dk`, password: 'forkert adgangskode', ip: IP });
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: IP })).toMatchObject({
      ok: false,
      code: 'throttled',
    });
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: '203.0.113.9' })).toMatchObject({ ok: true });
  });

  it('forgets earlier failures of an account after a successful sign-in', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    for (let i = 0; i < 4; i++) await people.accounts.signIn({ email: karen.email, password: 'forkert adgangskode', ip: IP });
    await signedIn(people, karen);
    for (let i = 0; i < 4; i++) await people.accounts.signIn({ email: karen.email, password: 'forkert adgangskode', ip: IP });
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: IP })).toMatchObject({ ok: true });
  });

  it('refuses over-long e-mails and passwords without hashing, as invalid credentials', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    const answers = [
      await people.accounts.signIn({ email: `${'a'.repeat(1_000_000)}@example.dk`, password: PASSWORD, ip: IP }),
      await people.accounts.signIn({ email: karen.email, password: 'x'.repeat(1_000_000), ip: IP }),
      await people.accounts.signIn({ email: karen.email, password: 'ø'.repeat(201), ip: IP }),
    ];
    expect(answers).toEqual(Array(3).fill({ ok: false, code: 'invalid_credentials' }));
    expect(people.verify).not.toHaveBeenCalled();
    expect(people.throttle.size.accounts).toBeLessThanOrEqual(2);
  });

  it('treats control characters and odd e-mails as just e-mails without an account', async () => {
    const people = peopleFixture();
    await people.addPerson({ email: 'karen@example.dk' });
    for (const email of ['karen@example.dk\u0000', 'karen\u202e@example.dk', '', '   ', '__proto__', 'karen@example.dk\u0007']) {
      expect(await people.accounts.signIn({ email, password: PASSWORD, ip: IP })).toEqual({ ok: false, code: 'invalid_credentials' });
    }
  });

  it('refuses input of the wrong shape as invalid input', async () => {
    const people = peopleFixture();
    const hostile = [
      { email: 42, password: PASSWORD, ip: IP },
      { email: 'a@example.dk', password: null, ip: IP },
      { email: 'a@example.dk', password: PASSWORD, ip: '' },
      { email: 'a@example.dk', password: PASSWORD, ip: 'x'.repeat(101) },
    ] as unknown as Parameters<typeof people.accounts.signIn>[0][];
    for (const input of hostile) await expect(people.accounts.signIn(input)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('upgrades a hash made with older parameters at the next sign-in, and still signs in after', async () => {
    const people = peopleFixture();
    const weak = await hashPassword(PASSWORD, { N: 2 ** 2, r: 8, p: 1 });
    const karen = await people.addPerson({ passwordHash: weak });
    await signedIn(people, karen);
    const upgraded = (await people.store.getPerson(karen.id))?.passwordHash ?? '';
    expect(upgraded).not.toBe(weak);
    expect(people.passwords.needsRehash(upgraded)).toBe(false);
    await signedIn(people, karen);
  });
});

describe('signUp', () => {
  it('creates a citizen with a hashed password, who can then sign in', async () => {
    const people = peopleFixture();
    const person = await people.accounts.signUp({ email: ' Aase@Example.DK', password: 'en lang nok adgangskode', name: '  Åse Ødegård ' });
    expect(person).toMatchObject({ email: 'aase@example.dk', name: 'Åse Ødegård', role: 'citizen', disabled: false });
    expect(person).not.toHaveProperty('passwordHash');
    const stored = await people.store.getPerson(person.id);
    expect(stored?.passwordHash).toMatch(/^scrypt\$/);
    expect(stored?.passwordHash).not.toContain('en lang nok');
    expect(await people.accounts.signIn({ email: 'aase@example.dk', password: 'en lang nok adgangskode', ip: IP })).toMatchObject({
      ok: true,
    });
  });

  it('says that an e-mail is taken, in any case, and keeps the first account', async () => {
    const people = peopleFixture();
    const first = await people.accounts.signUp({ email: 'karen@example.dk', password: 'en lang nok adgangskode', name: 'Karen' });
    await expect(
      people.accounts.signUp({ email: 'KAREN@example.dk', password: 'en anden adgangskode', name: 'Anden' }),
    ).rejects.toMatchObject({
      code: 'email_taken',
    });
    expect((await people.store.getPersonByEmail('karen@example.dk'))?.id).toBe(first.id);
  });

  it('refuses hostile input field by field with codes, and never echoes the password', async () => {
    const people = peopleFixture();
    const cases: [unknown, string, string][] = [
      [{ email: `${'a'.repeat(250)}@example.dk`, password: 'en lang nok adgangskode', name: 'A' }, 'email', 'email_too_long'],
      [{ email: 'not an e-mail', password: 'en lang nok adgangskode', name: 'A' }, 'email', 'email_invalid'],
      [{ email: 'a@example.dk', password: 'kort', name: 'A' }, 'password', 'password_too_short'],
      [{ email: 'a@example.dk', password: 'x'.repeat(201), name: 'A' }, 'password', 'password_too_long'],
      [{ email: 'a@example.dk', password: 'en lang nok adgangskode', name: 'x'.repeat(61) }, 'name', 'name_too_long'],
      [{ email: 'a@example.dk', password: 'en lang nok adgangskode', name: 'Karen\u0000' }, 'name', 'name_invalid'],
      [{ email: 'a@example.dk', password: 'en lang nok adgangskode', name: 'evil\u202etxt.exe' }, 'name', 'name_invalid'],
      [{ email: 'a@example.dk', password: 'en lang nok adgangskode', name: '   ' }, 'name', 'name_required'],
    ];
    for (const [input, path, code] of cases) {
      const error = await people.accounts.signUp(input as Parameters<typeof people.accounts.signUp>[0]).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid_input', details: { issues: expect.arrayContaining([{ path, code }]) } });
      expect(String((error as Error).message)).not.toContain('en lang nok');
    }
    expect((await people.store.listPeople({ offset: 0, limit: 10 })).total).toBe(0);
  });
});
