import type { PersonActor } from '../access/model';
import type { NotificationData, NotificationKind, Notify } from './model';

/** A notification as its reader is shown it: the facts, whether it is read, and the document's title now. */
export interface NotificationItem {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly documentId: string;
  readonly documentTitle: string;
  readonly at: string;
  readonly read: boolean;
  readonly data: NotificationData;
}

export interface NotificationList {
  /** Unread notifications the person may still read (not only those listed). */
  readonly unread: number;
  /** Newest first. */
  readonly items: readonly NotificationItem[];
}

/** Whether the person follows the document, and whether by their own choice or implicitly (owner, creator, commenter). */
export interface FollowState {
  readonly following: boolean;
  /** True when no choice of the person's decides it (owners and the creator follow until they unfollow). */
  readonly implicit: boolean;
}

export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 200;

/**
 * In-app notifications and following (issue 12). `notify` turns an event into at most one stored
 * notification per recipient, never for the actor, and only for people who may read the document
 * (can() at delivery); `list` asks can() again, so what a person may no longer read is not shown.
 * Refusals are DomainErrors (`not_found` for a document the person may not read).
 */
export interface NotificationService {
  /** Delivers an event's notifications (services call it after their act is stored). */
  readonly notify: Notify;
  list(person: PersonActor, options?: { readonly unreadOnly?: boolean; readonly limit?: number }): Promise<NotificationList>;
  /** The unread count alone (the header's bell). */
  unreadCount(person: PersonActor): Promise<number>;
  /** Marks the person's own notifications read; returns how many changed. */
  markRead(person: PersonActor, ids: readonly string[] | 'all'): Promise<number>;
  /** Anyone who can read the document may follow it. */
  follow(person: PersonActor, documentId: string): Promise<FollowState>;
  unfollow(person: PersonActor, documentId: string): Promise<FollowState>;
  following(person: PersonActor, documentId: string): Promise<FollowState>;
}
