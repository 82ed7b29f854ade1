/**
 * Search in PostgreSQL (issue 14, migration 0011): the `danish` text search configuration (its own
 * Snowball stemmer and stop words), a GIN index over title (weight A) and text (weight B), ranked
 * with ts_rank. Every word must match; the last (3 letters or more) also as a prefix (`:*`). No
 * fuzzy matching here (the embedded index has it). Snippets are cut by lib/search from the stored
 * text, as for the embedded index, so both answer alike. Shared by every node of a cluster.
 */
import type { Pool } from '../postgres/createPool';
import { inTransaction } from '../postgres/createPool';
import type { ParsedQuery } from '../../lib/search/parseQuery';
import type { DocumentFields, IndexedMark, SearchCandidate, SearchIndex } from '../../lib/search/SearchIndex';
import type { SearchEntry, SearchFilters, SearchKind } from '../../lib/search/model';

interface CandidateRow {
  id: string;
  kind: SearchKind;
  document_id: string;
  comment_id: string | null;
  hidden: boolean;
  score: number;
}

/** The tsquery of a parsed query: words are letters and digits only (wordsOf), so none carries tsquery syntax. */
export function tsQueryOf(query: ParsedQuery): string {
  return query.words.map((word, i) => (i === query.words.length - 1 && query.prefix !== null ? `${word}:*` : word)).join(' & ');
}

export class PgSearchIndex implements SearchIndex {
  constructor(private readonly pool: Pool) {}

  async putDocument(entry: SearchEntry, updatedAt: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(UPSERT_ENTRIES, rowsOf([entry]));
      await client.query(
        `INSERT INTO search_marks (document_id, updated_at) VALUES ($1, $2)
         ON CONFLICT (document_id) DO UPDATE SET updated_at = EXCLUDED.updated_at`,
        [entry.documentId, updatedAt],
      );
    });
  }

  async putComments(documentId: string, entries: readonly SearchEntry[], revision: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(`DELETE FROM search_entries WHERE document_id = $1 AND kind = 'comment' AND NOT (id = ANY($2::text[]))`, [
        documentId,
        entries.map((entry) => entry.id),
      ]);
      if (entries.length > 0) await client.query(UPSERT_ENTRIES, rowsOf(entries));
      await client.query(
        `INSERT INTO search_marks (document_id, comments_revision) VALUES ($1, $2)
         ON CONFLICT (document_id) DO UPDATE SET comments_revision = EXCLUDED.comments_revision`,
        [documentId, revision],
      );
    });
  }

  async setDocumentFields(documentId: string, fields: DocumentFields): Promise<void> {
    await this.pool.query(
      `UPDATE search_entries SET
         title = CASE WHEN kind = 'comment' THEN title ELSE $2 END,
         workspace_id = $3, state = $4,
         tags = CASE WHEN kind = 'comment' OR $5::text[] IS NULL THEN tags ELSE $5::text[] END
       WHERE document_id = $1`,
      [documentId, fields.title, fields.workspaceId, fields.state, fields.tags ?? null],
    );
  }

  async removeDocument(documentId: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM search_entries WHERE document_id = $1', [documentId]);
      await client.query('DELETE FROM search_marks WHERE document_id = $1', [documentId]);
    });
  }

  async query(query: ParsedQuery, filters: SearchFilters, max: number): Promise<SearchCandidate[]> {
    if (query.words.length === 0) return [];
    const { rows } = await this.pool.query<CandidateRow>(
      `SELECT id, kind, document_id, comment_id, hidden, ts_rank(search, q) AS score
         FROM search_entries, to_tsquery('danish', $1) AS q
        WHERE search @@ q
          AND ($2::text IS NULL OR kind = $2)
          AND ($3::text IS NULL OR workspace_id = $3)
          AND ($4::text IS NULL OR state = $4)
          AND ($5::text IS NULL OR $5 = ANY(tags))
        ORDER BY score DESC, id
        LIMIT $6`,
      [tsQueryOf(query), filters.kind ?? null, filters.workspaceId ?? null, filters.state ?? null, filters.tag ?? null, max],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      documentId: row.document_id,
      ...(row.comment_id !== null && { commentId: row.comment_id }),
      score: Number(row.score),
      ...(row.hidden && { hidden: true }),
    }));
  }

  async texts(ids: readonly string[]): Promise<Map<string, { title: string; text: string }>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ id: string; title: string; body: string }>(
      'SELECT id, title, body FROM search_entries WHERE id = ANY($1::text[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, { title: row.title, text: row.body }]));
  }

  /** Nothing to flush: every write is a statement awaited by its caller. */
  async close(): Promise<void> {}

  async mark(documentId: string): Promise<IndexedMark | null> {
    const { rows } = await this.pool.query<{ updated_at: string; comments_revision: number }>(
      'SELECT updated_at, comments_revision FROM search_marks WHERE document_id = $1',
      [documentId],
    );
    const row = rows[0];
    return row ? { updatedAt: row.updated_at, commentsRevision: row.comments_revision } : null;
  }

  async marks(): Promise<Map<string, IndexedMark>> {
    const { rows } = await this.pool.query<{ document_id: string; updated_at: string; comments_revision: number }>(
      'SELECT document_id, updated_at, comments_revision FROM search_marks',
    );
    return new Map(rows.map((row) => [row.document_id, { updatedAt: row.updated_at, commentsRevision: row.comments_revision }]));
  }
}

const UPSERT_ENTRIES = `
  INSERT INTO search_entries (id, kind, document_id, comment_id, title, body, workspace_id, state, tags, hidden)
  SELECT e.id, e.kind, e.document_id, e.comment_id, e.title, e.body, e.workspace_id, e.state,
         COALESCE((SELECT array_agg(t) FROM jsonb_array_elements_text(e.tags) AS t), '{}'), e.hidden
    FROM jsonb_to_recordset($1::jsonb) AS e(id text, kind text, document_id text, comment_id text, title text, body text,
                                            workspace_id text, state text, tags jsonb, hidden boolean)
  ON CONFLICT (id) DO UPDATE SET
    kind = EXCLUDED.kind, document_id = EXCLUDED.document_id, comment_id = EXCLUDED.comment_id, title = EXCLUDED.title,
    body = EXCLUDED.body, workspace_id = EXCLUDED.workspace_id, state = EXCLUDED.state, tags = EXCLUDED.tags, hidden = EXCLUDED.hidden`;

/** The entries as one JSON parameter (one statement for many rows). NUL characters cannot be stored in text: dropped. */
function rowsOf(entries: readonly SearchEntry[]): [string] {
  const clean = (text: string) => text.replaceAll('\u0000', '');
  return [
    JSON.stringify(
      entries.map((entry) => ({
        id: entry.id,
        kind: entry.kind,
        document_id: entry.documentId,
        comment_id: entry.commentId ?? null,
        title: clean(entry.title),
        body: clean(entry.text),
        workspace_id: entry.workspaceId,
        state: entry.state,
        tags: entry.tags ?? [],
        hidden: entry.hidden ?? false,
      })),
    ),
  ];
}
