import { describe, expect, it } from 'vitest';
import { peopleFixture, signedIn } from './peopleFixture';

async function withAdmin() {
  const people = peopleFixture();
  const admin = await people.addAdmin({ name: 'Admin' });
  return { people, admin };
}

describe('createOrganisationService', () => {
  it('creates associations, businesses with their CVR number as eight digits, and municipal centres', async () => {
    const { people, admin } = await withAdmin();
    const forening = await people.organisations.create(admin.id, { name: ' Boldklubben Ørnen ', kind: 'association' });
    expect(forening).toEqual({
      id: expect.stringMatching(/^o_/),
      name: 'Boldklubben Ørnen',
      kind: 'association',
      createdAt: '2026-11-26T10:00:00.000Z',
    });
    const bageri = await people.organisations.create(admin.id, { name: 'Andelsbageriet ApS', kind: 'business', cvr: '1234 5674' });
    expect(bageri).toMatchObject({ kind: 'business', cvr: '12345674' });
    await people.organisations.create(admin.id, { name: 'Kulturcenter Syd', kind: 'municipal_centre' });
    expect(await people.organisations.get(bageri.id)).toEqual(bageri);
    expect((await people.organisations.list({})).items.map((o) => o.name)).toEqual([
      'Andelsbageriet ApS',
      'Boldklubben Ørnen',
      'Kulturcenter Syd',
    ]);
    expect((await people.organisations.list({ query: '12345674' })).items).toEqual([bageri]);
  });

  it('refuses a business without a CVR number or with one that fails the modulus-11 check', async () => {
    const { people, admin } = await withAdmin();
    const cases: [unknown, string][] = [
      [{ name: 'Firma', kind: 'business' }, 'cvr_required'],
      [{ name: 'Firma', kind: 'business', cvr: '12345675' }, 'cvr_invalid'],
      [{ name: 'Firma', kind: 'business', cvr: '02345674' }, 'cvr_invalid'],
      [{ name: 'Firma', kind: 'business', cvr: '1234567' }, 'cvr_invalid'],
      [{ name: 'Firma', kind: 'business', cvr: '1'.repeat(100_000) }, 'cvr_invalid'],
    ];
    for (const [input, code] of cases) {
      await expect(people.organisations.create(admin.id, input as never)).rejects.toMatchObject({
        code: 'invalid_input',
        details: { issues: [expect.objectContaining({ path: 'cvr', code })] },
      });
    }
    expect((await people.organisations.list({})).total).toBe(0);
  });

  it('refuses hostile names and kinds', async () => {
    const { people, admin } = await withAdmin();
    for (const input of [
      { name: 'x'.repeat(121), kind: 'association' },
      { name: 'Klub\u0000', kind: 'association' },
      { name: '\u202eKlub', kind: 'association' },
      { name: '', kind: 'association' },
      { name: 'Klub', kind: 'guild' },
    ]) {
      await expect(people.organisations.create(admin.id, input as never)).rejects.toMatchObject({ code: 'invalid_input' });
    }
  });

  it('lets only admins create organisations', async () => {
    const { people } = await withAdmin();
    const staff = await people.addPerson({ role: 'staff' });
    await expect(people.organisations.create(staff.id, { name: 'Klub', kind: 'association' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(people.organisations.create('ghost', { name: 'Klub', kind: 'association' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('adds members (admins only), lists members and organisations both ways, by name', async () => {
    const { people, admin } = await withAdmin();
    const klub = await people.organisations.create(admin.id, { name: 'Klub', kind: 'association' });
    const center = await people.organisations.create(admin.id, { name: 'Center', kind: 'municipal_centre' });
    const birgit = await people.addPerson({ name: 'Birgit' });
    const anders = await people.addPerson({ name: 'Anders' });
    expect(await people.organisations.join(admin.id, birgit.id, klub.id)).toBe(true);
    expect(await people.organisations.join(admin.id, birgit.id, klub.id)).toBe(false);
    await people.organisations.join(admin.id, anders.id, klub.id);
    await people.organisations.join(admin.id, birgit.id, center.id);
    expect((await people.organisations.membersOf(klub.id)).map((p) => p.name)).toEqual(['Anders', 'Birgit']);
    expect((await people.organisations.membersOf(klub.id)).every((p) => !('passwordHash' in p))).toBe(true);
    expect((await people.organisations.organisationsOf(birgit.id)).map((o) => o.name)).toEqual(['Center', 'Klub']);
    expect(await people.organisations.membersOf('ghost')).toEqual([]);
    expect(await people.organisations.organisationsOf('ghost')).toEqual([]);

    await expect(people.organisations.join(birgit.id, birgit.id, center.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(people.organisations.join(admin.id, 'ghost', klub.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(people.organisations.join(admin.id, birgit.id, 'ghost')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lets a person leave, or an admin remove them, but no one else; leaving is announced and ends acting for it', async () => {
    const { people, admin } = await withAdmin();
    const klub = await people.organisations.create(admin.id, { name: 'Klub', kind: 'association' });
    const birgit = await people.addPerson();
    const anders = await people.addPerson();
    await people.organisations.join(admin.id, birgit.id, klub.id);
    await people.organisations.join(admin.id, anders.id, klub.id);
    const session = await signedIn(people, birgit);
    await people.sessions.setActingFor(session, klub.id);

    await expect(people.organisations.leave(anders.id, birgit.id, klub.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await people.organisations.leave(birgit.id, birgit.id, klub.id)).toBe(true);
    expect(await people.organisations.leave(birgit.id, birgit.id, klub.id)).toBe(false);
    expect(await people.organisations.leave(admin.id, anders.id, klub.id)).toBe(true);
    expect(people.revoked).toEqual([
      { personId: birgit.id, reason: 'left_organisation' },
      { personId: anders.id, reason: 'left_organisation' },
    ]);
    expect((await people.sessions.resolve(session))?.session.actingForOrganisationId).toBeNull();
    await expect(people.organisations.leave('ghost', 'ghost', klub.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses hostile paging', async () => {
    const { people } = await withAdmin();
    await expect(people.organisations.list({ limit: 101 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(people.organisations.list({ query: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
