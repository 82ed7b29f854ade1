/**
 * Invite links and co-author requests in PostgreSQL. "One pending request per person and document"
 * is a partial unique index, and an invite's use count is incremented in one UPDATE, so both hold
 * across nodes.
 */
import {
  PendingRequestExistsError,
  type CoAuthorRequest,
  type CoAuthorRequestPatch,
  type Invite,
  type InvitePatch,
  type InviteRole,
  type RequestState,
  type SharingStore,
} from '../../lib/sharing/SharingStore';
import { sqlState, type Pool } from './createPool';

interface InviteRow {
  id: string;
  document_id: string;
  token_hash: string;
  role: InviteRole;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  uses: number;
}
interface RequestRow {
  id: string;
  document_id: string;
  person_id: string;
  message: string;
  state: RequestState;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

const inviteOf = (row: InviteRow): Invite => ({
  id: row.id,
  documentId: row.document_id,
  tokenHash: row.token_hash,
  role: row.role,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  ...(row.revoked_at !== null && { revokedAt: row.revoked_at }),
  uses: row.uses,
});
const requestOf = (row: RequestRow): CoAuthorRequest => ({
  id: row.id,
  documentId: row.document_id,
  personId: row.person_id,
  message: row.message,
  state: row.state,
  createdAt: row.created_at,
  ...(row.decided_at !== null && { decidedAt: row.decided_at }),
  ...(row.decided_by !== null && { decidedBy: row.decided_by }),
});

export class PgSharingStore implements SharingStore {
  constructor(private readonly pool: Pool) {}

  async createInvite(invite: Invite): Promise<Invite> {
    try {
      await this.pool.query(
        `INSERT INTO invites (id, document_id, token_hash, role, created_by, created_at, expires_at, revoked_at, uses)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          invite.id,
          invite.documentId,
          invite.tokenHash,
          invite.role,
          invite.createdBy,
          invite.createdAt,
          invite.expiresAt,
          invite.revokedAt ?? null,
          invite.uses,
        ],
      );
    } catch (error) {
      if (sqlState(error).code === '23505') throw new Error(`an invite with id ${invite.id} exists already`);
      throw error;
    }
    return structuredClone(invite);
  }

  async getInviteByTokenHash(tokenHash: string): Promise<Invite | null> {
    const { rows } = await this.pool.query<InviteRow>('SELECT * FROM invites WHERE token_hash = $1 ORDER BY created_at, id LIMIT 1', [
      tokenHash,
    ]);
    return rows[0] ? inviteOf(rows[0]) : null;
  }

  async getInvite(id: string): Promise<Invite | null> {
    const { rows } = await this.pool.query<InviteRow>('SELECT * FROM invites WHERE id = $1', [id]);
    return rows[0] ? inviteOf(rows[0]) : null;
  }

  async listInvites(documentId: string): Promise<Invite[]> {
    const { rows } = await this.pool.query<InviteRow>('SELECT * FROM invites WHERE document_id = $1 ORDER BY created_at, id', [documentId]);
    return rows.map(inviteOf);
  }

  async updateInvite(id: string, patch: InvitePatch): Promise<Invite | null> {
    const { rows } = await this.pool.query<InviteRow>(
      'UPDATE invites SET revoked_at = CASE WHEN $2 THEN $3 ELSE revoked_at END WHERE id = $1 RETURNING *',
      [id, patch.revokedAt !== undefined, patch.revokedAt ?? null],
    );
    return rows[0] ? inviteOf(rows[0]) : null;
  }

  async recordInviteUse(id: string): Promise<Invite | null> {
    const { rows } = await this.pool.query<InviteRow>('UPDATE invites SET uses = uses + 1 WHERE id = $1 RETURNING *', [id]);
    return rows[0] ? inviteOf(rows[0]) : null;
  }

  async createRequest(request: CoAuthorRequest): Promise<CoAuthorRequest> {
    try {
      await this.pool.query(
        `INSERT INTO coauthor_requests (id, document_id, person_id, message, state, created_at, decided_at, decided_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          request.id,
          request.documentId,
          request.personId,
          request.message,
          request.state,
          request.createdAt,
          request.decidedAt ?? null,
          request.decidedBy ?? null,
        ],
      );
    } catch (error) {
      const { code, constraint } = sqlState(error);
      if (code === '23505' && constraint === 'coauthor_requests_one_pending') {
        throw new PendingRequestExistsError('a pending request from this person exists for this document');
      }
      if (code === '23505') throw new Error(`a request with id ${request.id} exists already`);
      throw error;
    }
    return structuredClone(request);
  }

  async getRequest(id: string): Promise<CoAuthorRequest | null> {
    const { rows } = await this.pool.query<RequestRow>('SELECT * FROM coauthor_requests WHERE id = $1', [id]);
    return rows[0] ? requestOf(rows[0]) : null;
  }

  async listRequests(documentId: string): Promise<CoAuthorRequest[]> {
    const { rows } = await this.pool.query<RequestRow>('SELECT * FROM coauthor_requests WHERE document_id = $1 ORDER BY created_at, id', [
      documentId,
    ]);
    return rows.map(requestOf);
  }

  async updateRequest(id: string, patch: CoAuthorRequestPatch): Promise<CoAuthorRequest | null> {
    const { rows } = await this.pool.query<RequestRow>(
      `UPDATE coauthor_requests SET
         state = coalesce($2, state),
         decided_at = coalesce($3, decided_at),
         decided_by = coalesce($4, decided_by)
       WHERE id = $1 RETURNING *`,
      [id, patch.state ?? null, patch.decidedAt ?? null, patch.decidedBy ?? null],
    );
    return rows[0] ? requestOf(rows[0]) : null;
  }

  async close(): Promise<void> {}
}
