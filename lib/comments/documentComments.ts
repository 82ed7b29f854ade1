/**
 * DocumentComments as the stores hand them out: the comments in creation order plus the lookups the
 * comment service needs per act (by id, by author and clientKey), so an act on one comment does not
 * walk, let alone copy, every comment of its document.
 */
import type { DocumentComments } from './CommentStore';
import type { StoredComment } from './model';
import { authorKeyOf } from './views';

/**
 * Over the store's own comments (never handed out): `copyOf` makes what a caller gets (a change's lazy
 * copy, or the comment itself when `comments` already holds copies). `byId` is the store's index when
 * it keeps one, else built on first lookup.
 */
export function documentComments(
  documentId: string,
  revision: number,
  comments: readonly StoredComment[],
  view: {
    readonly stored?: readonly StoredComment[];
    readonly byId?: ReadonlyMap<string, StoredComment>;
    readonly copyOf?: (comment: StoredComment) => StoredComment;
  } = {},
): DocumentComments {
  const stored = view.stored ?? comments;
  const copyOf = view.copyOf ?? ((comment: StoredComment) => comment);
  let byId = view.byId;
  const lookups: Pick<DocumentComments, 'find' | 'findByClientKey'> = {
    find(commentId) {
      byId ??= new Map(stored.map((comment) => [comment.id, comment]));
      const found = byId.get(commentId);
      return found && copyOf(found);
    },
    findByClientKey(authorKey, clientKey) {
      // Compares two strings per comment and copies only the one it returns.
      for (const comment of stored)
        if (comment.clientKey === clientKey && authorKeyOf(comment.author) === authorKey) return copyOf(comment);
      return undefined;
    },
  };
  // The lookups are not enumerable: the value stays plain data to spread, compare and serialise.
  const value = { documentId, revision, comments };
  Object.defineProperty(value, 'find', { value: lookups.find });
  Object.defineProperty(value, 'findByClientKey', { value: lookups.findByClientKey });
  return value as DocumentComments;
}
