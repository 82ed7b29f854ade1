import { describe, expect, it } from 'vitest';
import type { PlatformRole } from '../../../../lib/access/model';
import { PASSWORD, peopleFixture, signedIn } from './peopleFixture';

const IP = '192.0.2.1';

describe('setDisabled', () => {
  it('disables a person: their sessions end, listeners hear it, and sign-in says disabled', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    const karen = await people.addPerson();
    const session = await signedIn(people, karen);
    expect(await people.accounts.setDisabled(admin.id, karen.id, true)).toMatchObject({ id: karen.id, disabled: true });
    expect(await people.sessions.resolve(session)).toBeNull();
    expect(people.revoked).toEqual([{ personId: karen.id, reason: 'disabled' }]);
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: IP })).toEqual({ ok: false, code: 'disabled' });
  });

  it('enables a person again, who can then sign in', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    const karen = await people.addPerson({ disabled: true });
    expect(await people.accounts.setDisabled(admin.id, karen.id, false)).toMatchObject({ disabled: false });
    expect(people.revoked).toEqual([]);
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: IP })).toMatchObject({ ok: true });
  });

  it('refuses to disable the last active admin, even when they ask for themself', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    await expect(people.accounts.setDisabled(admin.id, admin.id, true)).rejects.toMatchObject({ code: 'last_admin' });
    expect(await people.store.getPerson(admin.id)).toMatchObject({ disabled: false });
    const second = await people.addAdmin();
    await expect(people.accounts.setDisabled(second.id, admin.id, true)).resolves.toMatchObject({ disabled: true });
  });

  it('is for admins only, and an admin who was disabled can no longer do it', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    const other = await people.addAdmin();
    const karen = await people.addPerson();
    for (const role of ['citizen', 'org_rep', 'staff', 'moderator'] satisfies PlatformRole[]) {
      const caller = await people.addPerson({ role });
      await expect(people.accounts.setDisabled(caller.id, karen.id, true)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await people.accounts.setDisabled(other.id, admin.id, true);
    await expect(people.accounts.setDisabled(admin.id, karen.id, true)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await people.store.getPerson(karen.id)).toMatchObject({ disabled: false });
  });

  it('refuses unknown people and non-boolean flags', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    const karen = await people.addPerson();
    await expect(people.accounts.setDisabled(admin.id, 'ghost', true)).rejects.toMatchObject({ code: 'not_found' });
    await expect(people.accounts.setDisabled(admin.id, '__proto__', true)).rejects.toMatchObject({ code: 'not_found' });
    await expect(people.accounts.setDisabled(admin.id, karen.id, 'yes' as unknown as boolean)).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('setRole', () => {
  it('changes a role and tells listeners, so live connections are re-checked', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    const karen = await people.addPerson();
    expect(await people.accounts.setRole(admin.id, karen.id, 'moderator')).toMatchObject({ role: 'moderator' });
    expect(people.revoked).toEqual([{ personId: karen.id, reason: 'role_changed' }]);
    await people.accounts.setRole(admin.id, karen.id, 'moderator');
    expect(people.revoked).toHaveLength(1);
  });

  it('refuses to demote the last active admin, and allows it once another admin exists', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    await people.addAdmin({ disabled: true });
    await expect(people.accounts.setRole(admin.id, admin.id, 'staff')).rejects.toMatchObject({ code: 'last_admin' });
    const karen = await people.addPerson();
    await people.accounts.setRole(admin.id, karen.id, 'admin');
    expect(await people.accounts.setRole(karen.id, admin.id, 'staff')).toMatchObject({ role: 'staff' });
    expect(await people.store.countActiveAdmins()).toBe(1);
  });

  it('refuses an unknown role, and non-admins', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    const moderator = await people.addPerson({ role: 'moderator' });
    for (const role of ['emperor', '', 'ADMIN', null]) {
      await expect(people.accounts.setRole(admin.id, moderator.id, role as PlatformRole)).rejects.toMatchObject({
        code: 'invalid_input',
        details: { issues: [{ path: 'role', code: 'role_invalid' }] },
      });
    }
    await expect(people.accounts.setRole(moderator.id, moderator.id, 'admin')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await people.store.getPerson(moderator.id)).toMatchObject({ role: 'moderator' });
  });
});

describe('listPeople', () => {
  it('pages through people by name, searching name and e-mail, without password hashes', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin({ name: 'Admin' });
    await people.addPerson({ name: 'Øjvind', email: 'oejvind@kommune.dk' });
    await people.addPerson({ name: 'Birgit', email: 'birgit@forening.dk' });
    const page = await people.accounts.listPeople(admin.id, { offset: 0, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((person) => person.name)).toEqual(['Admin', 'Birgit']);
    expect(page.items.every((person) => !('passwordHash' in person))).toBe(true);
    expect((await people.accounts.listPeople(admin.id, { query: 'KOMMUNE', offset: 0, limit: 10 })).items.map((p) => p.name)).toEqual([
      'Øjvind',
    ]);
    expect(await people.accounts.listPeople(admin.id, {})).toMatchObject({ total: 3 });
  });

  it('refuses hostile paging and non-admins', async () => {
    const people = peopleFixture();
    const admin = await people.addAdmin();
    const karen = await people.addPerson();
    for (const query of [{ limit: 1000 }, { limit: 0 }, { offset: -1 }, { offset: 1.5 }, { query: 'x'.repeat(201) }, { limit: '10' }]) {
      await expect(people.accounts.listPeople(admin.id, query as never)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(people.accounts.listPeople(karen.id, {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
