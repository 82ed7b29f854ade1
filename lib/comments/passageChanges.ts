/**
 * Which anchored threads' passages read differently now than when they were last looked at (the
 * comment's `passage`, or else its quote: what the commenter saw), for "the passage you commented on
 * was changed" (issue 12). Whitespace runs count as one space, so re-wrapping is no change; a passage
 * that is gone (orphaned) reads as ''. Resolved, deleted and hidden threads are left alone.
 */
import type * as Y from 'yjs';
import { passagesOf } from './anchorCheck';
import type { Anchor, StoredComment } from './model';

export interface PassageChange {
  readonly commentId: string;
  /** The passage's text now ('' when it is gone). */
  readonly text: string;
  /** The thread's people: its author and those who replied (persons, each once). */
  readonly personIds: readonly string[];
}

const plain = (text: string) => text.replace(/\s+/gu, ' ').trim();

export function changedPassages(comments: readonly StoredComment[], ydoc: Y.Doc): PassageChange[] {
  const watched = comments.filter(
    (comment): comment is StoredComment & { anchor: Anchor } =>
      comment.parentId === null &&
      comment.anchor !== null &&
      comment.deletedAt === undefined &&
      comment.resolved === undefined &&
      comment.moderation.state === 'visible',
  );
  if (watched.length === 0) return [];
  const passages = passagesOf(
    ydoc,
    watched.map((comment) => comment.anchor),
  );
  const changes: PassageChange[] = [];
  watched.forEach((comment, index) => {
    const passage = passages[index]!;
    const now = passage.status === 'orphaned' ? '' : passage.text;
    const before = comment.passage?.text ?? comment.anchor.quote.exact;
    if (plain(now) === plain(before)) return;
    changes.push({ commentId: comment.id, text: now, personIds: threadPeople(comments, comment) });
  });
  return changes;
}

function threadPeople(comments: readonly StoredComment[], root: StoredComment): string[] {
  const people = new Set<string>();
  for (const comment of comments) {
    if (comment.threadId !== root.id || comment.deletedAt !== undefined || comment.author.kind !== 'person') continue;
    people.add(comment.author.id);
  }
  return [...people];
}
