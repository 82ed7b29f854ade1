/**
 * NotificationStore in record collections (server/storage/RecordCollection.ts) under `<dir>`
 * (normally `<DATA_DIR>/records`): `notifications` (by id; indexed by person, by person and event,
 * and unread by person) and `follows` (by person and document; indexed by document). Each write is
 * one durable append; the check that a person has no notification for an event yet and the write it
 * guards are one synchronous step (see CollectionSet), so the same event never notifies anyone twice,
 * also after a restart (the index is rebuilt from the log).
 */
import type { Follow, StoredNotification } from '../../lib/notifications/model';
import type { AddResult, ListNotificationsOptions, NotificationStore } from '../../lib/notifications/NotificationStore';
import { CollectionSet, type CollectionOpener } from '../storage/CollectionSet';
import type { RecordCollection } from '../storage/RecordCollection';
import type { StoreLogger } from '../storage/readDocumentFiles';
import { newestFirst } from './newestFirst';

export interface FileNotificationStoreOptions {
  /** The record collections' directory, normally `<DATA_DIR>/records`. */
  readonly dir: string;
  readonly groupCommitMs?: number;
  readonly compactAfterRecords?: number;
  readonly logger?: StoreLogger & { error?(obj: object, msg?: string): void };
}

export type NotificationCollections = {
  readonly notifications: RecordCollection<StoredNotification>;
  readonly follows: RecordCollection<Follow>;
};

const copy = <T>(value: T): T => structuredClone(value);
const eventKey = (personId: string, eventId: string) => JSON.stringify([personId, eventId]);
const followKey = (personId: string, documentId: string) => JSON.stringify([personId, documentId]);

export class FileNotificationStore implements NotificationStore {
  private readonly collections: CollectionSet<NotificationCollections>;

  constructor(options: FileNotificationStoreOptions) {
    const { dir, groupCommitMs = 0, compactAfterRecords, logger } = options;
    this.collections = new CollectionSet({ dir, groupCommitMs, compactAfterRecords, logger }, (open) => openAll(open));
  }

  /** Opens the logs; rejects naming a damaged file (checked at start, before anything is served). */
  open(): Promise<NotificationCollections> {
    return this.collections.open();
  }

  async add(notification: StoredNotification): Promise<AddResult> {
    const { notifications } = await this.collections.ready();
    if (notifications.count('event', eventKey(notification.personId, notification.eventId)) > 0) return 'duplicate';
    if (notifications.has(notification.id)) throw new Error(`a notification with id ${notification.id} exists already`);
    await notifications.put(notification.id, copy(notification));
    return 'added';
  }

  async list(personId: string, options: ListNotificationsOptions): Promise<StoredNotification[]> {
    const { notifications } = await this.collections.ready();
    const found = notifications.find(options.unreadOnly ? 'unread' : 'person', personId);
    return copy(found.sort(newestFirst).slice(0, options.limit));
  }

  async markRead(personId: string, ids: readonly string[] | 'all', at: string): Promise<number> {
    const { notifications } = await this.collections.ready();
    const chosen = ids === 'all' ? null : new Set(ids);
    const writes = notifications
      .find('unread', personId)
      .filter((notification) => !chosen || chosen.has(notification.id))
      .map((notification) => notifications.put(notification.id, { ...notification, readAt: at }));
    await Promise.all(writes);
    return writes.length;
  }

  async deleteReadBefore(before: string): Promise<number> {
    const { notifications } = await this.collections.ready();
    const old = [...notifications.values()].filter((notification) => notification.readAt !== undefined && notification.at < before);
    await Promise.all(old.map((notification) => notifications.delete(notification.id)));
    return old.length;
  }

  async putFollow(follow: Follow): Promise<void> {
    const { follows } = await this.collections.ready();
    await follows.put(followKey(follow.personId, follow.documentId), copy(follow));
  }

  async addFollowIfAbsent(follow: Follow): Promise<boolean> {
    const { follows } = await this.collections.ready();
    const key = followKey(follow.personId, follow.documentId);
    if (follows.has(key)) return false;
    await follows.put(key, copy(follow));
    return true;
  }

  async getFollow(personId: string, documentId: string): Promise<Follow | null> {
    return copy((await this.collections.ready()).follows.get(followKey(personId, documentId)) ?? null);
  }

  async followsOf(documentId: string): Promise<Follow[]> {
    return copy((await this.collections.ready()).follows.find('document', documentId));
  }

  async forgetPerson(personId: string, formerName: string): Promise<{ deleted: number; renamed: number }> {
    const { notifications, follows } = await this.collections.ready();
    const own = notifications.find('person', personId);
    // A scan of every notification, but only when an account is erased (rare, never on a request path that repeats).
    const actedIn = [...notifications.values()].filter((n) => n.personId !== personId && n.data.actorId === personId);
    const ownFollows = [...follows.values()].filter((follow) => follow.personId === personId);
    await Promise.all([
      ...own.map((n) => notifications.delete(n.id)),
      ...actedIn.map((n) => notifications.put(n.id, { ...n, data: { ...n.data, actorName: formerName } })),
      ...ownFollows.map((follow) => follows.delete(followKey(follow.personId, follow.documentId))),
    ]);
    return { deleted: own.length, renamed: actedIn.length };
  }

  /** Every notification and follow: what `npm run migrate:data` copies. */
  async exportAll(): Promise<{ notifications: StoredNotification[]; follows: Follow[] }> {
    const { notifications, follows } = await this.collections.ready();
    return copy({ notifications: [...notifications.values()], follows: [...follows.values()] });
  }

  /** Waits for every write issued so far and closes the logs. */
  close(): Promise<void> {
    return this.collections.close();
  }
}

async function openAll(open: CollectionOpener): Promise<NotificationCollections> {
  return {
    notifications: await open<StoredNotification>('notifications', {
      person: (notification) => [notification.personId],
      event: (notification) => [eventKey(notification.personId, notification.eventId)],
      unread: (notification) => (notification.readAt === undefined ? [notification.personId] : []),
    }),
    follows: await open<Follow>('follows', { document: (follow) => [follow.documentId] }),
  };
}
