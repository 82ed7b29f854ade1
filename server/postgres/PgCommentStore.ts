/**
 * Comments in PostgreSQL: one row per comment (the record as JSON), the moderation log, and one row
 * per document in `comment_documents` holding its revision. A change takes that row's lock
 * (`SELECT … FOR UPDATE`) before it looks at the document's comments, runs and writes in the same
 * transaction: changes to one document are atomic across processes and nodes, changes to
 * different documents do not wait for each other.
 *
 * A write costs what it writes, not what the document holds:
 *   - each node keeps the comments of recently written documents in memory (`cachedDocuments`,
 *     least recently used dropped), with the revision they are of. The locked row's revision says
 *     whether the copy is current (revisions only grow, and every write bumps it): equal, the
 *     change sees the copy; different (another node wrote), the comments are read again first.
 *     The copy is changed as the transaction's changes run and dropped if it does not commit.
 *   - changes to one document queue in the process, and the ones waiting when the lock is taken
 *     run in that one transaction (at most `batchSize`), each on what the ones before it wrote,
 *     each with its own revision: one lock, one write statement and one commit (one fsync) for
 *     all of them, so a rush on one document does not queue for one commit per change. A change
 *     that throws writes nothing and only its caller sees the error; if the transaction fails,
 *     its changes run again one transaction each, so one refused write does not fail the others.
 */
import type { CommentStore, CommentUpdate, CommentWrite, DocumentComments } from '../../lib/comments/CommentStore';
import type { ModerationLogEntry, StoredComment } from '../../lib/comments/model';
import { CommentDocState } from '../comments/CommentDocState';
import { DEFAULT_LOG_LIMIT } from '../comments/commentData';
import { lazyView } from '../comments/lazyCopies';
import { documentComments } from '../../lib/comments/documentComments';
import { inTransaction, type Pool, type PoolClient } from './createPool';

/** When the oldest report not yet handled was made (the moderation queue's order); null without one. */
export function openReportSince(comment: StoredComment): string | null {
  let first: string | null = null;
  for (const report of comment.reports) if (report.handledAt === undefined && (first === null || report.at < first)) first = report.at;
  return first;
}

export interface PgCommentStoreOptions {
  /** Documents whose comments a node keeps in memory between writes. Default 200. */
  readonly cachedDocuments?: number;
  /** Changes of one document run in one transaction at most. Default 100. */
  readonly batchSize?: number;
}

const DEFAULT_CACHED_DOCUMENTS = 200;

/** The write path's statements. */
const STATEMENTS = {
  lock: { text: 'SELECT revision FROM comment_documents WHERE document_id = $1 FOR UPDATE' },
  addDocument: {
    text: 'INSERT INTO comment_documents (document_id, revision) VALUES ($1, 0) ON CONFLICT DO NOTHING',
  },
  comments: { text: 'SELECT data FROM comments WHERE document_id = $1 ORDER BY created_at, id' },
  write: {
    text: `WITH put AS (
         INSERT INTO comments (id, document_id, created_at, open_report_since, data)
         SELECT u.id, $1, u.created_at, u.open_report_since, u.data
         FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[]) AS u(id, created_at, open_report_since, data)
         ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, open_report_since = excluded.open_report_since, data = excluded.data
         WHERE comments.document_id = excluded.document_id
         RETURNING 1
       ), logged AS (
         INSERT INTO moderation_log (id, document_id, data)
         SELECT u.id, $1, u.data FROM unnest($6::text[], $7::jsonb[]) WITH ORDINALITY AS u(id, data, n) ORDER BY u.n
       ), bumped AS (
         UPDATE comment_documents SET revision = $8 WHERE document_id = $1
       )
       SELECT count(*)::int AS written FROM put`,
  },
} as const;
const DEFAULT_BATCH_SIZE = 100;

interface Queued {
  readonly change: (current: DocumentComments) => CommentWrite<unknown>;
  readonly resolve: (update: CommentUpdate<unknown>) => void;
  readonly reject: (error: unknown) => void;
}

/** What a change ran to: its answer (written or not) or its own error. */
type Outcome = { readonly update: CommentUpdate<unknown> } | { readonly error: unknown };

