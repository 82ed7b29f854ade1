/**
 * NotificationService over a NotificationStore, the documents and the people: events become stored
 * notifications (one per recipient and event), lists are filtered by can() as they are read.
 */
import { can } from '../access/can';
import { passGate } from '../access/gate';
import type { PersonActor } from '../access/model';
import { documentResourceOf, type DocumentService } from '../documents/DocumentService';
import type { DocumentMeta } from '../storage/MetadataStore';
import type { Follow, NotificationData, NotificationEvent, StoredNotification } from './model';
import {
  DEFAULT_LIST_LIMIT,
  MAX_LIST_LIMIT,
  type FollowState,
  type NotificationItem,
  type NotificationService,
} from './NotificationService';
import type { NotificationStore } from './NotificationStore';
import { followersOf, recipientsOf, requiredAction } from './recipientsOf';

export interface NotificationServiceOptions {
  readonly store: NotificationStore;
  /** `getMany` (when given) reads a list's documents in one lookup instead of one per document. */
  readonly documents: Pick<DocumentService, 'get'> & Partial<Pick<DocumentService, 'getMany'>>;
  /** The Actor can() judges for a person as they are now; null for an unknown person. */
  readonly actorOfPerson: (personId: string) => Promise<PersonActor | null>;
  /** The members of an organisation (told of its grants; owners through it are told of requests). */
  readonly membersOf: (organisationId: string) => Promise<readonly string[]>;
  /** A person's name, for events whose emitter knew only the actor's id (an empty `actor.name`). */
  readonly nameOf?: (personId: string) => Promise<string | null>;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /**
   * Given: `notify` never rejects; a failure is logged here (the act that emitted stays done, and a
   * retry of the event delivers what is missing). Absent (tests): `notify` rejects with the failure.
   */
  readonly logger?: { error(obj: object, msg?: string): void };
}

/**
 * How many of a person's newest notifications a list reads before filtering: older ones beyond it
 * are neither listed nor counted (a person reads their notifications long before that).
 */
const SCAN_LIMIT = 1000;

/** Commenting makes a person follow the document (unless they unfollowed it). */
const FOLLOWS_THE_ACTOR = new Set<NotificationEvent['kind']>(['comment_new', 'reply']);

function dataOf(event: NotificationEvent, meta: DocumentMeta, actorName: string): NotificationData {
  const base = {
    actorName,
    title: meta.title,
    ...(event.actor.personId !== null && { actorId: event.actor.personId }),
    ...(event.actor.via !== undefined && { actorVia: event.actor.via }),
  };
  switch (event.kind) {
    case 'comment_new':
      return { ...base, commentId: event.commentId, threadKind: event.threadKind };
    case 'reply':
      return { ...base, commentId: event.commentId };
    case 'answered':
      return {
        ...base,
        commentId: event.commentId,
        ...(event.answerStatus !== undefined && { answerStatus: event.answerStatus }),
        ...(event.decision !== undefined && { decision: event.decision }),
      };
    case 'moderated':
      return {
        ...base,
        commentId: event.commentId,
        moderation: event.moderation,
        ...(event.ground !== undefined && { ground: event.ground }),
      };
    case 'phase_changed':
      return { ...base, from: event.from, to: event.to, ...(event.consultation !== undefined && { consultation: event.consultation }) };
    case 'published':
      return { ...base, version: event.version };
    case 'access_granted':
      return { ...base, role: event.role };
    case 'access_requested':
      return base;
    case 'mentioned':
      return { ...base, mentionedIn: event.mentionedIn, ...(event.commentId !== undefined && { commentId: event.commentId }) };
    case 'passage_changed':
      return { ...base, commentId: event.commentId };
    case 'invited':
      return { ...base, role: event.role };
  }
}

