/**
 * What a person wrote and did on the comments of the documents given, and nothing of anyone else's:
 * their comments, suggestions, feedback (with its category) and replies (a reply says which comment it answers by id only), the
 * comments they supported (ids), and the reports they made. Official answers and decisions on their
 * comments appear as their outcome (a status), never with another person's words or name.
 */
import type { AnswerStatus, FeedbackCategory, ReportGround, StoredComment, SuggestionDecision } from '../../comments/model';

export interface ExportedComment {
  readonly id: string;
  readonly documentId: string;
  readonly documentTitle: string;
  readonly kind: StoredComment['kind'];
  /** Replies: the id of the comment replied to (a reference only). */
  readonly inReplyTo: string | null;
  /** Comments and suggestions: the passage of the document they were written on. */
  readonly passage: string | null;
  /** Feedback: where in the feedback model it belongs (works, questions, suggestions). */
  readonly category: FeedbackCategory | null;
  readonly text: string;
  readonly replacement: string | null;
  readonly organisation: string | null;
  readonly createdAt: string;
  readonly editedAt: string | null;
  readonly deletedAt: string | null;
  readonly answerStatus: AnswerStatus | null;
  readonly decision: SuggestionDecision | null;
  readonly hidden: boolean;
}

export interface ExportedSupport {
  readonly documentId: string;
  readonly documentTitle: string;
  /** The supported comment; null when the support is for a forum post itself ("Synes godt om"). */
  readonly commentId: string | null;
}

export interface ExportedReport {
  readonly documentId: string;
  readonly documentTitle: string;
  readonly commentId: string;
  readonly ground: ReportGround;
  readonly note: string;
  readonly at: string;
}

export interface PersonalComments {
  readonly comments: ExportedComment[];
  readonly supports: ExportedSupport[];
  readonly reports: ExportedReport[];
}

export interface DocumentCommentsForExport {
  readonly documentId: string;
  readonly title: string;
  readonly comments: readonly StoredComment[];
  /** A forum post's supporters, by person id (absent on other documents). */
  readonly postSupporters?: readonly string[];
}

export function collectPersonalData(personId: string, documents: readonly DocumentCommentsForExport[]): PersonalComments {
  const key = `person:${personId}`;
  const comments: ExportedComment[] = [];
  const supports: ExportedSupport[] = [];
  const reports: ExportedReport[] = [];
  for (const { documentId, title, comments: stored, postSupporters } of documents) {
    if (postSupporters?.includes(personId)) supports.push({ documentId, documentTitle: title, commentId: null });
    for (const comment of stored) {
      if (comment.author.kind === 'person' && comment.author.id === personId) comments.push(exportedComment(comment, title));
      if (comment.supporters.includes(key)) supports.push({ documentId, documentTitle: title, commentId: comment.id });
      for (const report of comment.reports) {
        if (report.by !== key) continue;
        reports.push({ documentId, documentTitle: title, commentId: comment.id, ground: report.ground, note: report.note, at: report.at });
      }
    }
  }
  return { comments, supports, reports };
}

function exportedComment(comment: StoredComment, documentTitle: string): ExportedComment {
  return {
    id: comment.id,
    documentId: comment.documentId,
    documentTitle,
    kind: comment.kind,
    inReplyTo: comment.parentId,
    passage: comment.anchor?.quote.exact ?? null,
    category: comment.category ?? null,
    text: comment.text,
    replacement: comment.replacement ?? null,
    organisation: comment.author.organisation?.name ?? null,
    createdAt: comment.createdAt,
    editedAt: comment.editedAt ?? null,
    deletedAt: comment.deletedAt ?? null,
    answerStatus: comment.answer?.status ?? null,
    decision: comment.decision?.decision ?? null,
    hidden: comment.moderation.state === 'hidden',
  };
}
