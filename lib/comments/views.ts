/**
 * What clients read about comments (GET /api/documents/[id]/comments and every write's answer):
 * views of the stored records for one viewer. Hidden text is blanked for everyone but moderators,
 * deleted text for everyone; who reported something is never shown (moderators see the grounds,
 * notes and times of open reports, not the reporters). Browser-safe: the UI imports these types.
 */
import { neutralDisplayName } from '../people/affiliation';
import type { ConsultationSettings, DocumentState } from '../access/model';
import type {
  Anchor,
  AnswerStatus,
  AuthorKey,
  FeedbackCategory,
  ReportGround,
  StoredComment,
  SuggestionDecision,
  ThreadKind,
} from './model';

export interface CommentAuthorView {
  readonly kind: 'person' | 'guest';
  /** The display name, never an organisation (see lib/people/affiliation.ts). */
  readonly name: string;
  /** Set only from a verified membership the author was acting for: shown as its own element, not name text. */
  readonly organisation?: { readonly id: string; readonly name: string };
}

export interface PersonView {
  readonly id: string;
  readonly name: string;
}

export interface CommentView {
  readonly id: string;
  readonly threadId: string;
  readonly parentId: string | null;
  readonly kind: ThreadKind | 'reply';
  /** Thread roots; null for replies. Kept when hidden or deleted, so the placeholder stays at its passage. */
  readonly anchor: Anchor | null;
  /** Feedback roots: where in the feedback model it belongs (kept when hidden or deleted, like the anchor). */
  readonly category?: FeedbackCategory;
  /** '' when hidden (for everyone but moderators) or deleted. */
  readonly text: string;
  /** Suggestions only; '' when hidden or deleted, like `text`. */
  readonly replacement?: string;
  /** null when hidden (for everyone but moderators) or deleted. */
  readonly author: CommentAuthorView | null;
  /** The people the text mentions ("@Name"), with their names then; absent when none or blanked. */
  readonly mentions?: readonly PersonView[];
  readonly createdAt: string;
  readonly editedAt?: string;
  readonly state: 'visible' | 'hidden' | 'deleted';
  readonly hiddenGround?: ReportGround;
  /** Deleted by its author after a moderator had hidden it: the placeholder keeps saying so. */
  readonly wasHidden?: true;
  readonly resolved?: { readonly by: PersonView; readonly at: string };
  readonly decision?: { readonly decision: SuggestionDecision; readonly reason: string; readonly by: PersonView; readonly at: string };
  readonly answer?: { readonly status: AnswerStatus; readonly text: string; readonly by: PersonView; readonly at: string };
  readonly supportCount: number;
  readonly supportedByMe: boolean;
  readonly mine: boolean;
  /** The viewer has a report on it that no moderator has handled yet. */
  readonly reportedByMe: boolean;
  /** Moderators only: the open reports (never who made them). */
  readonly reports?: readonly { readonly ground: ReportGround; readonly note: string; readonly at: string }[];
}

export interface ViewerCapabilities {
  readonly signedIn: boolean;
  readonly guest: { readonly name: string } | null;
  /** can(comment): write comments, suggestions and replies, support, edit and delete one's own. */
  readonly canComment: boolean;
  /** can()'s reason when not (`consultation_closed`, `guests_not_allowed`, `not_signed_in`, …; `error.<code>` in the catalogue). */
  readonly commentRefusal: string | null;
  /** can(edit): resolve and reopen, answer, decide on suggestions. */
  readonly canRespond: boolean;
  readonly canModerate: boolean;
  readonly canChangePhase: boolean;
  /** A guest (a display name, no account) could comment here now: offer "comment as a guest". */
  readonly guestsMayJoin: boolean;
}

export interface ConsultationView extends ConsultationSettings {
  readonly state: DocumentState;
  /** In consultation and within the dates now. */
  readonly openNow: boolean;
}

