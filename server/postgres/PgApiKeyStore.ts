/** API keys in PostgreSQL; ids and hashes are unique keys, a revocation keeps the first time. */
import type { ApiKey, ApiKeyScope, ApiKeyStore } from '../../lib/apiKeys/ApiKeyStore';
import { sqlState, type Pool } from './createPool';

interface ApiKeyRow {
  id: string;
  hash: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

const keyOf = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  hash: row.hash,
  prefix: row.prefix,
  scopes: row.scopes,
  createdBy: row.created_by,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

export class PgApiKeyStore implements ApiKeyStore {
  constructor(private readonly pool: Pool) {}

  async create(key: ApiKey): Promise<ApiKey> {
    try {
      await this.pool.query(
        `INSERT INTO api_keys (id, hash, name, prefix, scopes, created_by, created_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [key.id, key.hash, key.name, key.prefix, JSON.stringify(key.scopes), key.createdBy, key.createdAt, key.revokedAt],
      );
    } catch (error) {
      if (sqlState(error).code === '23505') throw new Error(`an API key with id ${key.id} or that hash exists already`);
      throw error;
    }
    return structuredClone(key);
  }

  async getByHash(hash: string): Promise<ApiKey | null> {
    const { rows } = await this.pool.query<ApiKeyRow>('SELECT * FROM api_keys WHERE hash = $1', [hash]);
    return rows[0] ? keyOf(rows[0]) : null;
  }

  async get(id: string): Promise<ApiKey | null> {
    const { rows } = await this.pool.query<ApiKeyRow>('SELECT * FROM api_keys WHERE id = $1', [id]);
    return rows[0] ? keyOf(rows[0]) : null;
  }

  async list(): Promise<ApiKey[]> {
    const { rows } = await this.pool.query<ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at::timestamptz DESC, id');
    return rows.map(keyOf);
  }

  async revoke(id: string, at: string): Promise<ApiKey | null> {
    const { rows } = await this.pool.query<ApiKeyRow>(
      'UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING *',
      [id, at],
    );
    return rows[0] ? keyOf(rows[0]) : null;
  }

  async close(): Promise<void> {}
}
