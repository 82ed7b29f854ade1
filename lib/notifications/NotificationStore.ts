import type { Follow, StoredNotification } from './model';

/** What `add` answers: stored, or refused because the person has this event's notification already. */
export type AddResult = 'added' | 'duplicate';

export interface ListNotificationsOptions {
  /** Only those not read yet. */
  readonly unreadOnly?: boolean;
  /** At most this many, newest first. */
  readonly limit: number;
}

/**
 * Durable notifications and follows (memory for tests, record logs under DATA_DIR/records, or
 * PostgreSQL). Every write is durable before its promise resolves.
 *
 * Notifications: (personId, eventId) is unique, so a retried or doubled event never notifies anyone
 * twice, also after a restart. Follows: at most one record per (person, document).
 */
export interface NotificationStore {
  /** Stores the notification unless the person has one for its eventId already. */
  add(notification: StoredNotification): Promise<AddResult>;
  /** The person's notifications, newest first (by `at`, then id). */
  list(personId: string, options: ListNotificationsOptions): Promise<StoredNotification[]>;
  /** Marks the person's own unread notifications among `ids` (or all of them) read at `at`; returns how many changed. */
  markRead(personId: string, ids: readonly string[] | 'all', at: string): Promise<number>;
  /** Deletes notifications read and made before `before` (retention); unread ones stay. Returns how many. */
  deleteReadBefore(before: string): Promise<number>;

  /** Writes the person's choice, replacing any earlier record. */
  putFollow(follow: Follow): Promise<void>;
  /** Writes the record only when the person has none for the document (automatic following never overrides a choice); true if written. */
  addFollowIfAbsent(follow: Follow): Promise<boolean>;
  getFollow(personId: string, documentId: string): Promise<Follow | null>;
  /** Every record for the document, following or not. */
  followsOf(documentId: string): Promise<Follow[]>;

  /**
   * A deleted account (GDPR erasure): deletes the person's own notifications and follows, and names
   * them `formerName` in everyone else's notifications they acted in (`data.actorId`). Returns how many of each.
   */
  forgetPerson(personId: string, formerName: string): Promise<{ deleted: number; renamed: number }>;

  close(): Promise<void>;
}
