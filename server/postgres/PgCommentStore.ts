/**
 * Comments in PostgreSQL: one row per comment (the record as JSON), the moderation log, and one row
 * per document in `comment_documents` holding its revision. `update` takes that row's lock
 * (`SELECT … FOR UPDATE`) before it reads the document's comments, runs the change and writes in
 * the same transaction: changes to one document are atomic across processes and nodes, changes to
 * different documents do not wait for each other, and a write costs what it writes, not what the
 * platform holds. Within a process, changes to one document also queue locally, so they do not
 * each hold a pooled connection while they wait for the lock.
 */
import type { CommentStore, CommentUpdate, CommentWrite, DocumentComments } from '../../lib/comments/CommentStore';
import type { ModerationLogEntry, StoredComment } from '../../lib/comments/model';
import { DEFAULT_LOG_LIMIT } from '../comments/commentData';
import { inTransaction, type Pool } from './createPool';

/** When the oldest report not yet handled was made (the moderation queue's order); null without one. */
export function openReportSince(comment: StoredComment): string | null {
  let first: string | null = null;
  for (const report of comment.reports) if (report.handledAt === undefined && (first === null || report.at < first)) first = report.at;
  return first;
}

export class PgCommentStore implements CommentStore {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly pool: Pool) {}

  async read(documentId: string): Promise<DocumentComments> {
    // One statement, so the revision and the comments are of the same moment.
    const { rows } = await this.pool.query<{ revision: string | null; comments: StoredComment[] }>(
      `SELECT (SELECT revision FROM comment_documents WHERE document_id = $1) AS revision,
              coalesce((SELECT json_agg(data ORDER BY created_at, id) FROM comments WHERE document_id = $1), '[]') AS comments`,
      [documentId],
    );
    return { documentId, comments: rows[0]?.comments ?? [], revision: Number(rows[0]?.revision ?? 0) };
  }

  async get(commentId: string): Promise<StoredComment | null> {
    const { rows } = await this.pool.query<{ data: StoredComment }>('SELECT data FROM comments WHERE id = $1', [commentId]);
    return rows[0]?.data ?? null;
  }

  update<R>(documentId: string, change: (current: DocumentComments) => CommentWrite<R>): Promise<CommentUpdate<R>> {
    const previous = this.queues.get(documentId) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => this.updateNow(documentId, change));
    this.queues.set(documentId, next);
    this.pending.add(next);
    void next
      .catch(() => {})
      .finally(() => {
        this.pending.delete(next);
        if (this.queues.get(documentId) === next) this.queues.delete(documentId);
      });
    return next;
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
    await Promise.allSettled([...this.pending]);
  }

  private async updateNow<R>(documentId: string, change: (current: DocumentComments) => CommentWrite<R>): Promise<CommentUpdate<R>> {
    const outcome = await inTransaction(this.pool, async (client) => {
      await client.query('INSERT INTO comment_documents (document_id, revision) VALUES ($1, 0) ON CONFLICT DO NOTHING', [documentId]);
      const locked = await client.query<{ revision: string }>('SELECT revision FROM comment_documents WHERE document_id = $1 FOR UPDATE', [
        documentId,
      ]);
      const revision = Number(locked.rows[0]!.revision);
      const { rows } = await client.query<{ data: StoredComment }>(
        'SELECT data FROM comments WHERE document_id = $1 ORDER BY created_at, id',
        [documentId],
      );
      const write = change({ documentId, comments: rows.map((row) => row.data), revision });
      // The last of several puts of one id wins, as in the other stores.
      const put = [...new Map((write.put ?? []).map((comment) => [comment.id, comment])).values()];
      const log = write.log ?? [];
      if (put.length === 0 && log.length === 0 && write.touch !== true) return { result: write.result, revision, changed: false };
      for (const comment of put)
        if (comment.documentId !== documentId) throw new Error(`comment ${comment.id} belongs to ${comment.documentId}, not ${documentId}`);
      for (const entry of log)
        if (entry.documentId !== documentId) throw new Error(`log entry ${entry.id} names ${entry.documentId}, not ${documentId}`);
      if (put.length > 0) {
        // A comment id is unique across documents: a row of another document is never overwritten.
        const written = await client.query(
          `INSERT INTO comments (id, document_id, created_at, open_report_since, data)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
           ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, open_report_since = excluded.open_report_since, data = excluded.data
           WHERE comments.document_id = excluded.document_id`,
          [
            put.map((comment) => comment.id),
            put.map(() => documentId),
            put.map((comment) => comment.createdAt),
            put.map(openReportSince),
            put.map((comment) => JSON.stringify(comment)),
          ],
        );
        if (written.rowCount !== put.length) throw new Error('a comment id is taken by another document');
      }
      if (log.length > 0) {
        await client.query(
          `INSERT INTO moderation_log (id, document_id, data)
           SELECT u.id, $1, u.data FROM unnest($2::text[], $3::jsonb[]) WITH ORDINALITY AS u(id, data, n) ORDER BY u.n`,
          [documentId, log.map((entry) => entry.id), log.map((entry) => JSON.stringify(entry))],
        );
      }
      await client.query('UPDATE comment_documents SET revision = $2 WHERE document_id = $1', [documentId, revision + 1]);
      return { result: write.result, revision: revision + 1, changed: true };
    });
    return outcome;
  }
}
