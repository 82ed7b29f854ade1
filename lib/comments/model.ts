/**
 * The vocabulary of consultation: comments and suggestions anchored to passages, replies,
 * supports, official answers, reports and moderation. Stored by the server only (commenters have
 * no write access to the body); clients read views of it (lib/comments/views.ts). Browser-safe.
 */

/** Yjs `Y.relativePositionToJSON` output: where a passage starts or ends, surviving concurrent edits. */
export interface RelativePositionJson {
  readonly type?: { readonly client: number; readonly clock: number };
  readonly tname?: string;
  readonly item?: { readonly client: number; readonly clock: number };
  readonly assoc?: number;
}

/** W3C TextQuoteSelector: the passage's text and a little context, for re-anchoring. */
export interface TextQuote {
  readonly prefix: string;
  readonly exact: string;
  readonly suffix: string;
}

/** Where a comment or suggestion points: Yjs relative positions plus a text quote. */
export interface Anchor {
  readonly start: RelativePositionJson;
  readonly end: RelativePositionJson;
  readonly quote: TextQuote;
}

/** How an anchor resolved against the current body. */
export type AnchorStatus =
  /** The relative positions still enclose the passage. */
  | 'anchored'
  /** The range collapsed or broke (split, merge); found again from the quote. */
  | 'reanchored'
  /** The passage is gone: shown with its quote, never dropped. */
  | 'orphaned';

/**
 * 'comment' and 'suggestion' point at a passage (an anchor); 'feedback' is about the whole document
 * (a proposal), anchor null, and follows the feedback model of the municipality's co-creation
 * toolbox: each piece of feedback has a `category` (FEEDBACK_CATEGORIES). 'forum_reply' is a reply
 * to a forum post (issue 14): about the whole post, anchor null, no category.
 */
export const THREAD_KINDS = ['comment', 'suggestion', 'feedback', 'forum_reply'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** Thread kinds written on a passage (with an anchor): the margin's. */
export type PassageThreadKind = Exclude<ThreadKind, 'feedback' | 'forum_reply'>;

/**
 * The feedback model (feedbackmodel): what works well ("Det fungerer godt"), questions
 * ("Spørgsmål") and suggestions for improvement ("Forslag til forbedring"). Labels in the catalogue
 * (`feedback.category.<category>`); the stored values never change.
 */
export const FEEDBACK_CATEGORIES = ['works', 'questions', 'suggestions'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const isFeedbackCategory = (value: unknown): value is FeedbackCategory =>
  typeof value === 'string' && (FEEDBACK_CATEGORIES as readonly string[]).includes(value);

/**
 * Official answer statuses (høringssvar behandling): how the official answer treats a comment, as Danish administrative language says it: imødekommet,
 * delvist imødekommet, ikke imødekommet, or only taget til efterretning (noted, nothing changes).
 * The stored values keep their first names; the labels are in the message catalogue.
 */
export const ANSWER_STATUSES = ['taken_into_account', 'partly', 'not_taken_into_account', 'noted'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** Grounds for reporting and hiding a comment; the public summary counts hidden comments by these. */
export const REPORT_GROUNDS = ['offensive', 'personal_data', 'spam', 'off_topic', 'other'] as const;
export type ReportGround = (typeof REPORT_GROUNDS)[number];

export const MODERATION_ACTIONS = ['hide', 'restore', 'keep'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const SUGGESTION_DECISIONS = ['accepted', 'declined'] as const;
export type SuggestionDecision = (typeof SUGGESTION_DECISIONS)[number];

/** Who wrote something: a signed-in person (maybe acting for an organisation) or a named guest. */
export interface AuthorRef {
  readonly kind: 'person' | 'guest';
  /** Person id, or the guest id from the guest cookie. */
  readonly id: string;
  /** Display name at the time of writing. */
  readonly name: string;
  readonly organisation?: { readonly id: string; readonly name: string };
}

/** A person who did something official (resolve, answer, decide, moderate). */
export interface ActorRef {
  readonly id: string;
  readonly name: string;
}

/** `person:<id>` or `guest:<id>`: one support per author key. */
export type AuthorKey = string;

export interface StoredReport {
  readonly id: string;
  readonly by: AuthorKey;
  readonly ground: ReportGround;
  /** Optional free text (plain, size-limited). */
  readonly note: string;
  readonly at: string;
  /** Set once a moderator acted on the comment after this report. */
  readonly handledAt?: string;
  /** Idempotency key from the client: a repeat of the same report answers with what is stored. */
  readonly clientKey?: string;
}

/**
 * One comment: a thread root (comment or suggestion, with an anchor) or a reply (parentId set).
 * Deleting keeps the record (`deletedAt`, text emptied) so replies keep their place.
 */
export interface StoredComment {
  readonly id: string;
  readonly documentId: string;
  /** The thread root's id; equals `id` for a root. */
  readonly threadId: string;
  readonly parentId: string | null;
  /** Roots: 'comment' | 'suggestion' | 'feedback'. Replies: 'reply'. */
  readonly kind: ThreadKind | 'reply';
  /** Comment and suggestion roots; null for feedback (about the whole document) and replies. */
  readonly anchor: Anchor | null;
  /** Feedback roots only: where in the feedback model it belongs. */
  readonly category?: FeedbackCategory;
  /** Plain text (links are recognised when rendering; never HTML). */
  readonly text: string;
  /** Suggestions only: the proposed wording that would replace `anchor.quote.exact`. */
  readonly replacement?: string;
  readonly author: AuthorRef;
  readonly createdAt: string;
  readonly editedAt?: string;
  readonly deletedAt?: string;
  /** Idempotency key from the client (the outbox retries): the same key never creates twice. */
  readonly clientKey?: string;
  /** People mentioned ("@Name" in the text), each able to read the document when it was written (issue 12). */
  readonly mentions?: readonly { readonly id: string; readonly name: string }[];
  /**
   * Roots with an anchor: the passage's text when it was last looked at after an edit (absent: the
   * quote, as the commenter saw it). A change from it tells the thread's people (passage_changed).
   */
  readonly passage?: { readonly text: string; readonly at: string };
  /** Roots only. */
  readonly resolved?: { readonly by: ActorRef; readonly at: string };
  /** Suggestions only. */
  readonly decision?: { readonly decision: SuggestionDecision; readonly reason: string; readonly by: ActorRef; readonly at: string };
  /** Roots only: the official answer. */
  readonly answer?: { readonly status: AnswerStatus; readonly text: string; readonly by: ActorRef; readonly at: string };
  readonly supporters: readonly AuthorKey[];
  readonly reports: readonly StoredReport[];
  readonly moderation: {
    readonly state: 'visible' | 'hidden';
    /** Why it is hidden (public summary counts these). */
    readonly ground?: ReportGround;
    /** A moderator looked at the reports and kept it. */
    readonly reviewedAt?: string;
  };
}

/** Every moderation act, with who and why. Append-only. */
export interface ModerationLogEntry {
  readonly id: string;
  readonly at: string;
  readonly documentId: string;
  readonly commentId: string;
  readonly action: ModerationAction;
  readonly ground?: ReportGround;
  readonly reason: string;
  readonly by: ActorRef;
  /** Idempotency key from the client: a repeat of the same act by the same moderator changes nothing. */
  readonly clientKey?: string;
}