export class PgCommentStore implements CommentStore {
  /** Changes waiting per document; a document has an entry while its queue is being worked off. */
  private readonly queues = new Map<string, Queued[]>();
  private readonly running = new Set<Promise<void>>();
  /** Documents' comments as of their revision, least recently used first. */
  private readonly cache = new Map<string, CommentDocState>();
  private readonly cachedDocuments: number;
  private readonly batchSize: number;

  constructor(
    private readonly pool: Pool,
    options: PgCommentStoreOptions = {},
  ) {
    this.cachedDocuments = Math.max(1, options.cachedDocuments ?? DEFAULT_CACHED_DOCUMENTS);
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  }

  async read(documentId: string): Promise<DocumentComments> {
    // One statement, so the revision and the comments are of the same moment.
    const { rows } = await this.pool.query<{ revision: string | null; comments: StoredComment[] }>(
      `SELECT (SELECT revision FROM comment_documents WHERE document_id = $1) AS revision,
              coalesce((SELECT json_agg(data ORDER BY created_at, id) FROM comments WHERE document_id = $1), '[]') AS comments`,
      [documentId],
    );
    return documentComments(documentId, Number(rows[0]?.revision ?? 0), rows[0]?.comments ?? []);
  }

  async get(commentId: string): Promise<StoredComment | null> {
    const { rows } = await this.pool.query<{ data: StoredComment }>('SELECT data FROM comments WHERE id = $1', [commentId]);
    return rows[0]?.data ?? null;
  }

  update<R>(documentId: string, change: (current: DocumentComments) => CommentWrite<R>): Promise<CommentUpdate<R>> {
    return new Promise<CommentUpdate<R>>((resolve, reject) => {
      const queued: Queued = { change, resolve: resolve as (update: CommentUpdate<unknown>) => void, reject };
      const queue = this.queues.get(documentId);
      if (queue) {
        queue.push(queued);
        return;
      }
      this.queues.set(documentId, [queued]);
      const run = this.workOff(documentId);
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    });
  }

  async reported(): Promise<StoredComment[]> {
    const { rows } = await this.pool.query<{ data: StoredComment }>(
      'SELECT data FROM comments WHERE open_report_since IS NOT NULL ORDER BY open_report_since, created_at, id',
    );
    return rows.map((row) => row.data);
  }

  async moderationLog(options: { readonly documentIds?: readonly string[]; readonly limit?: number } = {}): Promise<ModerationLogEntry[]> {
    const limit = options.limit ?? DEFAULT_LOG_LIMIT;
    const { rows } = options.documentIds
      ? await this.pool.query<{ data: ModerationLogEntry }>(
          'SELECT data FROM moderation_log WHERE document_id = ANY($1::text[]) ORDER BY seq DESC LIMIT $2',
          [options.documentIds, limit],
        )
      : await this.pool.query<{ data: ModerationLogEntry }>('SELECT data FROM moderation_log ORDER BY seq DESC LIMIT $1', [limit]);
    return rows.map((row) => row.data);
  }

