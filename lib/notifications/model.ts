/**
 * In-app notifications (issue 12): what happened, to whom, stored once per person and event. A stored
 * notification holds the facts its sentence needs (`data`: who acted, which version, which phase),
 * never the sentence: the text is rendered when it is shown, in the reader's language, from the
 * message catalogue (lib/notifications/notificationText.ts), with the document's title as it is then.
 */
import type { DocumentRole, DocumentState } from '../access/model';
import type { AnswerStatus, ReportGround, SuggestionDecision, ThreadKind } from '../comments/model';

export const NOTIFICATION_KINDS = [
  /** A new comment or suggestion on a document I own or follow. */
  'comment_new',
  /** A reply to my comment (or in a thread I started). */
  'reply',
  /** An official answer to my comment, or a decision on my suggestion. */
  'answered',
  /** My comment was hidden or restored by a moderator (with the ground). */
  'moderated',
  /** A document I follow moved to another phase (opening or closing its consultation). */
  'phase_changed',
  /** A document I follow was published as version n. */
  'published',
  /** I was granted access to a document (directly, through my organisation, or by an approved request). */
  'access_granted',
  /** Someone asked to co-author a document I manage. */
  'access_requested',
  /** I was mentioned (@Name) in a comment, a reply or the document's text. */
  'mentioned',
  /** The passage I commented on (or whose thread I took part in) was changed after the comment. */
  'passage_changed',
  /** Someone took up my invitation link to a document. */
  'invited',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Who acted, as the notification names them: a person's id (null for guests) and their name then. */
export interface EventActor {
  readonly personId: string | null;
  readonly name: string;
  /** No person: an API key (`name` is the key's) or another platform's token without one (edits of a body through the API). */
  readonly via?: ApiActor;
}

/** Who acted through the platform API rather than as a person. */
export type ApiActor = 'api_key' | 'platform';

/** The facts a notification's sentence needs; which ones are set depends on the kind. */
export interface NotificationData {
  /** Who acted (the commenter, the moderator, the publisher …), as named at the time. */
  readonly actorName: string;
  /** The acting person's id (absent for guests and in notifications stored before it was kept): an erased account is renamed by it. */
  readonly actorId?: string;
  /** Set when no person acted but an API key (`actorName` is its name) or another platform. */
  readonly actorVia?: ApiActor;
  /** The document's title when it happened (shown when the current title cannot be read). */
  readonly title: string;
  /** comment_new, reply, answered, moderated: the comment concerned. */
  readonly commentId?: string;
  /** comment_new: a comment, a suggestion or feedback. */
  readonly threadKind?: ThreadKind;
  /** answered: an official answer (its status) … */
  readonly answerStatus?: AnswerStatus;
  /** … or a decision on a suggestion. */
  readonly decision?: SuggestionDecision;
  /** moderated: hidden or restored, and on which ground. */
  readonly moderation?: 'hide' | 'restore';
  readonly ground?: ReportGround;
  /** phase_changed: from and to. */
  readonly from?: DocumentState;
  readonly to?: DocumentState;
  /** phase_changed without a move: the consultation's own dates opened or closed it. */
  readonly consultation?: 'opened' | 'closed';
  /** published: the version's number. */
  readonly version?: number;
  /** access_granted, invited: the role granted. */
  readonly role?: DocumentRole;
  /** mentioned: where (a comment or reply, or the document's text). */
  readonly mentionedIn?: 'comment' | 'body';
}

export interface StoredNotification {
  /** `n_<uuid>`. */
  readonly id: string;
  readonly personId: string;
  readonly kind: NotificationKind;
  readonly documentId: string;
  /** The event it tells of: a person gets at most one notification per event id (the store refuses a second). */
  readonly eventId: string;
  /** ISO 8601. */
  readonly at: string;
  /** ISO 8601, once read. */
  readonly readAt?: string;
  readonly data: NotificationData;
}

/**
 * A person's choice about one document. Absent: owners and the creator follow it implicitly;
 * `following: false` is an explicit unfollow, which automatic following (commenting) never undoes.
 */
export interface Follow {
  readonly personId: string;
  readonly documentId: string;
  readonly following: boolean;
  /** True when set by commenting, false when the person chose it. */
  readonly auto: boolean;
  /** ISO 8601. */
  readonly at: string;
}

/**
 * What a service reports after it stored an act; the notification service works out who is told.
 * `eventId` is stable for the act (a retry or a second emit of the same act carries the same one),
 * which is what makes delivery idempotent.
 */
export type NotificationEvent =
  | {
      readonly kind: 'comment_new';
      readonly eventId: string;
      readonly documentId: string;
      readonly actor: EventActor;
      readonly commentId: string;
      readonly threadKind: ThreadKind;
    }
  | {
      readonly kind: 'reply';
      readonly eventId: string;
      readonly documentId: string;
      readonly actor: EventActor;
      readonly commentId: string;
      /** The people whose comments this answers: the parent's author and the thread's first author (persons only). */
      readonly authorIds: readonly string[];
    }
  | {
      readonly kind: 'answered';
      readonly eventId: string;
      readonly documentId: string;
      readonly actor: EventActor;
      readonly commentId: string;
      /** The comment's author (null for a guest: nobody to tell). */
      readonly authorId: string | null;
      readonly answerStatus?: AnswerStatus;
      readonly decision?: SuggestionDecision;
    }
  | {
      readonly kind: 'moderated';
      readonly eventId: string;
      readonly documentId: string;
      readonly actor: EventActor;
      readonly commentId: string;
      readonly authorId: string | null;
      readonly moderation: 'hide' | 'restore';
      readonly ground?: ReportGround;
    }
  | {
      readonly kind: 'phase_changed';
      readonly eventId: string;
      readonly documentId: string;
      readonly actor: EventActor;
      readonly from: DocumentState;
      readonly to: DocumentState;
      /** Set when the consultation's dates opened or closed it (from and to are then both `consultation`). */
      readonly consultation?: 'opened' | 'closed';
    }
  | {
      readonly kind: 'published';
      readonly eventId: string;
      readonly documentId: string;
      readonly actor: EventActor;
      readonly version: number;
    }
  | {
      readonly kind: 'access_granted';
      readonly eventId: string;
      readonly documentId: string;
      readonly actor: EventActor;
      /** People granted access now (a person grant) … */
      readonly personIds: readonly string[];
      /** … and organisations (each member is told). */
      readonly organisationIds: readonly string[];
      readonly role: DocumentRole;
    }
  | {
      readonly kind: 'access_requested';
      readonly eventId: string;
      readonly documentId: string;
      readonly actor: EventActor;
      readonly requestId: string;
    }
  | {
      readonly kind: 'mentioned';
      readonly eventId: string;
      readonly documentId: string;
      readonly actor: EventActor;
      /** The people mentioned (each is asked can() at delivery like any recipient). */
      readonly personIds: readonly string[];
      readonly mentionedIn: 'comment' | 'body';
      /** mentionedIn comment: the comment or reply. */
      readonly commentId?: string;
    }
  | {
      readonly kind: 'passage_changed';
      readonly eventId: string;
      readonly documentId: string;
      readonly actor: EventActor;
      readonly commentId: string;
      /** The thread's people: its first comment's author and those who replied (persons only). */
      readonly personIds: readonly string[];
      /** Who made the edits: never told of their own change. */
      readonly editorIds: readonly string[];
    }
  | {
      readonly kind: 'invited';
      readonly eventId: string;
      readonly documentId: string;
      readonly actor: EventActor;
      /** Who made the invitation link (told that it was taken up). */
      readonly inviterId: string;
      readonly role: DocumentRole;
    };

/** Services take this optional hook; it must not throw into their callers (see emitSafely). */
export type Notify = (event: NotificationEvent) => Promise<void>;
