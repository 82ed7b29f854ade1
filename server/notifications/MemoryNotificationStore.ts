/** NotificationStore in memory, for tests: the same rules as the durable stores, nothing kept. */
import type { Follow, StoredNotification } from '../../lib/notifications/model';
import type { AddResult, ListNotificationsOptions, NotificationStore } from '../../lib/notifications/NotificationStore';
import { newestFirst } from './newestFirst';

const eventKey = (personId: string, eventId: string) => JSON.stringify([personId, eventId]);
const followKey = (personId: string, documentId: string) => JSON.stringify([personId, documentId]);

export class MemoryNotificationStore implements NotificationStore {
  private readonly notifications = new Map<string, StoredNotification>();
  private readonly events = new Set<string>();
  private readonly follows = new Map<string, Follow>();

  async add(notification: StoredNotification): Promise<AddResult> {
    const key = eventKey(notification.personId, notification.eventId);
    if (this.events.has(key)) return 'duplicate';
    if (this.notifications.has(notification.id)) throw new Error(`a notification with id ${notification.id} exists already`);
    this.events.add(key);
    this.notifications.set(notification.id, structuredClone(notification));
    return 'added';
  }

  async list(personId: string, options: ListNotificationsOptions): Promise<StoredNotification[]> {
    return [...this.notifications.values()]
      .filter((n) => n.personId === personId && !(options.unreadOnly && n.readAt !== undefined))
      .sort(newestFirst)
      .slice(0, options.limit)
      .map((n) => structuredClone(n));
  }

  async markRead(personId: string, ids: readonly string[] | 'all', at: string): Promise<number> {
    const chosen = ids === 'all' ? null : new Set(ids);
    let marked = 0;
    for (const notification of this.notifications.values()) {
      if (notification.personId !== personId || notification.readAt !== undefined) continue;
      if (chosen && !chosen.has(notification.id)) continue;
      this.notifications.set(notification.id, { ...notification, readAt: at });
      marked += 1;
    }
    return marked;
  }

  async deleteReadBefore(before: string): Promise<number> {
    let deleted = 0;
    for (const notification of [...this.notifications.values()]) {
      if (notification.readAt === undefined || notification.at >= before) continue;
      this.notifications.delete(notification.id);
      this.events.delete(eventKey(notification.personId, notification.eventId));
      deleted += 1;
    }
    return deleted;
  }

  async putFollow(follow: Follow): Promise<void> {
    this.follows.set(followKey(follow.personId, follow.documentId), { ...follow });
  }

  async addFollowIfAbsent(follow: Follow): Promise<boolean> {
    const key = followKey(follow.personId, follow.documentId);
    if (this.follows.has(key)) return false;
    this.follows.set(key, { ...follow });
    return true;
  }

  async getFollow(personId: string, documentId: string): Promise<Follow | null> {
    const found = this.follows.get(followKey(personId, documentId));
    return found ? { ...found } : null;
  }

  async followsOf(documentId: string): Promise<Follow[]> {
    return [...this.follows.values()].filter((f) => f.documentId === documentId).map((f) => ({ ...f }));
  }

  async forgetPerson(personId: string, formerName: string): Promise<{ deleted: number; renamed: number }> {
    let deleted = 0;
    let renamed = 0;
    for (const notification of [...this.notifications.values()]) {
      if (notification.personId === personId) {
        this.notifications.delete(notification.id);
        this.events.delete(eventKey(notification.personId, notification.eventId));
        deleted += 1;
      } else if (notification.data.actorId === personId) {
        this.notifications.set(notification.id, { ...notification, data: { ...notification.data, actorName: formerName } });
        renamed += 1;
      }
    }
    for (const [key, follow] of [...this.follows]) if (follow.personId === personId) this.follows.delete(key);
    return { deleted, renamed };
  }

  async close(): Promise<void> {}
}
