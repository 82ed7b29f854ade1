import { describe, expect, it } from 'vitest';
import { DAY, peopleFixture } from './peopleFixture';

const FIRST_ADMIN = { email: 'Admin@Kommune.dk', password: 'en lang nok adgangskode', name: 'Første Admin' };

describe('createSetupService', () => {
  it('issues a setup token while no admin exists, and the token creates the first admin once', async () => {
    const people = peopleFixture();
    const token = await people.setup.ensureSetupToken();
    expect(token).toEqual(expect.any(String));
    const admin = await people.setup.completeSetup(token ?? '', FIRST_ADMIN);
    expect(admin).toMatchObject({ email: 'admin@kommune.dk', name: 'Første Admin', role: 'admin', disabled: false });
    expect(admin).not.toHaveProperty('passwordHash');
    expect(await people.accounts.signIn({ email: 'admin@kommune.dk', password: FIRST_ADMIN.password, ip: '192.0.2.1' })).toMatchObject({
      ok: true,
    });

    await expect(people.setup.completeSetup(token ?? '', { ...FIRST_ADMIN, email: 'other@kommune.dk' })).rejects.toMatchObject({
      code: 'setup_done',
    });
    expect(await people.setup.ensureSetupToken()).toBeNull();
    expect(await people.store.countActiveAdmins()).toBe(1);
  });

  it('issues no token once an admin exists', async () => {
    const people = peopleFixture();
    await people.addAdmin();
    expect(await people.setup.ensureSetupToken()).toBeNull();
  });

  it('says whether setup is done: no until the first admin exists, then yes (the used link’s page says so)', async () => {
    const people = peopleFixture();
    expect(await people.setup.isSetupDone()).toBe(false);
    const token = (await people.setup.ensureSetupToken()) ?? '';
    expect(await people.setup.isSetupDone()).toBe(false);
    await people.setup.completeSetup(token, FIRST_ADMIN);
    expect(await people.setup.isSetupDone()).toBe(true);
  });

  it('retires the earlier token at each start, so only the last printed link works', async () => {
    const people = peopleFixture();
    const first = (await people.setup.ensureSetupToken()) ?? '';
    const second = (await people.setup.ensureSetupToken()) ?? '';
    expect(second).not.toBe(first);
    await expect(people.setup.completeSetup(first, FIRST_ADMIN)).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(people.setup.completeSetup(second, FIRST_ADMIN)).resolves.toMatchObject({ role: 'admin' });
  });

  it('stops working after 24 hours', async () => {
    const people = peopleFixture();
    const token = (await people.setup.ensureSetupToken()) ?? '';
    people.advance(DAY);
    await expect(people.setup.completeSetup(token, FIRST_ADMIN)).rejects.toMatchObject({ code: 'invalid_token' });
    expect(await people.store.countActiveAdmins()).toBe(0);
  });

  it('refuses forged tokens and reset tokens', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    const karen = await people.addPerson();
    const resetToken = await people.accounts.createResetToken(admin.id, karen.id);
    await people.store.updatePerson(admin.id, { role: 'citizen' }); // no admin any more
    await people.setup.ensureSetupToken();
    for (const token of [resetToken, 'A'.repeat(43), '', 'x'.repeat(100_000)]) {
      await expect(people.setup.completeSetup(token, FIRST_ADMIN)).rejects.toMatchObject({ code: 'invalid_token' });
    }
  });

  it('checks the input and a taken e-mail before spending the token', async () => {
    const people = peopleFixture();
    await people.addPerson({ email: 'taken@kommune.dk' });
    const token = (await people.setup.ensureSetupToken()) ?? '';
    await expect(people.setup.completeSetup(token, { ...FIRST_ADMIN, password: 'kort' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(people.setup.completeSetup(token, { ...FIRST_ADMIN, name: 'x'.repeat(61) })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(people.setup.completeSetup(token, { ...FIRST_ADMIN, email: 'TAKEN@kommune.dk' })).rejects.toMatchObject({
      code: 'email_taken',
    });
    await expect(people.setup.completeSetup(token, FIRST_ADMIN)).resolves.toMatchObject({ role: 'admin' });
  });

  it('creates exactly one admin when the link is used twice at once', async () => {
    const people = peopleFixture();
    const token = (await people.setup.ensureSetupToken()) ?? '';
    const results = await Promise.allSettled([
      people.setup.completeSetup(token, FIRST_ADMIN),
      people.setup.completeSetup(token, { ...FIRST_ADMIN, email: 'second@kommune.dk' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await people.store.countActiveAdmins()).toBe(1);
  });
});
