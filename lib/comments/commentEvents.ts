/**
 * The notification events of comment acts (lib/notifications/model.ts), built from what was stored:
 * CommentService hands them to its optional `notify` hook after the write, so a repeat that wrote
 * nothing tells nobody, and each event id names the act itself (a retry carries the same one).
 */
import type { EventActor, NotificationEvent } from '../notifications/model';
import type { ModerationLogEntry, StoredComment } from './model';
import type { Participant } from './Participant';

export function eventActorOf(who: Participant): EventActor {
  if (who.kind === 'person')
    return { personId: who.actor.id, name: who.organisation ? `${who.name} (${who.organisation.name})` : who.name };
  if (who.kind === 'guest') return { personId: null, name: who.actor.displayName };
  return { personId: null, name: '' };
}

/** The person who wrote a comment; null for a guest (nobody to tell) or a deleted comment. */
const personAuthorOf = (comment: StoredComment): string | null =>
  comment.author.kind === 'person' && comment.deletedAt === undefined ? comment.author.id : null;

/** A new comment, suggestion or feedback (a thread root). */
export function createdEvent(who: Participant, comment: StoredComment): NotificationEvent | null {
  if (comment.kind === 'reply') return null;
  return {
    kind: 'comment_new',
    eventId: `comment:${comment.id}`,
    documentId: comment.documentId,
    actor: eventActorOf(who),
    commentId: comment.id,
    threadKind: comment.kind,
  };
}

/** A reply: for the authors of the comment answered and of the thread's first comment. */
export function replyEvent(who: Participant, reply: StoredComment, answered: readonly StoredComment[]): NotificationEvent {
  const authorIds = [...new Set(answered.flatMap((comment) => personAuthorOf(comment) ?? []))];
  return {
    kind: 'reply',
    eventId: `comment:${reply.id}`,
    documentId: reply.documentId,
    actor: eventActorOf(who),
    commentId: reply.id,
    authorIds,
  };
}

/** An official answer or a decision, as now stored on the comment (each new one is its own event). */
export function answeredEvent(who: Participant, comment: StoredComment, what: 'answer' | 'decision'): NotificationEvent | null {
  const given = what === 'answer' ? comment.answer : comment.decision;
  if (!given) return null;
  return {
    kind: 'answered',
    eventId: `${what}:${comment.id}:${given.at}`,
    documentId: comment.documentId,
    actor: eventActorOf(who),
    commentId: comment.id,
    authorId: personAuthorOf(comment),
    ...(comment.answer && what === 'answer' && { answerStatus: comment.answer.status }),
    ...(comment.decision && what === 'decision' && { decision: comment.decision.decision }),
  };
}

/** Hidden or restored (a report reviewed and kept tells nobody). */
export function moderatedEvent(who: Participant, comment: StoredComment, entry: ModerationLogEntry | undefined): NotificationEvent | null {
  if (!entry || entry.action === 'keep') return null;
  return {
    kind: 'moderated',
    eventId: `moderation:${entry.id}`,
    documentId: comment.documentId,
    actor: eventActorOf(who),
    commentId: comment.id,
    authorId: comment.author.kind === 'person' ? comment.author.id : null,
    moderation: entry.action,
    ...(entry.ground !== undefined && { ground: entry.ground }),
  };
}

/** A new comment or reply that mentions people: one event for the comment, for each person it mentions. */
export function mentionedEvent(who: Participant, comment: StoredComment): NotificationEvent | null {
  if (!comment.mentions || comment.mentions.length === 0) return null;
  return {
    kind: 'mentioned',
    eventId: `mention:${comment.id}`,
    documentId: comment.documentId,
    actor: eventActorOf(who),
    personIds: comment.mentions.map((mention) => mention.id),
    mentionedIn: 'comment',
    commentId: comment.id,
  };
}

/**
 * An edit that mentions people the comment did not mention before: the SAME event as the comment's
 * first mentions (`mention:<comment id>`), for the new people only. A person is told of one comment
 * at most once, however often it is edited (the store keeps one notification per person and event):
 * someone mentioned, left out by an edit and mentioned again is not told again.
 */
export function mentionsAddedEvent(who: Participant, comment: StoredComment, personIds: readonly string[]): NotificationEvent | null {
  if (personIds.length === 0) return null;
  return {
    kind: 'mentioned',
    eventId: `mention:${comment.id}`,
    documentId: comment.documentId,
    actor: eventActorOf(who),
    personIds: [...personIds],
    mentionedIn: 'comment',
    commentId: comment.id,
  };
}