export interface CommentsResponse {
  /** The document's comment revision; the sync server's `commentsChanged` message carries the latest. */
  readonly revision: number;
  readonly comments: readonly CommentView[];
  readonly viewer: ViewerCapabilities;
  readonly consultation: ConsultationView;
}

/** Who is looking: their author key (`person:<id>` / `guest:<id>`, null for anonymous) and whether they moderate. */
export interface ViewerContext {
  readonly key: AuthorKey | null;
  readonly canModerate: boolean;
}

export function stateOf(comment: StoredComment): CommentView['state'] {
  if (comment.deletedAt !== undefined) return 'deleted';
  return comment.moderation.state === 'hidden' ? 'hidden' : 'visible';
}

/** `person:<id>` or `guest:<id>`. */
export const authorKeyOf = (author: { readonly kind: 'person' | 'guest'; readonly id: string }): AuthorKey => `${author.kind}:${author.id}`;

export function toCommentView(comment: StoredComment, viewer: ViewerContext): CommentView {
  const state = stateOf(comment);
  // Deleted words are gone for everyone; hidden ones stay readable to moderators (to restore them).
  const blank = state === 'deleted' || (state === 'hidden' && !viewer.canModerate);
  const openReports = comment.reports.filter((report) => report.handledAt === undefined);
  const author = comment.author;
  return {
    id: comment.id,
    threadId: comment.threadId,
    parentId: comment.parentId,
    kind: comment.kind,
    anchor: comment.anchor,
    ...(comment.category !== undefined && { category: comment.category }),
    text: blank ? '' : comment.text,
    ...(comment.kind === 'suggestion' && { replacement: blank ? '' : (comment.replacement ?? '') }),
    author: blank
      ? null
      : {
          kind: author.kind,
          // Stored before names could not end in brackets: shown without them, so no name reads as an organisation.
          name: neutralDisplayName(author.name),
          ...(author.organisation && { organisation: { id: author.organisation.id, name: author.organisation.name } }),
        },
    ...(!blank && comment.mentions !== undefined && comment.mentions.length > 0 && { mentions: comment.mentions.map(personView) }),
    createdAt: comment.createdAt,
    ...(comment.editedAt !== undefined && !blank && { editedAt: comment.editedAt }),
    state,
    // The moderation fact outlives the author's withdrawal: a hidden comment deleted later still says it was hidden.
    ...(comment.moderation.state === 'hidden' && comment.moderation.ground !== undefined && { hiddenGround: comment.moderation.ground }),
    ...(state === 'deleted' && comment.moderation.state === 'hidden' && { wasHidden: true }),
    ...(comment.resolved && { resolved: { by: personView(comment.resolved.by), at: comment.resolved.at } }),
    ...(comment.decision && {
      decision: {
        decision: comment.decision.decision,
        reason: comment.decision.reason,
        by: personView(comment.decision.by),
        at: comment.decision.at,
      },
    }),
    ...(comment.answer && {
      answer: { status: comment.answer.status, text: comment.answer.text, by: personView(comment.answer.by), at: comment.answer.at },
    }),
    supportCount: comment.supporters.length,
    supportedByMe: viewer.key !== null && comment.supporters.includes(viewer.key),
    mine: viewer.key !== null && authorKeyOf(author) === viewer.key,
    reportedByMe: viewer.key !== null && openReports.some((report) => report.by === viewer.key),
    ...(viewer.canModerate && { reports: openReports.map((report) => ({ ground: report.ground, note: report.note, at: report.at })) }),
  };
}

const personView = (ref: { readonly id: string; readonly name: string }): PersonView => ({
  id: ref.id,
  name: neutralDisplayName(ref.name),
});

export function toConsultationView(state: DocumentState, settings: ConsultationSettings, openNow: boolean): ConsultationView {
  return {
    state,
    opensAt: settings.opensAt,
    closesAt: settings.closesAt,
    openNow,
    citizensMayComment: settings.citizensMayComment,
    organisationsMayComment: settings.organisationsMayComment,
    guestsMayComment: settings.guestsMayComment,
  };
}
