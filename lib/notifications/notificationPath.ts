/**
 * Where a notification leads, as a path on the site: its document's page, at the comment it is
 * about for the kinds that concern one comment (`#kommentar-<id>`, lib/comments/commentAnchor.ts).
 * The bell's list, the notifications page and the e-mails all link through it.
 */
import { commentAnchorId } from '../comments/commentAnchor';
import type { NotificationKind, StoredNotification } from './model';

/** Kinds about one comment or thread (a mention in the text is about the document). */
const ABOUT_A_COMMENT: ReadonlySet<NotificationKind> = new Set([
  'comment_new',
  'reply',
  'answered',
  'moderated',
  'mentioned',
  'passage_changed',
]);

/** The comment a notification is about, or null (a mention in the text, a phase, a grant …). */
export function commentOfNotification(notification: Pick<StoredNotification, 'kind' | 'data'>): string | null {
  if (!ABOUT_A_COMMENT.has(notification.kind)) return null;
  if (notification.kind === 'mentioned' && notification.data.mentionedIn !== 'comment') return null;
  return notification.data.commentId ?? null;
}

/** `/d/<document>`, with `#kommentar-<comment>` when the notification is about one comment. */
export function notificationPath(notification: Pick<StoredNotification, 'kind' | 'documentId' | 'data'>): string {
  const page = `/d/${encodeURIComponent(notification.documentId)}`;
  const commentId = commentOfNotification(notification);
  return commentId === null ? page : `${page}#${encodeURIComponent(commentAnchorId(commentId))}`;
}
