/**
 * Where comments, the moderation log and each document's comment revision live. Implementations:
 * MemoryCommentStore (unit tests) and LowCommentStore (`DATA_DIR/comments.json`); one contract suite
 * (tests/unit/comments/commentStoreContract.ts) runs against both.
 *
 * Every change is one atomic read-modify-write of ONE document's comments (`update`): the function
 * sees the document's comments as they are now and says what to write, and no other change to the
 * store runs in between. So "one open report per reporter", "one support per person" and "the same
 * clientKey never creates twice" hold under concurrent requests, with no lost updates.
 */
import type { ModerationLogEntry, StoredComment } from './model';

/** One document's comments as a change function sees them. */
export interface DocumentComments {
  readonly documentId: string;
  /** In creation order (createdAt, then id). */
  readonly comments: readonly StoredComment[];
  /** Bumped once by every change that wrote something; 0 for a document without comments. */
  readonly revision: number;
  /** The comment with this id, looked up rather than scanned (in a change, the copy `comments` hands out). */
  find(commentId: string): StoredComment | undefined;
  /** The comment `authorKey` wrote with this clientKey (an idempotent repeat), copying nothing else. */
  findByClientKey(authorKey: string, clientKey: string): StoredComment | undefined;
}

/** What a change writes: comments created or replaced (by id), moderation log entries to append, and its answer. */
export interface CommentWrite<R> {
  readonly put?: readonly StoredComment[];
  readonly log?: readonly ModerationLogEntry[];
  /** Bump the revision even without comments or log entries (what readers of the comments see changed elsewhere: the consultation's settings). */
  readonly touch?: boolean;
  readonly result: R;
}

export interface CommentUpdate<R> {
  readonly result: R;
  /** The document's revision after the change (unchanged when nothing was written). */
  readonly revision: number;
  /** False when the change wrote nothing (an idempotent repeat, a no-op). */
  readonly changed: boolean;
}

export interface CommentStore {
  /** A document's comments and revision (empty and 0 when it has none). */
  read(documentId: string): Promise<DocumentComments>;
  /** One comment by id, whichever document it is on. */
  get(commentId: string): Promise<StoredComment | null>;
  /**
   * Runs `change` on the document's current comments and writes what it returns, atomically. A
   * change that throws writes nothing (the error reaches the caller). Every comment in `put` must
   * belong to `documentId`, and a log entry must name it.
   */
  update<R>(documentId: string, change: (current: DocumentComments) => CommentWrite<R>): Promise<CommentUpdate<R>>;
  /** Comments with at least one report not yet handled, across documents, oldest report first. */
  reported(): Promise<StoredComment[]>;
  /** The moderation log, newest first, optionally for some documents only; at most `limit` entries. */
  moderationLog(options?: { readonly documentIds?: readonly string[]; readonly limit?: number }): Promise<ModerationLogEntry[]>;
  /** Waits for every write issued so far. */
  close(): Promise<void>;
}
