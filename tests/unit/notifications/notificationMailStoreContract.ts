/** The NotificationMailStore contract, run against memory, the record files and PostgreSQL. */
import { describe, expect, it } from 'vitest';
import type { DigestRecord, NotificationMailStore, QueuedMail } from '../../../lib/notifications/NotificationMailStore';
import { sampleNotification } from './notificationStoreContract';

export function sampleMail(eventId: string, overrides: Partial<QueuedMail> = {}): QueuedMail {
  const personId = overrides.personId ?? 'p_karen';
  return {
    personId,
    eventId,
    notification: sampleNotification(`n_${eventId}`, { personId, eventId }),
    mode: 'immediate',
    queuedAt: '2026-12-07T09:00:00.000Z',
    state: 'pending',
    attempts: 0,
    nextAttemptAt: '2026-12-07T09:00:00.000Z',
    ...overrides,
  };
}

export function sampleDigest(period: string, overrides: Partial<DigestRecord> = {}): DigestRecord {
  return {
    personId: 'p_karen',
    period,
    createdAt: '2026-12-08T06:00:00.000Z',
    state: 'pending',
    attempts: 0,
    nextAttemptAt: '2026-12-08T06:00:00.000Z',
    notifications: [sampleNotification('n_1', { personId: 'p_karen' })],
    ...overrides,
  };
}

