/**
 * Versions in PostgreSQL (migration 0003; their contributors: 0009): one row each, inserted once. The primary key
 * (document_id, number) and the unique (document_id, idempotency_key) make `add` answer
 * `number_taken` / `key_taken` whichever node asked first; nothing is ever updated.
 */
import type { JSONContent } from '@tiptap/core';
import type { AddVersionResult, VersionStore } from '../../lib/versions/VersionStore';
import type { DocumentVersion, NewVersion, VersionKind, VersionSummary } from '../../lib/versions/model';
import type { DocumentState } from '../../lib/access/model';
import type { PersonRef } from '../../lib/storage/MetadataStore';
import { readVersionContributors } from '../../lib/versions/versionContributorsSchema';
import { sqlState, type Pool } from './createPool';

const SUMMARY_COLUMNS = 'document_id, number, kind, title, summary, published_at, published_by, closes_phase, hash';

interface SummaryRow {
  document_id: string;
  number: number;
  kind: VersionKind;
  title: string;
  summary: string;
  published_at: string;
  published_by: PersonRef;
  closes_phase: DocumentState;
  hash: string;
}

interface VersionRow extends SummaryRow {
  yjs_state: Buffer;
  body: JSONContent;
  html: string;
  /** Migration 0009; NULL for versions stored before contributors were recorded. */
  contributors: unknown;
}

const summaryOf = (row: SummaryRow): VersionSummary => ({
  documentId: row.document_id,
  number: row.number,
  kind: row.kind,
  title: row.title,
  summary: row.summary,
  publishedAt: row.published_at,
  publishedBy: { id: row.published_by.id, name: row.published_by.name },
  closesPhase: row.closes_phase,
  hash: row.hash,
});

export class PgVersionStore implements VersionStore {
  constructor(private readonly pool: Pool) {}

  async list(documentId: string): Promise<VersionSummary[]> {
    const { rows } = await this.pool.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM document_versions WHERE document_id = $1 ORDER BY number DESC`,
      [documentId],
    );
    return rows.map(summaryOf);
  }

  async get(documentId: string, number: number): Promise<DocumentVersion | null> {
    if (!Number.isSafeInteger(number) || number < 1 || number > 2 ** 31 - 1) return null;
    const { rows } = await this.pool.query<VersionRow>(
      `SELECT ${SUMMARY_COLUMNS}, yjs_state, body, html, contributors FROM document_versions WHERE document_id = $1 AND number = $2`,
      [documentId, number],
    );
    const row = rows[0];
    if (!row) return null;
    const contributors = readVersionContributors(row.contributors);
    return {
      ...summaryOf(row),
      content: { yjsState: new Uint8Array(row.yjs_state), body: row.body, html: row.html },
      ...(contributors ? { contributors } : {}),
    };
  }

  async byIdempotencyKey(documentId: string, key: string): Promise<VersionSummary | null> {
    const { rows } = await this.pool.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM document_versions WHERE document_id = $1 AND idempotency_key = $2`,
      [documentId, key],
    );
    return rows[0] ? summaryOf(rows[0]) : null;
  }

  async add(version: NewVersion): Promise<AddVersionResult> {
    try {
      await this.pool.query(
        `INSERT INTO document_versions (document_id, number, kind, title, summary, published_at, published_by, closes_phase,
                                        hash, idempotency_key, yjs_state, body, html, contributors)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          version.documentId,
          version.number,
          version.kind,
          version.title,
          version.summary,
          version.publishedAt,
          JSON.stringify({ id: version.publishedBy.id, name: version.publishedBy.name }),
          version.closesPhase,
          version.hash,
          version.idempotencyKey,
          Buffer.from(version.content.yjsState),
          JSON.stringify(version.content.body),
          version.content.html,
          version.contributors ? JSON.stringify(version.contributors) : null,
        ],
      );
      return 'added';
    } catch (error) {
      const state = sqlState(error);
      if (state.code !== '23505') throw error;
      return state.constraint === 'document_versions_idempotency_key' ? 'key_taken' : 'number_taken';
    }
  }

  async latestOf(documentIds: readonly string[]): Promise<Map<string, VersionSummary>> {
    if (documentIds.length === 0) return new Map();
    const { rows } = await this.pool.query<SummaryRow>(
      `SELECT DISTINCT ON (document_id) ${SUMMARY_COLUMNS} FROM document_versions
       WHERE document_id = ANY($1::text[]) ORDER BY document_id, number DESC`,
      [[...documentIds]],
    );
    return new Map(rows.map((row) => [row.document_id, summaryOf(row)]));
  }

  async recent(kind: VersionKind, limit: number, documentIds?: readonly string[]): Promise<VersionSummary[]> {
    if (limit <= 0 || documentIds?.length === 0) return [];
    // With documentIds, the primary key (document_id, number) finds their rows; without, the
    // document_versions_recent index (kind, published_at DESC, …) is read in order (migration 0003).
    const { rows } = await this.pool.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM document_versions
       WHERE kind = $1 ${documentIds === undefined ? '' : 'AND document_id = ANY($3::text[])'}
       ORDER BY published_at DESC, document_id, number DESC LIMIT $2`,
      documentIds === undefined ? [kind, limit] : [kind, limit, [...documentIds]],
    );
    return rows.map(summaryOf);
  }

  async close(): Promise<void> {}
}
