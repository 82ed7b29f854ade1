/**
 * What the account self-service adds to the AccountStore and NotificationStore contracts: e-mail
 * changes (unique), a person's sessions (with their User-Agent), deleting a person with everything
 * that names them (the last admin kept), and notifications forgetting a person. Run against every
 * implementation: accountDeletionStores.test.ts (memory, people.json, record logs) and
 * tests/unit/postgres/PgAccountDeletion.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountStore } from '../../../lib/people/AccountStore';
import type { NotificationStore } from '../../../lib/notifications/NotificationStore';
import { sampleOrganisation, samplePerson, sampleSession, sampleToken, sampleWorkspace } from '../people/store/accountStoreContract';
import { sampleFollow, sampleNotification } from '../notifications/notificationStoreContract';

export function accountDeletionStoreContract(name: string, makeStore: () => AccountStore | Promise<AccountStore>): void {
  describe(`${name} (account self-service)`, () => {
    let store: AccountStore;
    beforeEach(async () => {
      store = await makeStore();
      await store.createPerson(samplePerson('p1'));
      await store.createPerson(samplePerson('p2'));
    });
    afterEach(async () => {
      await store.close();
    });

    it('changes an e-mail (lower-cased) and refuses one another person has, changing nothing', async () => {
      const changed = await store.updatePerson('p1', { email: 'Ny@Example.DK' });
      expect(changed?.email).toBe('ny@example.dk');
      expect((await store.getPersonByEmail('ny@example.dk'))?.id).toBe('p1');
      expect(await store.getPersonByEmail('p1@example.dk')).toBeNull();
      await expect(store.updatePerson('p2', { email: 'ny@example.dk', name: 'Nyt navn' })).rejects.toMatchObject({ code: 'email_taken' });
      expect(await store.getPerson('p2')).toMatchObject({ email: 'p2@example.dk', name: 'Person p2' });
      // The same address again is no change, not a clash with oneself.
      expect((await store.updatePerson('p1', { email: 'ny@example.dk' }))?.email).toBe('ny@example.dk');
    });

    it("lists a person's sessions newest first, with the User-Agent kept, and no one else's", async () => {
      await store.createSession(sampleSession('s_old', 'p1', { createdAt: '2026-11-01T08:00:00.000Z' }));
      await store.createSession(
        sampleSession('s_new', 'p1', { createdAt: '2026-11-01T09:00:00.000Z', userAgent: 'Mozilla/5.0 Firefox/130.0' }),
      );
      await store.createSession(sampleSession('s_other', 'p2'));
      const sessions = await store.listSessionsOf('p1');
      expect(sessions.map((session) => session.idHash)).toEqual(['s_new', 's_old']);
      expect(sessions[0]?.userAgent).toBe('Mozilla/5.0 Firefox/130.0');
      expect(sessions[1]?.userAgent).toBeUndefined();
      expect(await store.listSessionsOf('nobody')).toEqual([]);
    });

    it('deletes a person with their sessions, tokens, memberships and workspace memberships, and nothing of others', async () => {
      await store.createOrganisation(sampleOrganisation('o1'));
      await store.addMembership({ personId: 'p1', organisationId: 'o1' });
      await store.addMembership({ personId: 'p2', organisationId: 'o1' });
      await store.createWorkspace(sampleWorkspace('w1', { memberIds: ['p1', 'p2'] }));
      await store.createSession(sampleSession('s1', 'p1'));
      await store.createSession(sampleSession('s2', 'p2'));
      await store.createToken(sampleToken('t1', { personId: 'p1' }));
      await store.createToken(sampleToken('t2', { personId: 'p2' }));

      expect(await store.deletePerson('p1')).toBe(true);
      expect(await store.getPerson('p1')).toBeNull();
      expect(await store.getPersonByEmail('p1@example.dk')).toBeNull();
      expect(await store.getSession('s1')).toBeNull();
      expect(await store.listSessionsOf('p1')).toEqual([]);
      expect(await store.consumeToken('t1', 'password_reset', '2026-11-01T10:30:00.000Z')).toBeNull();
      expect(await store.organisationIdsOf('p1')).toEqual([]);
      expect(await store.memberIdsOf('o1')).toEqual(['p2']);
      expect((await store.getWorkspace('w1'))?.memberIds).toEqual(['p2']);
      expect(await store.workspaceIdsOf('p1')).toEqual([]);
      // Others untouched; the e-mail is free again.
      expect(await store.getSession('s2')).not.toBeNull();
      expect(await store.consumeToken('t2', 'password_reset', '2026-11-01T10:30:00.000Z')).not.toBeNull();
      expect((await store.createPerson(samplePerson('p3', { email: 'p1@example.dk' }))).id).toBe('p3');
      expect(await store.deletePerson('p1')).toBe(false);
    });

    it('refuses to delete the last active admin (keepActiveAdmin), and deletes an admin when another remains', async () => {
      await store.createPerson(samplePerson('a1', { role: 'admin' }));
      await store.createSession(sampleSession('s_a1', 'a1'));
      await expect(store.deletePerson('a1', { keepActiveAdmin: true })).rejects.toMatchObject({ code: 'last_admin' });
      expect(await store.getPerson('a1')).not.toBeNull();
      expect(await store.getSession('s_a1')).not.toBeNull();
      // A disabled admin does not count as the one who remains.
      await store.createPerson(samplePerson('a2', { role: 'admin', disabled: true }));
      await expect(store.deletePerson('a1', { keepActiveAdmin: true })).rejects.toMatchObject({ code: 'last_admin' });
      await store.createPerson(samplePerson('a3', { role: 'admin' }));
      expect(await store.deletePerson('a1', { keepActiveAdmin: true })).toBe(true);
      expect(await store.countActiveAdmins()).toBe(1);
    });

    it('keeps an e-mail change token with its person and deletes it with them', async () => {
      await store.createToken(sampleToken('t_mail', { purpose: 'email_change', personId: 'p1' }));
      expect(await store.deleteTokens({ purpose: 'email_change', personId: 'p2' })).toBe(0);
      expect(await store.consumeToken('t_mail', 'password_reset', '2026-11-01T10:30:00.000Z')).toBeNull();
      expect(await store.consumeToken('t_mail', 'email_change', '2026-11-01T10:30:00.000Z')).toMatchObject({ personId: 'p1' });
    });
  });
}

export function notificationForgetContract(name: string, makeStore: () => NotificationStore | Promise<NotificationStore>): void {
  describe(`${name} (forgetting a deleted account)`, () => {
    let store: NotificationStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it("deletes the person's notifications and follows and renames them where they acted, touching nothing else", async () => {
      const data = { actorName: 'Gitte Gone', title: 'Lokalplan', actorId: 'p_gone' };
      await store.add(sampleNotification('n_own', { personId: 'p_gone', eventId: 'e1' }));
      await store.add(sampleNotification('n_acted', { personId: 'p_other', eventId: 'e2', data }));
      await store.add(
        sampleNotification('n_else', { personId: 'p_other', eventId: 'e3', data: { ...data, actorName: 'Anna', actorId: 'p_anna' } }),
      );
      await store.putFollow(sampleFollow({ personId: 'p_gone', documentId: 'dok-1' }));
      await store.putFollow(sampleFollow({ personId: 'p_other', documentId: 'dok-1' }));

      expect(await store.forgetPerson('p_gone', 'Tidligere deltager')).toEqual({ deleted: 1, renamed: 1 });
      expect(await store.list('p_gone', { limit: 10 })).toEqual([]);
      const others = await store.list('p_other', { limit: 10 });
      expect(others.find((n) => n.id === 'n_acted')?.data.actorName).toBe('Tidligere deltager');
      expect(others.find((n) => n.id === 'n_else')?.data.actorName).toBe('Anna');
      expect(await store.getFollow('p_gone', 'dok-1')).toBeNull();
      expect(await store.getFollow('p_other', 'dok-1')).not.toBeNull();
      expect((await store.followsOf('dok-1')).map((follow) => follow.personId)).toEqual(['p_other']);
      // The event is free again for that person (nothing of theirs is left to refuse it).
      expect(await store.add(sampleNotification('n_again', { personId: 'p_gone', eventId: 'e1' }))).toBe('added');
    });
  });
}
