/**
 * Identity links in PostgreSQL (migration 0006). The primary key (provider, sub) makes "one person
 * per `sub`" hold across nodes: an INSERT … ON CONFLICT DO NOTHING that inserted nothing lost.
 */
import type { IdentityLink, IdentityLinkStore } from '../../lib/oidc/IdentityLinkStore';
import type { Pool } from './createPool';

interface LinkRow {
  provider_id: string;
  subject: string;
  person_id: string;
  email: string;
  created_at: string;
  last_used_at: string;
}

const linkOf = (row: LinkRow): IdentityLink => ({
  providerId: row.provider_id,
  subject: row.subject,
  personId: row.person_id,
  email: row.email,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

export class PgIdentityLinkStore implements IdentityLinkStore {
  constructor(private readonly pool: Pool) {}

  async get(providerId: string, subject: string): Promise<IdentityLink | null> {
    const { rows } = await this.pool.query<LinkRow>('SELECT * FROM identity_links WHERE provider_id = $1 AND subject = $2', [
      providerId,
      subject,
    ]);
    return rows[0] ? linkOf(rows[0]) : null;
  }

  async add(link: IdentityLink): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO identity_links (provider_id, subject, person_id, email, created_at, last_used_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (provider_id, subject) DO NOTHING`,
      [link.providerId, link.subject, link.personId, link.email, link.createdAt, link.lastUsedAt],
    );
    return rowCount === 1;
  }

  async touch(providerId: string, subject: string, at: string): Promise<void> {
    await this.pool.query('UPDATE identity_links SET last_used_at = $3 WHERE provider_id = $1 AND subject = $2', [providerId, subject, at]);
  }

  async linksOf(personId: string): Promise<IdentityLink[]> {
    const { rows } = await this.pool.query<LinkRow>('SELECT * FROM identity_links WHERE person_id = $1 ORDER BY created_at, provider_id', [
      personId,
    ]);
    return rows.map(linkOf);
  }

  async deleteLinksOf(personId: string): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM identity_links WHERE person_id = $1', [personId]);
    return rowCount ?? 0;
  }

  async close(): Promise<void> {}
}
