/**
 * The durable side of e-mailing notifications (issue 12): each person's settings, the queue of
 * notifications waiting to be mailed (one entry per person and event, like the notifications
 * themselves), and the digests sent (one per person and period). Memory for tests, record logs
 * under DATA_DIR/records, or PostgreSQL (migration 0007). Every write is durable before its promise
 * resolves.
 *
 * Sending is at-least-once: an entry is queued before its notification is stored and marked sent
 * only after the mail server accepted it, so a crash loses no mail; a crash in the moment between
 * the server's acceptance and the mark sends that one mail again after the lease ends.
 */
import type { StoredNotification } from './model';
import type { StoredNotificationSettings } from './NotificationSettings';

/** `immediate`: one mail as soon as possible; `digest`: waits for the person's daily or weekly digest. */
export type MailMode = 'immediate' | 'digest';
/** `dropped`: not to be sent (the person chose never, lost access, was disabled); `failed`: gave up after the retries. */
export type MailState = 'pending' | 'sent' | 'dropped' | 'failed';

/** The work a sender holds: not taken by another sender (node, or later look) before `leaseUntil`. */
interface Leased {
  readonly state: MailState;
  /** Tries so far. */
  readonly attempts: number;
  /** ISO 8601: not tried (again) before this. */
  readonly nextAttemptAt: string;
  /** ISO 8601: a sender holds it until then. */
  readonly leaseUntil?: string;
  /** ISO 8601: when it was sent, dropped or given up. */
  readonly doneAt?: string;
}

export interface QueuedMail extends Leased {
  readonly personId: string;
  readonly eventId: string;
  /** A copy of the notification: what the mail tells (kept if the notification itself is pruned). */
  readonly notification: StoredNotification;
  readonly mode: MailMode;
  /** ISO 8601. */
  readonly queuedAt: string;
  /** The digest period it went out in (`daily:2026-12-07`). */
  readonly digest?: string;
}

export interface DigestRecord extends Leased {
  readonly personId: string;
  /** `daily:<local date>` or `weekly:<local date of the Monday>`: one digest per person and period. */
  readonly period: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** What it lists (copies), fixed when it was made, so a retry sends the same digest. */
  readonly notifications: readonly StoredNotification[];
}

export interface NotificationMailStore {
  getSettings(personId: string): Promise<StoredNotificationSettings | null>;
  putSettings(settings: StoredNotificationSettings): Promise<void>;

  /** Queues the mail unless the person has an entry for the event already; true if queued. */
  enqueue(mail: QueuedMail): Promise<boolean>;
  getMail(personId: string, eventId: string): Promise<QueuedMail | null>;
  /** Pending entries of a mode, oldest queued first, at most `limit`. */
  pendingMails(mode: MailMode, limit: number): Promise<QueuedMail[]>;
  /** Takes a pending entry until `until` if no sender holds it at `now` (one step); the entry taken, or null. */
  claimMail(personId: string, eventId: string, now: string, until: string): Promise<QueuedMail | null>;
  /** Replaces the entry (its state, tries, lease). */
  updateMail(mail: QueuedMail): Promise<void>;

  /** Records the digest unless the person has one for the period already; true if recorded. */
  addDigest(digest: DigestRecord): Promise<boolean>;
  getDigest(personId: string, period: string): Promise<DigestRecord | null>;
  /** Digests not sent yet (a crash or a failed try), oldest first, at most `limit`. */
  pendingDigests(limit: number): Promise<DigestRecord[]>;
  claimDigest(personId: string, period: string, now: string, until: string): Promise<DigestRecord | null>;
  updateDigest(digest: DigestRecord): Promise<void>;

  /**
   * A deleted account: its settings, queued mails and digests go (they hold copies of its
   * notifications), and other people's mails still waiting name it `formerName` where it acted
   * (`data.actorId`), as the notifications themselves do. Returns how many of its records went.
   */
  forgetPerson(personId: string, formerName: string): Promise<number>;
  /** Deletes entries and digests done (sent, dropped, failed) before `before`; returns how many. */
  deleteDoneBefore(before: string): Promise<number>;
  close(): Promise<void>;
}