export function createNotificationService(options: NotificationServiceOptions): NotificationService {
  const { store, documents, actorOfPerson, membersOf } = options;
  const now = options.now ?? (() => new Date());
  let sequence = 0;
  // Ordered by creation within a process (the list's tie-break for notifications of the same `at`), unguessable after.
  const newId =
    options.newId ??
    (() => `n_${Date.now().toString(36).padStart(9, '0')}${(sequence++ % 1296).toString(36).padStart(2, '0')}_${crypto.randomUUID()}`);

  const gate = (person: PersonActor, documentId: string) =>
    passGate({
      actor: person,
      action: 'view',
      load: () => documents.get(documentId),
      resourceOf: (meta) => documentResourceOf(meta, now()),
    });

  function stateOf(meta: DocumentMeta, personId: string, record: Follow | null): FollowState {
    if (record) return { following: record.following, implicit: record.auto };
    return { following: followersOf(meta, []).has(personId), implicit: true };
  }

  /** The person's notifications they may still read, newest first, with each document's current title. */
  async function readable(person: PersonActor, unreadOnly: boolean): Promise<NotificationItem[]> {
    const stored = await store.list(person.id, { unreadOnly, limit: SCAN_LIMIT });
    const metas = await documentsOf(stored.map((notification) => notification.documentId));
    const at = now();
    const items: NotificationItem[] = [];
    for (const notification of stored) {
      const meta = metas.get(notification.documentId);
      // Asked again at display: what the person may no longer read is neither listed nor counted.
      if (!meta || !can(person, requiredAction(notification.kind), documentResourceOf(meta, at)).allowed) continue;
      items.push(toItem(notification, meta));
    }
    return items;
  }

  /** The distinct documents of a list, in one lookup where the documents service can (PostgreSQL: one query, not one per document). */
  async function documentsOf(ids: readonly string[]): Promise<Map<string, DocumentMeta>> {
    const distinct = [...new Set(ids)];
    if (distinct.length === 0) return new Map();
    if (documents.getMany) return documents.getMany(distinct);
    const found = await Promise.all(distinct.map((id) => documents.get(id)));
    return new Map(found.flatMap((meta) => (meta ? [[meta.id, meta] as const] : [])));
  }

  async function deliver(event: NotificationEvent): Promise<void> {
    const meta = await documents.get(event.documentId);
    if (!meta) return;
    const at = now().toISOString();
    const actorId = event.actor.personId;
    if (actorId !== null && FOLLOWS_THE_ACTOR.has(event.kind)) {
      await store.addFollowIfAbsent({ personId: actorId, documentId: meta.id, following: true, auto: true, at });
    }
    if (event.kind === 'access_granted' && (event.role === 'editor' || event.role === 'owner')) {
      // Who is made a writer of the document follows it from now on (unless they unfollowed it).
      for (const personId of event.personIds)
        await store.addFollowIfAbsent({ personId, documentId: meta.id, following: true, auto: true, at });
    }
    const recipients = await recipientsOf(event, meta, await store.followsOf(meta.id), membersOf);
    const resource = documentResourceOf(meta, now());
    const named = event.actor.name || (actorId !== null && (await options.nameOf?.(actorId))) || '';
    const data = dataOf(event, meta, named);
    const delivered: StoredNotification[] = [];
    for (const personId of recipients) {
      if (personId === actorId) continue;
      // Asked now, at delivery: who has lost access (or was disabled) is not told.
      const recipient = await actorOfPerson(personId);
      if (!recipient || !can(recipient, requiredAction(event.kind), resource).allowed) continue;
      delivered.push({ id: newId(), personId, kind: event.kind, documentId: meta.id, eventId: event.eventId, at, data });
    }
    // Issued together: the record store makes them durable in one batch, PostgreSQL over the pool.
    await Promise.all(delivered.map((notification) => store.add(notification)));
  }

  return {
    async notify(event) {
      if (!options.logger) return deliver(event);
      try {
        await deliver(event);
      } catch (error) {
        options.logger.error(
          { err: error, kind: event.kind, eventId: event.eventId, doc: event.documentId },
          'could not deliver notifications',
        );
      }
    },

    async list(person, listOptions = {}) {
      const limit = Math.min(Math.max(1, Math.floor(listOptions.limit ?? DEFAULT_LIST_LIMIT)), MAX_LIST_LIMIT);
      if (listOptions.unreadOnly) {
        const unread = await readable(person, true);
        return { unread: unread.length, items: unread.slice(0, limit) };
      }
      const [unread, items] = await Promise.all([readable(person, true), readable(person, false)]);
      return { unread: unread.length, items: items.slice(0, limit) };
    },

    async unreadCount(person) {
      return (await readable(person, true)).length;
    },

    markRead(person, ids) {
      return store.markRead(person.id, ids, now().toISOString());
    },

    async follow(person, documentId) {
      const { found: meta } = await gate(person, documentId);
      await store.putFollow({ personId: person.id, documentId: meta.id, following: true, auto: false, at: now().toISOString() });
      return { following: true, implicit: false };
    },

    async unfollow(person, documentId) {
      const { found: meta } = await gate(person, documentId);
      await store.putFollow({ personId: person.id, documentId: meta.id, following: false, auto: false, at: now().toISOString() });
      return { following: false, implicit: false };
    },

    async following(person, documentId) {
      const { found: meta } = await gate(person, documentId);
      return stateOf(meta, person.id, await store.getFollow(person.id, meta.id));
    },
  };
}

function toItem(notification: StoredNotification, meta: DocumentMeta): NotificationItem {
  return {
    id: notification.id,
    kind: notification.kind,
    documentId: notification.documentId,
    documentTitle: meta.title,
    at: notification.at,
    read: notification.readAt !== undefined,
    data: notification.data,
  };
}
