/**
 * The AccountStore contract (lib/people/AccountStore.ts), run against every implementation:
 * MemoryAccountStore.test.ts and LowAccountStore.test.ts call `accountStoreContract`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  workspaceKindOf,
  type AccountStore,
  type OneTimeToken,
  type Organisation,
  type Person,
  type Session,
  type Workspace,
} from '../../../../lib/people/AccountStore';

const AT = '2026-11-01T10:00:00.000Z';

export function samplePerson(id: string, overrides: Partial<Person> = {}): Person {
  return {
    id,
    email: `${id}@example.dk`,
    name: `Person ${id}`,
    passwordHash: `scrypt$hash-of-${id}`,
    role: 'citizen',
    disabled: false,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function sampleOrganisation(id: string, overrides: Partial<Organisation> = {}): Organisation {
  return { id, name: `Forening ${id}`, kind: 'association', createdAt: AT, ...overrides };
}

export function sampleWorkspace(id: string, overrides: Partial<Workspace> = {}): Workspace {
  return { id, name: `Rum ${id}`, createdAt: AT, memberIds: [], ...overrides };
}

export function sampleSession(idHash: string, personId: string, overrides: Partial<Session> = {}): Session {
  return { idHash, personId, createdAt: AT, lastSeenAt: AT, expiresAt: '2026-11-08T10:00:00.000Z', ...overrides };
}

export function sampleToken(hash: string, overrides: Partial<OneTimeToken> = {}): OneTimeToken {
  return { hash, purpose: 'password_reset', personId: 'p1', expiresAt: '2026-11-01T11:00:00.000Z', ...overrides };
}

export function accountStoreContract(name: string, makeStore: () => AccountStore | Promise<AccountStore>): void {
  describe(`${name} (AccountStore contract)`, () => {
    let store: AccountStore;

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('people', () => {
      it('is empty at first, with null for unknown ids and e-mails', async () => {
        expect(await store.getPerson('unknown')).toBeNull();
        expect(await store.getPersonByEmail('unknown@example.dk')).toBeNull();
        expect(await store.listPeople({ offset: 0, limit: 10 })).toEqual({ items: [], total: 0 });
        expect(await store.countActiveAdmins()).toBe(0);
      });

      it('does not mistake inherited object keys for people or sessions', async () => {
        for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
          expect(await store.getPerson(id)).toBeNull();
          expect(await store.getSession(id)).toBeNull();
          expect(await store.getOrganisation(id)).toBeNull();
          expect(await store.getWorkspace(id)).toBeNull();
          expect(await store.updatePerson(id, { name: 'x' })).toBeNull();
          expect(await store.consumeToken(id, 'password_reset', AT)).toBeNull();
        }
      });

      it('stores the e-mail lower-cased and finds it whatever the case', async () => {
        const created = await store.createPerson(samplePerson('p1', { email: 'Åse.Ødegård@Example.DK' }));
        expect(created.email).toBe('åse.ødegård@example.dk');
        expect(await store.getPerson('p1')).toEqual(created);
        expect(await store.getPersonByEmail('ÅSE.ødegård@example.dk')).toEqual(created);
      });

      it('refuses a second person with the same e-mail in another case, and keeps the first', async () => {
        await store.createPerson(samplePerson('p1', { email: 'karen@example.dk' }));
        await expect(store.createPerson(samplePerson('p2', { email: 'KAREN@example.dk' }))).rejects.toMatchObject({ code: 'email_taken' });
        expect(await store.getPerson('p2')).toBeNull();
        expect((await store.getPersonByEmail('karen@example.dk'))?.id).toBe('p1');
      });

      it('refuses a second person with the same id', async () => {
        await store.createPerson(samplePerson('p1'));
        await expect(store.createPerson(samplePerson('p1', { email: 'other@example.dk' }))).rejects.toMatchObject({ code: 'id_taken' });
      });

      it('lets exactly one of many concurrent sign-ups with one e-mail through', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => store.createPerson(samplePerson(`p${i}`, { email: 'same@example.dk' }))),
        );
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        expect((await store.listPeople({ offset: 0, limit: 100 })).total).toBe(1);
      });

      it('updates name, password hash, role, disabled and updatedAt, and nothing else', async () => {
        // (The e-mail is patchable too since issue 12: see tests/unit/account/accountDeletionStoreContract.ts.)
        await store.createPerson(samplePerson('p1'));
        const patch = { name: 'Ny', passwordHash: 'new', role: 'staff', disabled: true, updatedAt: '2026-11-02T00:00:00.000Z' } as const;
        expect(await store.updatePerson('p1', patch)).toEqual({ ...samplePerson('p1'), ...patch });
        // A stray key at run time (e.g. from unvalidated input) must not reach the stored record.
        const stray = { id: 'p9', createdAt: 'x', emailVerified: true } as unknown as { name: string };
        await store.updatePerson('p1', stray);
        expect(await store.getPerson('p1')).toEqual({ ...samplePerson('p1'), ...patch });
        expect(await store.getPerson('p9')).toBeNull();
      });

      it('keeps a person’s language: absent until chosen, then stored and changed', async () => {
        await store.createPerson(samplePerson('p1'));
        expect((await store.getPerson('p1'))?.locale).toBeUndefined();
        expect(await store.updatePerson('p1', { locale: 'en' })).toMatchObject({ locale: 'en' });
        expect((await store.getPerson('p1'))?.locale).toBe('en');
        await store.updatePerson('p1', { name: 'Ny' });
        expect((await store.getPerson('p1'))?.locale).toBe('en');
        await store.updatePerson('p1', { locale: 'da' });
        expect((await store.getPerson('p1'))?.locale).toBe('da');
        await store.createPerson(samplePerson('p2', { locale: 'en' }));
        expect((await store.getPersonByEmail('p2@example.dk'))?.locale).toBe('en');
      });

      it('returns null when updating an unknown person and creates nothing', async () => {
        expect(await store.updatePerson('ghost', { name: 'x' })).toBeNull();
        expect((await store.listPeople({ offset: 0, limit: 10 })).total).toBe(0);
      });

      it('counts only admins who are not disabled', async () => {
        await store.createPerson(samplePerson('a1', { role: 'admin' }));
        await store.createPerson(samplePerson('a2', { role: 'admin', disabled: true }));
        await store.createPerson(samplePerson('c1'));
        expect(await store.countActiveAdmins()).toBe(1);
      });

      it('refuses, when asked to keep an admin, to demote or disable the last active admin', async () => {
        await store.createPerson(samplePerson('a1', { role: 'admin' }));
        await store.createPerson(samplePerson('a2', { role: 'admin', disabled: true }));
        await expect(store.updatePerson('a1', { role: 'staff' }, { keepActiveAdmin: true })).rejects.toMatchObject({ code: 'last_admin' });
        await expect(store.updatePerson('a1', { disabled: true }, { keepActiveAdmin: true })).rejects.toMatchObject({ code: 'last_admin' });
        expect(await store.getPerson('a1')).toMatchObject({ role: 'admin', disabled: false });
        // Other changes to the last admin, and changes to anyone else, pass.
        expect(await store.updatePerson('a1', { name: 'Admin' }, { keepActiveAdmin: true })).toMatchObject({ name: 'Admin' });
        expect(await store.updatePerson('a2', { role: 'citizen' }, { keepActiveAdmin: true })).toMatchObject({ role: 'citizen' });
      });

      it('demotes an admin while another active admin remains, but never both at once', async () => {
        await store.createPerson(samplePerson('a1', { role: 'admin' }));
        await store.createPerson(samplePerson('a2', { role: 'admin' }));
        const results = await Promise.allSettled([
          store.updatePerson('a1', { role: 'citizen' }, { keepActiveAdmin: true }),
          store.updatePerson('a2', { disabled: true }, { keepActiveAdmin: true }),
        ]);
        expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(await store.countActiveAdmins()).toBe(1);
      });

      it('lists people by name in Danish order, searching name and e-mail case-insensitively, in pages', async () => {
        const names = ['Åse', 'Bo', 'Ærø Ejner', 'Anna', 'Øjvind', 'Zakarias', 'bent'];
        await Promise.all(names.map((name, i) => store.createPerson(samplePerson(`p${i}`, { name, email: `person${i}@kommune.dk` }))));
        const all = await store.listPeople({ offset: 0, limit: 100 });
        expect(all.items.map((person) => person.name)).toEqual(['Anna', 'bent', 'Bo', 'Zakarias', 'Ærø Ejner', 'Øjvind', 'Åse']);
        expect(all.total).toBe(7);

        const second = await store.listPeople({ offset: 2, limit: 2 });
        expect(second).toEqual({ items: all.items.slice(2, 4), total: 7 });
        expect(await store.listPeople({ offset: 100, limit: 2 })).toEqual({ items: [], total: 7 });

        expect((await store.listPeople({ query: '  BO ', offset: 0, limit: 10 })).items.map((p) => p.name)).toEqual(['Bo']);
        expect((await store.listPeople({ query: 'PERSON4@', offset: 0, limit: 10 })).items.map((p) => p.name)).toEqual(['Øjvind']);
        expect(await store.listPeople({ query: 'nobody', offset: 0, limit: 10 })).toEqual({ items: [], total: 0 });
      });
    });

    describe('organisations and memberships', () => {
      it('creates, finds and lists organisations, searching name and CVR', async () => {
        const forening = sampleOrganisation('o1', { name: 'Boldklubben' });
        const virksomhed = sampleOrganisation('o2', { name: 'Andelsbageriet ApS', kind: 'business', cvr: '12345674' });
        expect(await store.createOrganisation(forening)).toEqual(forening);
        await store.createOrganisation(virksomhed);
        expect(await store.getOrganisation('o2')).toEqual(virksomhed);
        expect(await store.listOrganisations({ offset: 0, limit: 10 })).toEqual({ items: [virksomhed, forening], total: 2 });
        expect((await store.listOrganisations({ query: '2345', offset: 0, limit: 10 })).items).toEqual([virksomhed]);
        expect((await store.listOrganisations({ query: 'boldklub', offset: 0, limit: 10 })).items).toEqual([forening]);
        await expect(store.createOrganisation(sampleOrganisation('o1'))).rejects.toMatchObject({ code: 'id_taken' });
      });

      it('adds a membership once, removes it, and answers both ways', async () => {
        await store.createPerson(samplePerson('p1'));
        await store.createPerson(samplePerson('p2'));
        await store.createOrganisation(sampleOrganisation('o1'));
        await store.createOrganisation(sampleOrganisation('o2'));
        expect(await store.addMembership({ personId: 'p1', organisationId: 'o1' })).toBe(true);
        expect(await store.addMembership({ personId: 'p1', organisationId: 'o1' })).toBe(false);
        await store.addMembership({ personId: 'p1', organisationId: 'o2' });
        await store.addMembership({ personId: 'p2', organisationId: 'o1' });
        expect((await store.organisationIdsOf('p1')).sort()).toEqual(['o1', 'o2']);
        expect((await store.memberIdsOf('o1')).sort()).toEqual(['p1', 'p2']);

        expect(await store.removeMembership({ personId: 'p1', organisationId: 'o1' })).toBe(true);
        expect(await store.removeMembership({ personId: 'p1', organisationId: 'o1' })).toBe(false);
        expect(await store.organisationIdsOf('p1')).toEqual(['o2']);
        expect(await store.memberIdsOf('o1')).toEqual(['p2']);
        expect(await store.organisationIdsOf('ghost')).toEqual([]);
      });

      it('refuses a membership for an unknown person or organisation', async () => {
        await store.createPerson(samplePerson('p1'));
        await store.createOrganisation(sampleOrganisation('o1'));
        await expect(store.addMembership({ personId: 'ghost', organisationId: 'o1' })).rejects.toMatchObject({ code: 'not_found' });
        await expect(store.addMembership({ personId: 'p1', organisationId: 'ghost' })).rejects.toMatchObject({ code: 'not_found' });
        expect(await store.memberIdsOf('o1')).toEqual([]);
      });

      it('renames an organisation, and returns null for an unknown one', async () => {
        await store.createOrganisation(sampleOrganisation('o1', { name: 'Foreningen Grøn', cvr: '12345678' }));
        const renamed = await store.updateOrganisation('o1', { name: 'Grønne Amager' });
        expect(renamed).toEqual(sampleOrganisation('o1', { name: 'Grønne Amager', cvr: '12345678' }));
        expect(await store.getOrganisation('o1')).toEqual(renamed);
        expect((await store.listOrganisations({ query: 'amager', offset: 0, limit: 10 })).items.map((o) => o.id)).toEqual(['o1']);
        expect(await store.updateOrganisation('ghost', { name: 'X' })).toBeNull();
        expect(await store.updateOrganisation('__proto__', { name: 'X' })).toBeNull();
      });

      it('removes an organisation with its memberships, keeping its name as a tombstone', async () => {
        await store.createPerson(samplePerson('p1'));
        await store.createPerson(samplePerson('p2'));
        await store.createOrganisation(sampleOrganisation('o1', { name: 'Foreningen Grøn' }));
        await store.createOrganisation(sampleOrganisation('o2', { name: 'Bevar Byen' }));
        await store.addMembership({ personId: 'p1', organisationId: 'o1' });
        await store.addMembership({ personId: 'p2', organisationId: 'o1' });
        await store.addMembership({ personId: 'p1', organisationId: 'o2' });
        await store.createSession(sampleSession('s1', 'p1'));

        expect((await store.removeOrganisation('o1', '2026-12-01T09:00:00.000Z'))?.sort()).toEqual(['p1', 'p2']);
        expect(await store.getOrganisation('o1')).toBeNull();
        expect(await store.listOrganisations({ offset: 0, limit: 10 })).toEqual({ items: [await store.getOrganisation('o2')], total: 1 });
        expect(await store.listOrganisations({ query: 'grøn', offset: 0, limit: 10 })).toEqual({ items: [], total: 0 });
        expect(await store.memberIdsOf('o1')).toEqual([]);
        expect(await store.organisationIdsOf('p1')).toEqual(['o2']);
        expect(await store.organisationIdsOf('p2')).toEqual([]);
        expect((await store.getSessionContext?.('s1'))?.organisationIds).toEqual(store.getSessionContext ? ['o2'] : undefined);
        // What was written on its behalf keeps the name; the id is not free for a new organisation.
        expect(await store.organisationNameOf('o1')).toBe('Foreningen Grøn');
        expect(await store.organisationNameOf('o2')).toBe('Bevar Byen');
        expect(await store.organisationNameOf('ghost')).toBeNull();
        // A removed organisation takes no members, no new name and no second removal.
        await expect(store.addMembership({ personId: 'p1', organisationId: 'o1' })).rejects.toMatchObject({ code: 'not_found' });
        expect(await store.updateOrganisation('o1', { name: 'Igen' })).toBeNull();
        expect(await store.removeOrganisation('o1', '2026-12-02T09:00:00.000Z')).toBeNull();
        expect(await store.removeOrganisation('ghost', '2026-12-02T09:00:00.000Z')).toBeNull();
        await expect(store.createOrganisation(sampleOrganisation('o1'))).rejects.toMatchObject({ code: 'id_taken' });
        expect(await store.organisationNameOf('o1')).toBe('Foreningen Grøn');
      });
    });

    describe('workspaces', () => {
      it('creates a workspace with its members once each, and refuses unknown members', async () => {
        await store.createPerson(samplePerson('p1'));
        const created = await store.createWorkspace(
          sampleWorkspace('w1', { name: 'Fælles-skabet', description: 'Vidensforum', memberIds: ['p1', 'p1'] }),
        );
        expect(created).toEqual(sampleWorkspace('w1', { name: 'Fælles-skabet', description: 'Vidensforum', memberIds: ['p1'] }));
        expect(await store.getWorkspace('w1')).toEqual(created);
        await expect(store.createWorkspace(sampleWorkspace('w1'))).rejects.toMatchObject({ code: 'id_taken' });
        await expect(store.createWorkspace(sampleWorkspace('w2', { memberIds: ['ghost'] }))).rejects.toMatchObject({ code: 'not_found' });
        expect(await store.getWorkspace('w2')).toBeNull();
      });

      it('adds and removes members, idempotently, and lists the workspaces of a person', async () => {
        await store.createPerson(samplePerson('p1'));
        await store.createPerson(samplePerson('p2'));
        await store.createWorkspace(sampleWorkspace('w1', { name: 'Østerbro' }));
        await store.createWorkspace(sampleWorkspace('w2', { name: 'Amager' }));
        expect(await store.addWorkspaceMember('w1', 'p1')).toMatchObject({ memberIds: ['p1'] });
        expect(await store.addWorkspaceMember('w1', 'p1')).toMatchObject({ memberIds: ['p1'] });
        await store.addWorkspaceMember('w1', 'p2');
        await store.addWorkspaceMember('w2', 'p1');
        expect((await store.workspaceIdsOf('p1')).sort()).toEqual(['w1', 'w2']);
        expect((await store.listWorkspaces()).map((workspace) => workspace.name)).toEqual(['Amager', 'Østerbro']);

        expect(await store.removeWorkspaceMember('w1', 'p1')).toMatchObject({ memberIds: ['p2'] });
        expect(await store.removeWorkspaceMember('w1', 'p1')).toMatchObject({ memberIds: ['p2'] });
        expect(await store.workspaceIdsOf('p1')).toEqual(['w2']);
      });

      it('reads many people with their organisation and workspace ids at once, leaving out unknown ids', async () => {
        await store.createPerson(samplePerson('p1', { name: 'Anna' }));
        await store.createPerson(samplePerson('p2', { name: 'Bo', disabled: true }));
        await store.createPerson(samplePerson('p3'));
        await store.createOrganisation(sampleOrganisation('o1'));
        await store.createOrganisation(sampleOrganisation('o2'));
        await store.addMembership({ personId: 'p1', organisationId: 'o1' });
        await store.addMembership({ personId: 'p1', organisationId: 'o2' });
        await store.createWorkspace(sampleWorkspace('w1', { memberIds: ['p1', 'p2'] }));
        const contexts = await store.getPeopleContexts(['p2', 'p_unknown', 'p1', 'p1']);
        const byId = new Map(contexts.map((context) => [context.person.id, context]));
        expect([...byId.keys()].sort()).toEqual(['p1', 'p2']);
        expect(contexts).toHaveLength(2);
        expect(byId.get('p1')!.person).toEqual(samplePerson('p1', { name: 'Anna' }));
        expect([...byId.get('p1')!.organisationIds].sort()).toEqual(['o1', 'o2']);
        expect(byId.get('p1')!.workspaceIds).toEqual(['w1']);
        expect(byId.get('p2')).toMatchObject({ person: { disabled: true }, organisationIds: [], workspaceIds: ['w1'] });
        expect(await store.getPeopleContexts([])).toEqual([]);
      });

      it('returns null for an unknown workspace and refuses an unknown person', async () => {
        await store.createPerson(samplePerson('p1'));
        await store.createWorkspace(sampleWorkspace('w1'));
        expect(await store.addWorkspaceMember('ghost', 'p1')).toBeNull();
        expect(await store.removeWorkspaceMember('ghost', 'p1')).toBeNull();
        await expect(store.addWorkspaceMember('w1', 'ghost')).rejects.toMatchObject({ code: 'not_found' });
        expect((await store.getWorkspace('w1'))?.memberIds).toEqual([]);
      });

      it('renames a workspace and changes or clears its description', async () => {
        await store.createPerson(samplePerson('p1'));
        await store.createWorkspace(sampleWorkspace('w1', { name: 'Østerbro', description: 'Gammel', memberIds: ['p1'] }));
        expect(await store.updateWorkspace('w1', { name: 'Amager', description: 'Ny' })).toEqual(
          sampleWorkspace('w1', { name: 'Amager', description: 'Ny', memberIds: ['p1'] }),
        );
        expect(await store.updateWorkspace('w1', { name: 'Amager' })).toMatchObject({ description: 'Ny' });
        const cleared = await store.updateWorkspace('w1', { name: 'Amager Strand', description: null });
        expect(cleared).toEqual(sampleWorkspace('w1', { name: 'Amager Strand', memberIds: ['p1'] }));
        expect(await store.getWorkspace('w1')).toEqual(cleared);
        expect((await store.listWorkspaces()).map((workspace) => workspace.name)).toEqual(['Amager Strand']);
        expect(await store.updateWorkspace('ghost', { name: 'X' })).toBeNull();
      });

      it('keeps a workspace’s kind: a forum stays a forum, a team’s has none stored (absent is team), and a patch makes one a forum', async () => {
        const forum = await store.createWorkspace(sampleWorkspace('wf', { name: 'Fælles-skabet', kind: 'forum' }));
        expect(forum.kind).toBe('forum');
        expect(await store.getWorkspace('wf')).toEqual(forum);
        const team = await store.createWorkspace(sampleWorkspace('wt', { name: 'Team', kind: 'team' }));
        expect(team).not.toHaveProperty('kind');
        expect(await store.getWorkspace('wt')).toEqual(team);
        expect(workspaceKindOf((await store.getWorkspace('wt'))!)).toBe('team');
        // Renaming keeps the kind; a patch with a kind changes it (the demo forum upgrades in place).
        expect(await store.updateWorkspace('wf', { name: 'Fælles-skabet 2' })).toMatchObject({ kind: 'forum' });
        expect(await store.updateWorkspace('wt', { kind: 'forum' })).toMatchObject({ name: 'Team', kind: 'forum' });
        expect((await store.listWorkspaces()).map((workspace) => workspaceKindOf(workspace))).toEqual(['forum', 'forum']);
      });

      it('deletes a workspace with its member list, returning it as it was', async () => {
        await store.createPerson(samplePerson('p1'));
        await store.createPerson(samplePerson('p2'));
        await store.createWorkspace(sampleWorkspace('w1', { name: 'Østerbro', memberIds: ['p1', 'p2'] }));
        await store.createWorkspace(sampleWorkspace('w2', { name: 'Amager', memberIds: ['p1'] }));
        expect(await store.deleteWorkspace('w1')).toEqual(sampleWorkspace('w1', { name: 'Østerbro', memberIds: ['p1', 'p2'] }));
        expect(await store.getWorkspace('w1')).toBeNull();
        expect((await store.listWorkspaces()).map((workspace) => workspace.id)).toEqual(['w2']);
        expect(await store.workspaceIdsOf('p1')).toEqual(['w2']);
        expect(await store.workspaceIdsOf('p2')).toEqual([]);
        expect((await store.getPeopleContexts(['p2']))[0]?.workspaceIds).toEqual([]);
        expect(await store.deleteWorkspace('w1')).toBeNull();
        expect(await store.addWorkspaceMember('w1', 'p1')).toBeNull();
      });

      it('keeps every one of many concurrent member additions', async () => {
        const ids = Array.from({ length: 30 }, (_, i) => `p${i}`);
        await Promise.all(ids.map((id) => store.createPerson(samplePerson(id))));
        await store.createWorkspace(sampleWorkspace('w1'));
        await Promise.all(ids.map((id) => store.addWorkspaceMember('w1', id)));
        expect([...((await store.getWorkspace('w1'))?.memberIds ?? [])].sort()).toEqual([...ids].sort());
      });
    });

    describe('sessions', () => {
      beforeEach(async () => {
        await store.createPerson(samplePerson('p1'));
        await store.createPerson(samplePerson('p2'));
      });

      it('creates, finds, updates and deletes a session', async () => {
        const session = sampleSession('h1', 'p1');
        expect(await store.createSession(session)).toEqual(session);
        expect(await store.getSession('h1')).toEqual(session);
        const patch = { lastSeenAt: '2026-11-02T00:00:00.000Z', expiresAt: '2026-11-09T00:00:00.000Z', actingForOrganisationId: 'o1' };
        expect(await store.updateSession('h1', patch)).toEqual({ ...session, ...patch });
        expect(await store.updateSession('h1', { actingForOrganisationId: null })).toEqual({
          ...session,
          ...patch,
          actingForOrganisationId: null,
        });
        expect(await store.deleteSession('h1')).toBe(true);
        expect(await store.deleteSession('h1')).toBe(false);
        expect(await store.getSession('h1')).toBeNull();
        expect(await store.updateSession('h1', patch)).toBeNull();
      });

      it('refuses a session for an unknown person or with a hash in use', async () => {
        await expect(store.createSession(sampleSession('h1', 'ghost'))).rejects.toMatchObject({ code: 'not_found' });
        await store.createSession(sampleSession('h1', 'p1'));
        await expect(store.createSession(sampleSession('h1', 'p2'))).rejects.toMatchObject({ code: 'id_taken' });
        expect((await store.getSession('h1'))?.personId).toBe('p1');
      });

      it("deletes a person's sessions, optionally all but one, and no one else's", async () => {
        await Promise.all(['a', 'b', 'c'].map((hash) => store.createSession(sampleSession(hash, 'p1'))));
        await store.createSession(sampleSession('other', 'p2'));
        expect(await store.deleteSessionsOf('p1', { exceptIdHash: 'b' })).toBe(2);
        expect(await store.getSession('a')).toBeNull();
        expect(await store.getSession('b')).not.toBeNull();
        expect(await store.deleteSessionsOf('p1')).toBe(1);
        expect(await store.getSession('b')).toBeNull();
        expect(await store.getSession('other')).not.toBeNull();
        expect(await store.deleteSessionsOf('ghost')).toBe(0);
      });
    });

    describe('one-time tokens', () => {
      it('consumes a token once, and marks when', async () => {
        await store.createToken(sampleToken('t1'));
        expect(await store.consumeToken('t1', 'password_reset', '2026-11-01T10:30:00.000Z')).toEqual({
          ...sampleToken('t1'),
          usedAt: '2026-11-01T10:30:00.000Z',
        });
        expect(await store.consumeToken('t1', 'password_reset', '2026-11-01T10:31:00.000Z')).toBeNull();
      });

      it('lets exactly one of many concurrent uses of a token through', async () => {
        await store.createToken(sampleToken('t1'));
        const results = await Promise.all(Array.from({ length: 10 }, () => store.consumeToken('t1', 'password_reset', AT)));
        expect(results.filter((result) => result !== null)).toHaveLength(1);
      });

      it('refuses a token that is unknown, of another purpose, or expired at that instant', async () => {
        await store.createToken(sampleToken('t1'));
        expect(await store.consumeToken('unknown', 'password_reset', AT)).toBeNull();
        expect(await store.consumeToken('t1', 'admin_setup', AT)).toBeNull();
        expect(await store.consumeToken('t1', 'password_reset', '2026-11-01T11:00:00.000Z')).toBeNull();
        // Refusals use nothing up: it still works before it expires.
        expect(await store.consumeToken('t1', 'password_reset', '2026-11-01T10:59:59.999Z')).not.toBeNull();
      });

      it('refuses a second token with the same hash', async () => {
        await store.createToken(sampleToken('t1'));
        await expect(store.createToken(sampleToken('t1', { purpose: 'admin_setup' }))).rejects.toMatchObject({ code: 'id_taken' });
      });

      it('deletes the tokens of a purpose, of one person or all', async () => {
        await store.createToken(sampleToken('r1', { personId: 'p1' }));
        await store.createToken(sampleToken('r2', { personId: 'p1' }));
        await store.createToken(sampleToken('r3', { personId: 'p2' }));
        await store.createToken(sampleToken('s1', { purpose: 'admin_setup', personId: undefined }));
        expect(await store.deleteTokens({ purpose: 'password_reset', personId: 'p1' })).toBe(2);
        expect(await store.consumeToken('r3', 'password_reset', AT)).not.toBeNull();
        expect(await store.deleteTokens({ purpose: 'admin_setup' })).toBe(1);
        expect(await store.consumeToken('s1', 'admin_setup', AT)).toBeNull();
      });
    });

    it('prunes expired sessions and expired or used tokens, and keeps the rest', async () => {
      await store.createPerson(samplePerson('p1'));
      await store.createSession(sampleSession('old', 'p1', { expiresAt: '2026-11-01T10:00:00.000Z' }));
      await store.createSession(sampleSession('live', 'p1', { expiresAt: '2026-11-01T10:00:00.001Z' }));
      await store.createToken(sampleToken('expired', { expiresAt: '2026-11-01T09:00:00.000Z' }));
      await store.createToken(sampleToken('used'));
      await store.consumeToken('used', 'password_reset', AT);
      await store.createToken(sampleToken('live'));
      expect(await store.pruneExpired(AT)).toEqual({ sessions: 1, tokens: 2 });
      expect(await store.getSession('live')).not.toBeNull();
      expect(await store.consumeToken('live', 'password_reset', AT)).not.toBeNull();
      expect(await store.pruneExpired(AT)).toEqual({ sessions: 0, tokens: 1 });
    });

    it('hands out copies: changing a returned or given object changes nothing stored', async () => {
      const given = samplePerson('p1');
      const created = await store.createPerson(given);
      (given as { name: string }).name = 'changed given';
      (created as { name: string }).name = 'changed created';
      ((await store.getPerson('p1')) as { role: string }).role = 'admin';
      ((await store.listPeople({ offset: 0, limit: 1 })).items[0] as { disabled: boolean }).disabled = true;
      expect(await store.getPerson('p1')).toEqual(samplePerson('p1'));

      const workspace = await store.createWorkspace(sampleWorkspace('w1', { memberIds: ['p1'] }));
      (workspace.memberIds as string[]).push('intruder');
      ((await store.listWorkspaces())[0]!.memberIds as string[]).push('intruder');
      expect((await store.getWorkspace('w1'))?.memberIds).toEqual(['p1']);
    });
  });
}
