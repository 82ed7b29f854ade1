/**
 * A deleted account's comments stay (contributions are kept, as Decidim does) but name nobody:
 * every copy of the person's name in a comment becomes `formerName` (the author of a comment,
 * reply or suggestion, and whoever resolved, answered or decided it). The organisation a comment
 * was written for stays: that attribution is the organisation's, not the person's.
 */
import type { ActorRef, ModerationLogEntry, StoredComment } from '../comments/model';

function renamed(ref: ActorRef, personId: string, formerName: string): ActorRef {
  return ref.id === personId && ref.name !== formerName ? { id: ref.id, name: formerName } : ref;
}

/** The comment with the person's name replaced, or null when it names them nowhere (nothing to write). */
export function anonymiseComment(comment: StoredComment, personId: string, formerName: string): StoredComment | null {
  const authored = comment.author.kind === 'person' && comment.author.id === personId && comment.author.name !== formerName;
  const resolved = comment.resolved && renamed(comment.resolved.by, personId, formerName);
  const decided = comment.decision && renamed(comment.decision.by, personId, formerName);
  const answered = comment.answer && renamed(comment.answer.by, personId, formerName);
  const changed =
    authored ||
    (comment.resolved && resolved !== comment.resolved.by) ||
    (comment.decision && decided !== comment.decision.by) ||
    (comment.answer && answered !== comment.answer.by);
  if (!changed) return null;
  return {
    ...comment,
    ...(authored && { author: { ...comment.author, name: formerName } }),
    ...(comment.resolved && resolved && { resolved: { ...comment.resolved, by: resolved } }),
    ...(comment.decision && decided && { decision: { ...comment.decision, by: decided } }),
    ...(comment.answer && answered && { answer: { ...comment.answer, by: answered } }),
  };
}

/** The comments of one document that name the person, anonymised (the ones to write back). */
export function anonymiseComments(comments: readonly StoredComment[], personId: string, formerName: string): StoredComment[] {
  return comments.flatMap((comment) => {
    const next = anonymiseComment(comment, personId, formerName);
    return next ? [next] : [];
  });
}

/**
 * A moderation log entry as shown: the log is append-only, so a deleted moderator is renamed when
 * read (`isGone` says whether a person id still has an account).
 */
export function anonymiseLogEntry(entry: ModerationLogEntry, gone: ReadonlySet<string>, formerName: string): ModerationLogEntry {
  return gone.has(entry.by.id) ? { ...entry, by: { id: entry.by.id, name: formerName } } : entry;
}