export function notificationMailStoreContract(name: string, open: () => Promise<NotificationMailStore>): void {
  describe(`${name}: the NotificationMailStore contract`, () => {
    it('keeps settings per person, replacing them', async () => {
      const store = await open();
      expect(await store.getSettings('p_karen')).toBeNull();
      await store.putSettings({
        personId: 'p_karen',
        frequency: 'daily',
        kinds: { reply: 'immediate' },
        updatedAt: '2026-12-07T09:00:00.000Z',
      });
      await store.putSettings({ personId: 'p_karen', frequency: 'never', kinds: {}, updatedAt: '2026-12-07T10:00:00.000Z' });
      expect(await store.getSettings('p_karen')).toEqual({
        personId: 'p_karen',
        frequency: 'never',
        kinds: {},
        updatedAt: '2026-12-07T10:00:00.000Z',
      });
      expect(await store.getSettings('p_other')).toBeNull();
      await store.close();
    });

    it('queues once per person and event, lists pending ones by mode oldest first', async () => {
      const store = await open();
      expect(await store.enqueue(sampleMail('e_2', { queuedAt: '2026-12-07T10:00:00.000Z' }))).toBe(true);
      expect(await store.enqueue(sampleMail('e_1'))).toBe(true);
      expect(await store.enqueue(sampleMail('e_1', { mode: 'digest' }))).toBe(false);
      expect(await store.enqueue(sampleMail('e_1', { personId: 'p_other' }))).toBe(true);
      expect(await store.enqueue(sampleMail('e_3', { mode: 'digest' }))).toBe(true);
      const immediate = (await store.pendingMails('immediate', 10)).map((mail) => `${mail.personId} ${mail.eventId}`);
      // Oldest first (the two of 09:00 in either order).
      expect(immediate.slice(0, 2).sort()).toEqual(['p_karen e_1', 'p_other e_1']);
      expect(immediate[2]).toBe('p_karen e_2');
      expect((await store.pendingMails('immediate', 1)).length).toBe(1);
      expect((await store.pendingMails('digest', 10)).map((mail) => mail.eventId)).toEqual(['e_3']);
      expect(await store.getMail('p_karen', 'e_1')).toEqual(sampleMail('e_1'));
      await store.close();
    });

    it('lets one sender take a due entry until its lease ends; done entries are no longer pending', async () => {
      const store = await open();
      await store.enqueue(sampleMail('e_1'));
      await store.enqueue(sampleMail('e_2', { nextAttemptAt: '2026-12-07T12:00:00.000Z' }));
      const now = '2026-12-07T09:00:00.000Z';
      const until = '2026-12-07T09:10:00.000Z';
      expect(await store.claimMail('p_karen', 'e_1', now, until)).toMatchObject({ eventId: 'e_1', leaseUntil: until });
      expect(await store.claimMail('p_karen', 'e_1', '2026-12-07T09:05:00.000Z', '2026-12-07T09:15:00.000Z')).toBeNull();
      // Not due before its next try; unknown entries cannot be taken.
      expect(await store.claimMail('p_karen', 'e_2', now, until)).toBeNull();
      expect(await store.claimMail('p_karen', 'e_9', now, until)).toBeNull();
      // A lease that ran out (a sender that crashed) can be taken again.
      expect(await store.claimMail('p_karen', 'e_1', until, '2026-12-07T09:20:00.000Z')).toMatchObject({
        leaseUntil: '2026-12-07T09:20:00.000Z',
      });
      await store.updateMail({ ...sampleMail('e_1'), state: 'sent', doneAt: '2026-12-07T09:11:00.000Z' });
      expect(await store.claimMail('p_karen', 'e_1', '2026-12-08T00:00:00.000Z', '2026-12-08T00:10:00.000Z')).toBeNull();
      expect((await store.pendingMails('immediate', 10)).map((mail) => mail.eventId)).toEqual(['e_2']);
      expect(await store.getMail('p_karen', 'e_1')).toMatchObject({ state: 'sent', doneAt: '2026-12-07T09:11:00.000Z' });
      await store.close();
    });

    it('records one digest per person and period, with the same leases', async () => {
      const store = await open();
      expect(await store.addDigest(sampleDigest('daily:2026-12-08'))).toBe(true);
      expect(await store.addDigest(sampleDigest('daily:2026-12-08', { createdAt: '2026-12-08T06:01:00.000Z' }))).toBe(false);
      expect(await store.addDigest(sampleDigest('daily:2026-12-08', { personId: 'p_other' }))).toBe(true);
      expect(await store.addDigest(sampleDigest('weekly:2026-12-07'))).toBe(true);
      expect(await store.getDigest('p_karen', 'daily:2026-12-08')).toEqual(sampleDigest('daily:2026-12-08'));
      expect((await store.pendingDigests(10)).length).toBe(3);
      const now = '2026-12-08T06:00:00.000Z';
      expect(await store.claimDigest('p_karen', 'daily:2026-12-08', now, '2026-12-08T06:10:00.000Z')).toMatchObject({
        leaseUntil: '2026-12-08T06:10:00.000Z',
      });
      expect(await store.claimDigest('p_karen', 'daily:2026-12-08', now, '2026-12-08T06:10:00.000Z')).toBeNull();
      await store.updateDigest({ ...sampleDigest('daily:2026-12-08'), state: 'sent', doneAt: '2026-12-08T06:00:01.000Z' });
      expect((await store.pendingDigests(10)).map((digest) => [digest.personId, digest.period]).sort()).toEqual([
        ['p_karen', 'weekly:2026-12-07'],
        ['p_other', 'daily:2026-12-08'],
      ]);
      await store.close();
    });

    it("forgets a deleted person's settings, queued mails and digests, and nobody else's", async () => {
      const store = await open();
      await store.putSettings({ personId: 'p_karen', frequency: 'daily', kinds: {}, updatedAt: '2026-12-07T09:00:00.000Z' });
      await store.putSettings({ personId: 'p_other', frequency: 'weekly', kinds: {}, updatedAt: '2026-12-07T09:00:00.000Z' });
      await store.enqueue(sampleMail('hers'));
      await store.enqueue(sampleMail('sent', { state: 'sent', doneAt: '2026-12-06T00:00:00.000Z' }));
      await store.enqueue(sampleMail('his', { personId: 'p_other' }));
      await store.addDigest(sampleDigest('daily:2026-12-08'));
      await store.addDigest(sampleDigest('daily:2026-12-08', { personId: 'p_other' }));
      const told = sampleMail('about-her', { personId: 'p_other' });
      await store.enqueue({
        ...told,
        notification: { ...told.notification, data: { ...told.notification.data, actorId: 'p_karen', actorName: 'Karen Borger' } },
      });
      expect(await store.forgetPerson('p_karen', 'Tidligere deltager')).toBe(4);
      expect((await store.getMail('p_other', 'about-her'))?.notification.data.actorName).toBe('Tidligere deltager');
      expect(await store.getSettings('p_karen')).toBeNull();
      expect(await store.getMail('p_karen', 'hers')).toBeNull();
      expect(await store.getMail('p_karen', 'sent')).toBeNull();
      expect(await store.getDigest('p_karen', 'daily:2026-12-08')).toBeNull();
      expect(await store.getSettings('p_other')).toMatchObject({ frequency: 'weekly' });
      expect(await store.getMail('p_other', 'his')).not.toBeNull();
      expect(await store.getDigest('p_other', 'daily:2026-12-08')).not.toBeNull();
      expect(await store.forgetPerson('p_karen', 'Tidligere deltager')).toBe(0);
      await store.close();
    });

    it('deletes what was done before a moment, never what is pending', async () => {
      const store = await open();
      await store.enqueue(sampleMail('old', { state: 'sent', doneAt: '2026-11-01T00:00:00.000Z' }));
      await store.enqueue(sampleMail('recent', { state: 'dropped', doneAt: '2026-12-06T00:00:00.000Z' }));
      await store.enqueue(sampleMail('waiting', { queuedAt: '2026-10-01T00:00:00.000Z' }));
      await store.addDigest(sampleDigest('daily:2026-11-01', { state: 'sent', doneAt: '2026-11-01T06:00:00.000Z' }));
      await store.addDigest(sampleDigest('daily:2026-10-01', { createdAt: '2026-10-01T06:00:00.000Z' }));
      expect(await store.deleteDoneBefore('2026-12-01T00:00:00.000Z')).toBe(2);
      expect(await store.getMail('p_karen', 'old')).toBeNull();
      expect(await store.getMail('p_karen', 'recent')).not.toBeNull();
      expect(await store.getMail('p_karen', 'waiting')).not.toBeNull();
      expect(await store.getDigest('p_karen', 'daily:2026-11-01')).toBeNull();
      expect(await store.getDigest('p_karen', 'daily:2026-10-01')).not.toBeNull();
      await store.close();
    });
  });
}
