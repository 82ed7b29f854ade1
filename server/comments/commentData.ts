/**
 * The data both comment stores hold, and the pure steps on it they share: read one document's
 * comments, apply a change's write (bumping that document's revision once), find a comment by id,
 * list the reported ones and the moderation log. Data is never mutated: every step returns new
 * objects where something changed.
 */
import type { CommentWrite, DocumentComments } from '../../lib/comments/CommentStore';
import type { ModerationLogEntry, StoredComment } from '../../lib/comments/model';
import { documentComments } from '../../lib/comments/documentComments';

export interface DocumentRecord {
  readonly revision: number;
  readonly comments: Readonly<Record<string, StoredComment>>;
}

export interface CommentsData {
  readonly version: 1;
  readonly documents: Readonly<Record<string, DocumentRecord>>;
  /** Append-only, oldest first. */
  readonly moderationLog: readonly ModerationLogEntry[];
}

export const emptyCommentsData = (): CommentsData => ({ version: 1, documents: {}, moderationLog: [] });

const byCreation = (a: StoredComment, b: StoredComment) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const recordOf = (data: CommentsData, documentId: string): DocumentRecord | undefined =>
  Object.hasOwn(data.documents, documentId) ? data.documents[documentId] : undefined;

/** A copy of one document's comments, in creation order. */
export function documentCommentsOf(data: CommentsData, documentId: string): DocumentComments {
  const record = recordOf(data, documentId);
  const comments = record
    ? Object.values(record.comments)
        .sort(byCreation)
        .map((c) => structuredClone(c))
    : [];
  return documentComments(documentId, record?.revision ?? 0, comments);
}

/** The data after `write`, and the document's revision; the same data object when nothing is written. */
export function applyWrite(
  data: CommentsData,
  documentId: string,
  write: CommentWrite<unknown>,
): { readonly data: CommentsData; readonly revision: number; readonly changed: boolean } {
  const record = recordOf(data, documentId);
  const put = write.put ?? [];
  const log = write.log ?? [];
  if (put.length === 0 && log.length === 0 && write.touch !== true) return { data, revision: record?.revision ?? 0, changed: false };
  for (const comment of put)
    if (comment.documentId !== documentId) throw new Error(`comment ${comment.id} belongs to ${comment.documentId}, not ${documentId}`);
  for (const entry of log)
    if (entry.documentId !== documentId) throw new Error(`log entry ${entry.id} names ${entry.documentId}, not ${documentId}`);
  const comments: Record<string, StoredComment> = { ...(record?.comments ?? {}) };
  for (const comment of put) {
    // A comment id is unique across documents: refuse to shadow one that lives elsewhere.
    const elsewhere = findComment(data, comment.id);
    if (elsewhere && elsewhere.documentId !== documentId) throw new Error(`comment id ${comment.id} is taken`);
    comments[comment.id] = structuredClone(comment);
  }
  const revision = (record?.revision ?? 0) + 1;
  return {
    data: {
      ...data,
      documents: { ...data.documents, [documentId]: { revision, comments } },
      moderationLog: log.length === 0 ? data.moderationLog : [...data.moderationLog, ...log.map((entry) => structuredClone(entry))],
    },
    revision,
    changed: true,
  };
}

// Where each comment lives, per data version (data objects are immutable, so an index stays true).
const indexes = new WeakMap<CommentsData, Map<string, string>>();

function indexOf(data: CommentsData): Map<string, string> {
  let index = indexes.get(data);
  if (!index) {
    index = new Map();
    for (const [documentId, record] of Object.entries(data.documents))
      for (const id of Object.keys(record.comments)) index.set(id, documentId);
    indexes.set(data, index);
  }
  return index;
}

/** The stored comment (not a copy) with this id, on whichever document. */
export function findComment(data: CommentsData, commentId: string): StoredComment | null {
  const documentId = indexOf(data).get(commentId);
  if (documentId === undefined) return null;
  const record = recordOf(data, documentId);
  return record && Object.hasOwn(record.comments, commentId) ? (record.comments[commentId] ?? null) : null;
}

/** When the comment's longest-waiting open report was made, or null when none is open. */
export const firstOpenReport = (comment: StoredComment): string | null =>
  comment.reports
    .filter((report) => report.handledAt === undefined)
    .reduce<string | null>((first, r) => (first === null || r.at < first ? r.at : first), null);

/** Copies of the comments with an open report, the longest-waiting first. */
export function reportedIn(data: CommentsData): StoredComment[] {
  const found: { comment: StoredComment; since: string }[] = [];
  for (const record of Object.values(data.documents))
    for (const comment of Object.values(record.comments)) {
      const since = firstOpenReport(comment);
      if (since !== null) found.push({ comment, since });
    }
  return found
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : byCreation(a.comment, b.comment)))
    .map(({ comment }) => structuredClone(comment));
}

export const DEFAULT_LOG_LIMIT = 500;

/** Copies of the log's entries, newest first. */
export function logIn(
  data: CommentsData,
  options: { readonly documentIds?: readonly string[]; readonly limit?: number } = {},
): ModerationLogEntry[] {
  const wanted = options.documentIds ? new Set(options.documentIds) : null;
  const limit = options.limit ?? DEFAULT_LOG_LIMIT;
  const entries: ModerationLogEntry[] = [];
  for (let i = data.moderationLog.length - 1; i >= 0 && entries.length < limit; i--) {
    const entry = data.moderationLog[i]!;
    if (!wanted || wanted.has(entry.documentId)) entries.push(structuredClone(entry));
  }
  return entries;
}

/** Checks what was read from disk has the shape the stores need; throws with a sentence otherwise. */
export function parseCommentsData(raw: unknown): CommentsData {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('expected a JSON object');
  const data = raw as { version?: unknown; documents?: unknown; moderationLog?: unknown };
  if (data.version !== 1) throw new Error(`unknown version ${JSON.stringify(data.version)} (expected 1)`);
  if (typeof data.documents !== 'object' || data.documents === null || Array.isArray(data.documents))
    throw new Error('expected "documents" to be an object');
  if (!Array.isArray(data.moderationLog)) throw new Error('expected "moderationLog" to be an array');
  for (const [documentId, record] of Object.entries(data.documents as Record<string, unknown>)) {
    const r = record as { revision?: unknown; comments?: unknown } | null;
    if (typeof r !== 'object' || r === null || typeof r.revision !== 'number' || typeof r.comments !== 'object' || r.comments === null)
      throw new Error(`the comments of document ${documentId} are not readable`);
  }
  return data as unknown as CommentsData;
}
