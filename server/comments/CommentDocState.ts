/**
 * One document's comments as FileCommentStore holds them in memory: by id, in creation order
 * (kept sorted as changes arrive, so a write costs O(log n) here, not a sort), the revision and
 * the document's own moderation log entries. Built from the records of the document's stream:
 *
 *   snapshot  {"t":"s","r":revision,"c":[comments],"l":[log entries]}   (first, after a compaction)
 *   change    {"t":"w","r":revision,"p":[comments put],"l":[log entries appended]}
 *
 * A change record carries the revision it produced, so replaying a record twice (which never
 * happens on one stream, but costs nothing to guard) changes nothing.
 */
import type { ModerationLogEntry, StoredComment } from '../../lib/comments/model';

export interface SnapshotRecord {
  readonly t: 's';
  readonly r: number;
  readonly c: readonly StoredComment[];
  readonly l: readonly ModerationLogEntry[];
}

export interface ChangeRecord {
  readonly t: 'w';
  readonly r: number;
  readonly p: readonly StoredComment[];
  readonly l: readonly ModerationLogEntry[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const byCreation = (a: StoredComment, b: StoredComment): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export class CommentDocState {
  revision = 0;
  readonly byId = new Map<string, StoredComment>();
  /** Creation order (createdAt, then id). */
  readonly ordered: StoredComment[] = [];
  readonly log: ModerationLogEntry[] = [];

  constructor(readonly documentId: string) {}

  /** Rebuilds the state from the stream's records, as FileDocumentStore.load returns them. */
  static fromRecords(documentId: string, records: readonly Uint8Array[] | null): CommentDocState {
    const state = new CommentDocState(documentId);
    for (const [position, bytes] of (records ?? []).entries()) {
      const record = JSON.parse(decoder.decode(bytes)) as SnapshotRecord | ChangeRecord;
      if (record.t === 's') {
        if (position !== 0) throw new Error(`comments of ${documentId}: a snapshot record after the first position`);
        state.put(record.c);
        for (const entry of record.l) state.log.push(entry);
        state.revision = record.r;
      } else if (record.t === 'w') {
        if (record.r <= state.revision) continue;
        state.put(record.p);
        for (const entry of record.l) state.log.push(entry);
        state.revision = record.r;
      } else {
        throw new Error(`comments of ${documentId}: unknown record type ${JSON.stringify((record as { t?: unknown }).t)}`);
      }
    }
    return state;
  }

  /** Another state with the same contents (the comments themselves are shared: the store never modifies one). */
  clone(): CommentDocState {
    const copy = new CommentDocState(this.documentId);
    copy.revision = this.revision;
    for (const [id, comment] of this.byId) copy.byId.set(id, comment);
    for (const comment of this.ordered) copy.ordered.push(comment);
    for (const entry of this.log) copy.log.push(entry);
    return copy;
  }

  /** Puts comments (already copies the store owns) by id, keeping the creation order. */
  put(comments: readonly StoredComment[]): void {
    for (const comment of comments) {
      const before = this.byId.get(comment.id);
      if (before) this.ordered.splice(this.positionOf(before), 1);
      this.byId.set(comment.id, comment);
      this.ordered.splice(this.insertionPoint(comment), 0, comment);
    }
  }

  snapshotBytes(): Uint8Array {
    const record: SnapshotRecord = { t: 's', r: this.revision, c: this.ordered, l: this.log };
    return encoder.encode(JSON.stringify(record));
  }

  private positionOf(comment: StoredComment): number {
    const at = this.insertionPoint(comment) - 1;
    if (this.ordered[at] === comment) return at;
    // Not where its order says (cannot happen for comments put through `put`): search.
    return this.ordered.indexOf(comment);
  }

  /** Index after every comment ordered at or before `comment` (appending is the common case). */
  private insertionPoint(comment: StoredComment): number {
    const last = this.ordered.at(-1);
    if (last === undefined || byCreation(last, comment) <= 0) return this.ordered.length;
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (byCreation(this.ordered[mid]!, comment) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

export function encodeChangeRecord(record: Omit<ChangeRecord, 't'>): Uint8Array {
  return encoder.encode(JSON.stringify({ t: 'w', ...record }));
}
