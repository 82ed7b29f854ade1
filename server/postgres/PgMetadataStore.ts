/**
 * Document metadata in PostgreSQL: one row per document, the record as JSON. A change reads and
 * writes the row under its lock (`SELECT … FOR UPDATE`), so concurrent changes from any node apply
 * one after the other and only the patchable fields change (applyMetaPatch).
 */
import type { DocumentMeta, DocumentMetaPatch, MetadataStore } from '../../lib/storage/MetadataStore';
import { applyMetaPatch } from '../storage/applyMetaPatch';
import { withAccessDefaults } from '../storage/withAccessDefaults';
import { inTransaction, sqlState, type Pool } from './createPool';

export class PgMetadataStore implements MetadataStore {
  constructor(private readonly pool: Pool) {}

  async listDocuments(): Promise<DocumentMeta[]> {
    const { rows } = await this.pool.query<{ meta: DocumentMeta }>('SELECT meta FROM documents ORDER BY created_at::timestamptz DESC, id');
    return rows.map((row) => withAccessDefaults(row.meta));
  }

  async getDocument(id: string): Promise<DocumentMeta | null> {
    const { rows } = await this.pool.query<{ meta: DocumentMeta }>('SELECT meta FROM documents WHERE id = $1', [id]);
    return rows[0] ? withAccessDefaults(rows[0].meta) : null;
  }

  async getDocuments(ids: readonly string[]): Promise<DocumentMeta[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<{ meta: DocumentMeta }>('SELECT meta FROM documents WHERE id = ANY($1)', [[...ids]]);
    return rows.map((row) => withAccessDefaults(row.meta));
  }

  async createDocument(meta: DocumentMeta): Promise<DocumentMeta> {
    try {
      await this.pool.query('INSERT INTO documents (id, created_at, meta) VALUES ($1, $2, $3)', [
        meta.id,
        meta.createdAt,
        JSON.stringify(meta),
      ]);
    } catch (error) {
      if (sqlState(error).code === '23505') throw new Error(`a document with id ${meta.id} exists already`);
      throw error;
    }
    return structuredClone(meta);
  }

  updateDocument(id: string, patch: DocumentMetaPatch): Promise<DocumentMeta | null> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ meta: DocumentMeta }>('SELECT meta FROM documents WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0]) return null;
      const next = applyMetaPatch(withAccessDefaults(rows[0].meta), patch);
      await client.query('UPDATE documents SET meta = $2 WHERE id = $1', [id, JSON.stringify(next)]);
      return next;
    });
  }

  async close(): Promise<void> {}
}