  async close(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Runs the document's queued changes, a batch per transaction, until none wait. */
  private async workOff(documentId: string): Promise<void> {
    const queue = this.queues.get(documentId)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, this.batchSize);
      let outcomes: Outcome[];
      try {
        outcomes = await this.runBatch(documentId, batch);
      } catch (error) {
        if (batch.length === 1) outcomes = [{ error }];
        else {
          // One change's write may be what failed (a comment id of another document): each alone.
          outcomes = [];
          for (const queued of batch) {
            try {
              outcomes.push(...(await this.runBatch(documentId, [queued])));
            } catch (alone) {
              outcomes.push({ error: alone });
            }
          }
        }
      }
      outcomes.forEach((outcome, i) => ('update' in outcome ? batch[i]!.resolve(outcome.update) : batch[i]!.reject(outcome.error)));
    }
    this.queues.delete(documentId);
  }

  /** One transaction: the lock, the changes one after another on the document's comments, one write, the commit. */
  private async runBatch(documentId: string, batch: readonly Queued[]): Promise<Outcome[]> {
    const held: { state?: CommentDocState } = {};
    try {
      return await inTransaction(this.pool, async (client) => {
        const state = await this.lockedState(client, documentId);
        held.state = state;
        const locked = state.revision;
        const outcomes: Outcome[] = [];
        const puts = new Map<string, StoredComment>();
        const logs: ModerationLogEntry[] = [];
        for (const queued of batch) {
          try {
            const written = this.runChange(state, queued.change, documentId);
            if (written.put.length > 0 || written.log.length > 0 || written.touch) {
              for (const comment of written.put) puts.set(comment.id, comment);
              logs.push(...written.log);
              state.put(written.put);
              state.revision += 1;
              outcomes.push({ update: { result: written.result, revision: state.revision, changed: true } });
            } else {
              outcomes.push({ update: { result: written.result, revision: state.revision, changed: false } });
            }
          } catch (error) {
            outcomes.push({ error });
          }
        }
        if (state.revision !== locked) await this.write(client, documentId, [...puts.values()], logs, state.revision);
        return outcomes;
      });
    } catch (error) {
      // The copy may hold what did not commit (or the commit's outcome is unknown): read it again next time.
      if (held.state && this.cache.get(documentId) === held.state) this.cache.delete(documentId);
      throw error;
    }
  }

  /** Takes the document's lock and returns its comments as of the locked revision (the cached copy when it is current). */
  private async lockedState(client: PoolClient, documentId: string): Promise<CommentDocState> {
    let locked = await client.query<{ revision: string }>({ ...STATEMENTS.lock, values: [documentId] });
    if (locked.rows.length === 0) {
      await client.query({ ...STATEMENTS.addDocument, values: [documentId] });
      locked = await client.query<{ revision: string }>({ ...STATEMENTS.lock, values: [documentId] });
    }
    const revision = Number(locked.rows[0]!.revision);
    const cached = this.cache.get(documentId);
    if (cached) this.cache.delete(documentId);
    let state = cached;
    if (state?.revision !== revision) {
      // Read after the lock, so it holds every write up to the locked revision.
      const { rows } = await client.query<{ data: StoredComment }>({ ...STATEMENTS.comments, values: [documentId] });
      state = new CommentDocState(documentId);
      state.put(rows.map((row) => row.data));
      state.revision = revision;
    }
    this.cache.set(documentId, state);
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= this.cachedDocuments) break;
      this.cache.delete(oldest);
    }
    return state;
  }

  /** Runs one change on the state and checks what it returns; the state is not changed here. */
  private runChange(
    state: CommentDocState,
    change: (current: DocumentComments) => CommentWrite<unknown>,
    documentId: string,
  ): { put: StoredComment[]; log: ModerationLogEntry[]; touch: boolean; result: unknown } {
    const view = lazyView(state.ordered);
    const write = change(
      documentComments(documentId, state.revision, view.items, { stored: state.ordered, byId: state.byId, copyOf: view.copyOf }),
    );
    // The last of several puts of one id wins, as in the other stores. Copies: the caller keeps its objects.
    const put = [...new Map((write.put ?? []).map((comment) => [comment.id, comment])).values()].map((comment) => structuredClone(comment));
    const log = (write.log ?? []).map((entry) => structuredClone(entry));
    for (const comment of put)
      if (comment.documentId !== documentId) throw new Error(`comment ${comment.id} belongs to ${comment.documentId}, not ${documentId}`);
    for (const entry of log)
      if (entry.documentId !== documentId) throw new Error(`log entry ${entry.id} names ${entry.documentId}, not ${documentId}`);
    return { put, log, touch: write.touch === true, result: write.result };
  }

  /** The comments put, the log entries and the new revision, in one statement. */
  private async write(
    client: PoolClient,
    documentId: string,
    put: readonly StoredComment[],
    log: readonly ModerationLogEntry[],
    revision: number,
  ) {
    // A comment id is unique across documents: a row of another document is never overwritten
    // (and then fewer rows are written than put).
    const { rows } = await client.query<{ written: number }>({
      ...STATEMENTS.write,
      values: [
        documentId,
        put.map((comment) => comment.id),
        put.map((comment) => comment.createdAt),
        put.map(openReportSince),
        put.map((comment) => JSON.stringify(comment)),
        log.map((entry) => entry.id),
        log.map((entry) => JSON.stringify(entry)),
        revision,
      ],
    });
    if (rows[0]!.written !== put.length) throw new Error('a comment id is taken by another document');
  }
}
