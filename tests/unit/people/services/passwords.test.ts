import { describe, expect, it } from 'vitest';
import { hashSessionId } from '../../../../lib/auth/sessionId';
import { HOUR, MINUTE, PASSWORD, peopleFixture, signedIn } from './peopleFixture';

const NEW_PASSWORD = 'et helt nyt kodeord';
const IP = '192.0.2.1';

describe('changePassword', () => {
  it('changes the password, keeps the session that asked and ends every other', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    const here = await signedIn(people, karen);
    const elsewhere = await signedIn(people, karen, '198.51.100.7');
    await people.accounts.changePassword(karen.id, PASSWORD, NEW_PASSWORD, here);

    expect(await people.sessions.resolve(here)).not.toBeNull();
    expect(await people.sessions.resolve(elsewhere)).toBeNull();
    expect(people.revoked).toEqual([{ personId: karen.id, reason: 'password_changed', keptSessionIdHash: hashSessionId(here) }]);
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: IP })).toMatchObject({ code: 'invalid_credentials' });
    expect(await people.accounts.signIn({ email: karen.email, password: NEW_PASSWORD, ip: IP })).toMatchObject({ ok: true });
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    const here = await signedIn(people, karen);
    await expect(people.accounts.changePassword(karen.id, 'forkert adgangskode', NEW_PASSWORD, here)).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: IP })).toMatchObject({ ok: true });
    expect(people.revoked).toEqual([]);
  });

  it('throttles guesses of the current password like sign-in guesses', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    const here = await signedIn(people, karen);
    for (let i = 0; i < 5; i++) await people.accounts.changePassword(karen.id, `gæt ${i}`, NEW_PASSWORD, here, IP).catch(() => undefined);
    await expect(people.accounts.changePassword(karen.id, PASSWORD, NEW_PASSWORD, here, IP)).rejects.toMatchObject({
      code: 'throttled',
      details: { retryAfterMs: MINUTE },
    });
    // The same account is locked for sign-in from that address too: it is the same secret being guessed.
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: IP })).toMatchObject({ code: 'throttled' });
    // Not from elsewhere: guesses from one address do not lock the owner out (issue 10, item 8).
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: '203.0.113.1' })).toMatchObject({ ok: true });
  });

  it('refuses a new password that is too short or too long before checking anything', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    for (const [next, code] of [
      ['kort', 'password_too_short'],
      ['x'.repeat(201), 'password_too_long'],
    ] as const) {
      await expect(people.accounts.changePassword(karen.id, PASSWORD, next, 'x')).rejects.toMatchObject({
        code: 'invalid_input',
        details: { issues: [{ path: 'newPassword', code }] },
      });
    }
  });

  it('refuses an unknown or disabled person', async () => {
    const people = peopleFixture();
    const disabled = await people.addPerson({ disabled: true });
    await expect(people.accounts.changePassword('ghost', PASSWORD, NEW_PASSWORD, 'x')).rejects.toMatchObject({ code: 'not_found' });
    await expect(people.accounts.changePassword(disabled.id, PASSWORD, NEW_PASSWORD, 'x')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('password reset by an admin-issued link', () => {
  async function withResetToken() {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    const karen = await people.addPerson();
    const token = await people.accounts.createResetToken(admin.id, karen.id);
    return { people, admin, karen, token };
  }

  it('resets the password once, ends every session and lets the person sign in with the new one', async () => {
    const { people, karen, token } = await withResetToken();
    const session = await signedIn(people, karen);
    expect(await people.accounts.resetPassword(token, NEW_PASSWORD)).toMatchObject({ id: karen.id });
    expect(await people.sessions.resolve(session)).toBeNull();
    expect(people.revoked).toEqual([{ personId: karen.id, reason: 'password_reset' }]);
    expect(await people.accounts.signIn({ email: karen.email, password: NEW_PASSWORD, ip: IP })).toMatchObject({ ok: true });

    await expect(people.accounts.resetPassword(token, 'endnu et nyt kodeord')).rejects.toMatchObject({ code: 'invalid_token' });
    expect(await people.accounts.signIn({ email: karen.email, password: NEW_PASSWORD, ip: IP })).toMatchObject({ ok: true });
  });

  it('stores only the hash of the token', async () => {
    const { people, karen, token } = await withResetToken();
    expect(await people.store.consumeToken(token, 'password_reset', new Date(people.clock()).toISOString())).toBeNull();
    expect(await people.store.consumeToken(hashSessionId(token), 'password_reset', new Date(people.clock()).toISOString())).toMatchObject({
      personId: karen.id,
    });
  });

  it('stops working after an hour', async () => {
    const { people, token } = await withResetToken();
    people.advance(HOUR);
    await expect(people.accounts.resetPassword(token, NEW_PASSWORD)).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('works until just before the hour is up', async () => {
    const { people, token } = await withResetToken();
    people.advance(HOUR - 1);
    await expect(people.accounts.resetPassword(token, NEW_PASSWORD)).resolves.toMatchObject({});
  });

  it('retires an earlier link when a new one is issued', async () => {
    const { people, admin, karen, token } = await withResetToken();
    const newer = await people.accounts.createResetToken(admin.id, karen.id);
    await expect(people.accounts.resetPassword(token, NEW_PASSWORD)).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(people.accounts.resetPassword(newer, NEW_PASSWORD)).resolves.toMatchObject({ id: karen.id });
  });

  it('does not spend the link on a password that is refused', async () => {
    const { people, token } = await withResetToken();
    await expect(people.accounts.resetPassword(token, 'kort')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(people.accounts.resetPassword(token, NEW_PASSWORD)).resolves.toMatchObject({});
  });

  it('refuses forged, malformed and hostile tokens alike', async () => {
    const { people } = await withResetToken();
    for (const forged of ['A'.repeat(43), '', 'x'.repeat(100_000), '__proto__', 'ab\u0000cd', null as unknown as string]) {
      await expect(people.accounts.resetPassword(forged, NEW_PASSWORD)).rejects.toMatchObject({ code: 'invalid_token' });
    }
  });

  it('refuses a setup token as a reset token', async () => {
    const people = peopleFixture();
    const setupToken = (await people.setup.ensureSetupToken()) ?? '';
    await expect(people.accounts.resetPassword(setupToken, NEW_PASSWORD)).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('unlocks an account that was locked by failed sign-ins', async () => {
    const { people, karen, token } = await withResetToken();
    for (let i = 0; i < 5; i++)
      await people.accounts.signIn({ email: karen.email, password: 'forkert adgangskode', ip: `198.51.100.${i}` });
    await people.accounts.resetPassword(token, NEW_PASSWORD);
    expect(await people.accounts.signIn({ email: karen.email, password: NEW_PASSWORD, ip: IP })).toMatchObject({ ok: true });
  });

  it('is issued by admins only, and only for people who exist', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    const staff = await people.addPerson({ role: 'staff' });
    const disabledAdmin = await people.addAdmin({ disabled: true });
    const karen = await people.addPerson();
    for (const caller of [staff.id, karen.id, disabledAdmin.id, 'ghost']) {
      await expect(people.accounts.createResetToken(caller, karen.id)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(people.accounts.createResetToken(admin.id, 'ghost')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('signOut', () => {
  it('ends that session only, and tells listeners which one', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    const one = await signedIn(people, karen);
    const other = await signedIn(people, karen);
    await people.accounts.signOut(one);
    expect(await people.sessions.resolve(one)).toBeNull();
    expect(await people.sessions.resolve(other)).not.toBeNull();
    expect(people.revoked).toEqual([{ personId: karen.id, reason: 'signed_out', sessionIdHashes: [hashSessionId(one)] }]);
  });

  it('does nothing for an unknown or malformed session id', async () => {
    const people = peopleFixture();
    for (const id of ['A'.repeat(43), 'short', '', 'x'.repeat(100_000)]) await people.accounts.signOut(id);
    expect(people.revoked).toEqual([]);
  });
});
