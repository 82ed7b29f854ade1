/**
 * The NotificationStore contract (lib/notifications/NotificationStore.ts), run against every
 * implementation: MemoryNotificationStore.test.ts, FileNotificationStore.test.ts and
 * tests/unit/postgres/PgNotificationStore.test.ts call `notificationStoreContract`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Follow, StoredNotification } from '../../../lib/notifications/model';
import type { NotificationStore } from '../../../lib/notifications/NotificationStore';

export function sampleNotification(id: string, overrides: Partial<StoredNotification> = {}): StoredNotification {
  return {
    id,
    personId: 'p_ejer',
    kind: 'comment_new',
    documentId: 'dok-1',
    eventId: `comment:${id}`,
    at: '2026-12-01T10:00:00.000Z',
    data: { actorName: 'Anna', title: 'Lokalplan 12', commentId: 'c_1', threadKind: 'comment' },
    ...overrides,
  };
}

export function sampleFollow(overrides: Partial<Follow> = {}): Follow {
  return { personId: 'p_laeser', documentId: 'dok-1', following: true, auto: false, at: '2026-12-01T10:00:00.000Z', ...overrides };
}

export function notificationStoreContract(name: string, makeStore: () => NotificationStore | Promise<NotificationStore>): void {
  describe(`${name} (NotificationStore contract)`, () => {
    let store: NotificationStore;

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('has nothing at first', async () => {
      expect(await store.list('p_ejer', { limit: 10 })).toEqual([]);
      expect(await store.markRead('p_ejer', 'all', '2026-12-01T11:00:00.000Z')).toBe(0);
      expect(await store.getFollow('p_ejer', 'dok-1')).toBeNull();
      expect(await store.followsOf('dok-1')).toEqual([]);
    });

    it('stores a notification and reads it back exactly', async () => {
      const notification = sampleNotification('n_1', {
        kind: 'moderated',
        data: { actorName: 'Mo', title: 'Lokalplan 12', commentId: 'c_9', moderation: 'hide', ground: 'spam' },
      });
      expect(await store.add(notification)).toBe('added');
      expect(await store.list('p_ejer', { limit: 10 })).toEqual([notification]);
    });

    it('refuses a second notification for the same person and event, whatever its id', async () => {
      expect(await store.add(sampleNotification('n_1', { eventId: 'e_1' }))).toBe('added');
      expect(await store.add(sampleNotification('n_2', { eventId: 'e_1' }))).toBe('duplicate');
      // Another person, same event: their own notification.
      expect(await store.add(sampleNotification('n_3', { eventId: 'e_1', personId: 'p_andre' }))).toBe('added');
      expect((await store.list('p_ejer', { limit: 10 })).map((n) => n.id)).toEqual(['n_1']);
      expect((await store.list('p_andre', { limit: 10 })).map((n) => n.id)).toEqual(['n_3']);
    });

    it('lists a person’s own notifications newest first, up to the limit', async () => {
      await store.add(sampleNotification('n_a', { at: '2026-12-01T10:00:00.000Z' }));
      await store.add(sampleNotification('n_c', { at: '2026-12-01T12:00:00.000Z' }));
      await store.add(sampleNotification('n_b', { at: '2026-12-01T11:00:00.000Z' }));
      await store.add(sampleNotification('n_b2', { at: '2026-12-01T11:00:00.000Z' }));
      await store.add(sampleNotification('n_x', { personId: 'p_andre', at: '2026-12-02T00:00:00.000Z' }));
      expect((await store.list('p_ejer', { limit: 10 })).map((n) => n.id)).toEqual(['n_c', 'n_b2', 'n_b', 'n_a']);
      expect((await store.list('p_ejer', { limit: 2 })).map((n) => n.id)).toEqual(['n_c', 'n_b2']);
    });

    it('marks chosen notifications read, only the person’s own and only once', async () => {
      await store.add(sampleNotification('n_1', { at: '2026-12-01T10:00:00.000Z' }));
      await store.add(sampleNotification('n_2', { at: '2026-12-01T10:01:00.000Z' }));
      await store.add(sampleNotification('n_3', { personId: 'p_andre' }));
      // n_3 is someone else's: untouched.
      expect(await store.markRead('p_ejer', ['n_1', 'n_3', 'n_unknown'], '2026-12-01T11:00:00.000Z')).toBe(1);
      expect(await store.markRead('p_ejer', ['n_1'], '2026-12-01T12:00:00.000Z')).toBe(0);
      const listed = await store.list('p_ejer', { limit: 10 });
      expect(listed.map((n) => [n.id, n.readAt])).toEqual([
        ['n_2', undefined],
        ['n_1', '2026-12-01T11:00:00.000Z'],
      ]);
      expect((await store.list('p_ejer', { unreadOnly: true, limit: 10 })).map((n) => n.id)).toEqual(['n_2']);
      expect((await store.list('p_andre', { unreadOnly: true, limit: 10 })).map((n) => n.id)).toEqual(['n_3']);
    });

    it('marks all of a person’s notifications read', async () => {
      await store.add(sampleNotification('n_1'));
      await store.add(sampleNotification('n_2'));
      await store.add(sampleNotification('n_3', { personId: 'p_andre' }));
      expect(await store.markRead('p_ejer', 'all', '2026-12-01T11:00:00.000Z')).toBe(2);
      expect(await store.list('p_ejer', { unreadOnly: true, limit: 10 })).toEqual([]);
      expect(await store.list('p_andre', { unreadOnly: true, limit: 10 })).toHaveLength(1);
    });

    it('deletes read notifications made before a moment, and nothing unread', async () => {
      await store.add(sampleNotification('n_old_read', { at: '2026-01-01T00:00:00.000Z' }));
      await store.add(sampleNotification('n_old_unread', { at: '2026-01-02T00:00:00.000Z' }));
      await store.add(sampleNotification('n_new_read', { at: '2026-12-01T00:00:00.000Z' }));
      await store.add(sampleNotification('n_other', { personId: 'p_andre', at: '2026-01-01T00:00:00.000Z' }));
      await store.markRead('p_ejer', ['n_old_read', 'n_new_read'], '2026-12-02T00:00:00.000Z');
      await store.markRead('p_andre', 'all', '2026-12-02T00:00:00.000Z');
      expect(await store.deleteReadBefore('2026-06-01T00:00:00.000Z')).toBe(2);
      expect((await store.list('p_ejer', { limit: 10 })).map((n) => n.id)).toEqual(['n_new_read', 'n_old_unread']);
      expect(await store.list('p_andre', { limit: 10 })).toEqual([]);
      expect(await store.deleteReadBefore('2026-06-01T00:00:00.000Z')).toBe(0);
    });

    it('keeps one follow record per person and document; automatic following never overrides a choice', async () => {
      expect(await store.addFollowIfAbsent(sampleFollow({ auto: true }))).toBe(true);
      expect(await store.addFollowIfAbsent(sampleFollow({ auto: true, following: false }))).toBe(false);
      expect(await store.getFollow('p_laeser', 'dok-1')).toEqual(sampleFollow({ auto: true }));
      await store.putFollow(sampleFollow({ following: false, at: '2026-12-02T00:00:00.000Z' }));
      expect(await store.addFollowIfAbsent(sampleFollow({ auto: true }))).toBe(false);
      expect(await store.getFollow('p_laeser', 'dok-1')).toEqual(sampleFollow({ following: false, at: '2026-12-02T00:00:00.000Z' }));
      await store.putFollow(sampleFollow({ personId: 'p_andre' }));
      await store.putFollow(sampleFollow({ personId: 'p_andre', documentId: 'dok-2' }));
      const follows = (await store.followsOf('dok-1')).sort((a, b) => a.personId.localeCompare(b.personId));
      expect(follows.map((f) => [f.personId, f.following])).toEqual([
        ['p_andre', true],
        ['p_laeser', false],
      ]);
    });
  });
}
