/**
 * People, organisations, memberships, workspaces, sessions and one-time tokens in PostgreSQL, one
 * table each. Every check and the write it guards are one statement or one transaction, so the
 * AccountStore's atomicity holds across nodes: unique e-mails by a unique index, one use of a
 * token by a conditional UPDATE, "keep an active admin" under the locks of every active admin.
 * Names sort in Danish order (the samskriv_da ICU collation); searches lower-case with it.
 */
import {
  AccountStoreError,
  type AccountStore,
  type Membership,
  type OneTimeToken,
  type OneTimeTokenPurpose,
  type Organisation,
  type OrganisationPatch,
  type Page,
  type PageQuery,
  type Person,
  type PersonContext,
  type PersonPatch,
  type Session,
  type SessionContext,
  type SessionPatch,
  type Workspace,
  type WorkspacePatch,
  storedWorkspace,
  workspaceKindOf,
} from '../../lib/people/AccountStore';
import type { OrganisationKind, PlatformRole } from '../../lib/access/model';
import { isLocale } from '../../lib/i18n/locales';
import { inTransaction, sqlState, type Pool, type PoolClient } from './createPool';

interface PersonRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: PlatformRole;
  disabled: boolean;
  created_at: string;
  updated_at: string;
  locale: string | null;
}
interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  cvr: string | null;
  created_at: string;
  removed_at?: string | null;
}
interface WorkspaceRow {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
  member_ids: string[];
  kind: string;
}
interface SessionRow {
  id_hash: string;
  person_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  acting_for_set: boolean;
  acting_for_organisation_id: string | null;
  user_agent: string | null;
}
interface TokenRow {
  hash: string;
  purpose: OneTimeTokenPurpose;
  person_id: string | null;
  expires_at: string;
  used_at: string | null;
}

const personOf = (row: PersonRow): Person => ({
  id: row.id,
  email: row.email,
  name: row.name,
  passwordHash: row.password_hash,
  role: row.role,
  disabled: row.disabled,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  ...(isLocale(row.locale) && { locale: row.locale }),
});
const organisationOf = (row: OrganisationRow): Organisation => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  ...(row.cvr !== null && { cvr: row.cvr }),
  createdAt: row.created_at,
  ...(typeof row.removed_at === 'string' && { removedAt: row.removed_at }),
});
const workspaceOf = (row: WorkspaceRow): Workspace => ({
  id: row.id,
  name: row.name,
  ...(row.description !== null && { description: row.description }),
  createdAt: row.created_at,
  memberIds: row.member_ids,
  ...(row.kind === 'forum' && { kind: 'forum' as const }),
});
const sessionOf = (row: SessionRow): Session => ({
  idHash: row.id_hash,
  personId: row.person_id,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
  ...(row.acting_for_set && { actingForOrganisationId: row.acting_for_organisation_id }),
  ...(row.user_agent !== null && row.user_agent !== undefined && { userAgent: row.user_agent }),
});
const tokenOf = (row: TokenRow): OneTimeToken => ({
  hash: row.hash,
  purpose: row.purpose,
  ...(row.person_id !== null && { personId: row.person_id }),
  expiresAt: row.expires_at,
  ...(row.used_at !== null && { usedAt: row.used_at }),
});

const WORKSPACE_SELECT = `
  SELECT w.id, w.name, w.description, w.created_at, w.kind,
         coalesce((SELECT array_agg(m.person_id ORDER BY m.position) FROM workspace_members m WHERE m.workspace_id = w.id), '{}') AS member_ids
  FROM workspaces w`;

const needleOf = (query: PageQuery): string => query.query?.trim().toLocaleLowerCase('da') ?? '';
const isUnique = (error: unknown, constraint?: string) =>
  sqlState(error).code === '23505' && (constraint === undefined || sqlState(error).constraint === constraint);
const isMissingReference = (error: unknown) => sqlState(error).code === '23503';

export class PgAccountStore implements AccountStore {
  constructor(private readonly pool: Pool) {}

  async createPerson(person: Person): Promise<Person> {
    const stored: Person = { ...person, email: person.email.toLowerCase() };
    try {
      await this.pool.query(
        `INSERT INTO people (id, email, name, password_hash, role, disabled, created_at, updated_at, locale)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          stored.id,
          stored.email,
          stored.name,
          stored.passwordHash,
          stored.role,
          stored.disabled,
          stored.createdAt,
          stored.updatedAt,
          stored.locale ?? null,
        ],
      );
    } catch (error) {
      if (isUnique(error, 'people_pkey')) throw new AccountStoreError('id_taken', `a person with id ${stored.id} exists already`);
      if (isUnique(error)) throw new AccountStoreError('email_taken', 'a person with that e-mail exists already');
      throw error;
    }
    return stored;
  }

  async getPerson(id: string): Promise<Person | null> {
    const { rows } = await this.pool.query<PersonRow>('SELECT * FROM people WHERE id = $1', [id]);
    return rows[0] ? personOf(rows[0]) : null;
  }

  async getPeopleContexts(ids: readonly string[]): Promise<PersonContext[]> {
    if (ids.length === 0) return [];
    // One statement for the whole set: each person with the ids the Actor needs (as getSessionContext).
    const { rows } = await this.pool.query<{ person: PersonRow; organisation_ids: string[]; workspace_ids: string[] }>(
      `SELECT to_jsonb(p) AS person,
         ARRAY(SELECT organisation_id FROM memberships WHERE person_id = p.id ORDER BY organisation_id) AS organisation_ids,
         ARRAY(SELECT workspace_id FROM workspace_members WHERE person_id = p.id ORDER BY position) AS workspace_ids
       FROM people p WHERE p.id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return rows.map((row) => ({ person: personOf(row.person), organisationIds: row.organisation_ids, workspaceIds: row.workspace_ids }));
  }

  async getPersonByEmail(email: string): Promise<Person | null> {
    const { rows } = await this.pool.query<PersonRow>('SELECT * FROM people WHERE email = $1', [email.toLowerCase()]);
    return rows[0] ? personOf(rows[0]) : null;
  }

  updatePerson(id: string, patch: PersonPatch, options: { readonly keepActiveAdmin?: boolean } = {}): Promise<Person | null> {
    return inTransaction(this.pool, async (client) => {
      // Every active admin's row is locked first (in one order), so two demotions cannot both
      // count the other as the admin who remains.
      const admins = options.keepActiveAdmin
        ? (await client.query<{ id: string }>(`SELECT id FROM people WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`)).rows
        : [];
      const { rows } = await client.query<PersonRow>('SELECT * FROM people WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0]) return null;
      const before = personOf(rows[0]);
      // Field by field: a stray key at run time (unvalidated input) must not reach the record.
      const after: Person = {
        ...before,
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.email !== undefined && { email: patch.email.toLowerCase() }),
        ...(patch.passwordHash !== undefined && { passwordHash: patch.passwordHash }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
        ...(patch.updatedAt !== undefined && { updatedAt: patch.updatedAt }),
        ...(patch.locale !== undefined && { locale: patch.locale }),
      };
      const isActiveAdmin = (person: Person) => person.role === 'admin' && !person.disabled;
      if (options.keepActiveAdmin && isActiveAdmin(before) && !isActiveAdmin(after) && !admins.some((admin) => admin.id !== id)) {
        throw new AccountStoreError('last_admin', 'the platform must keep at least one active admin');
      }
      try {
        await client.query(
          'UPDATE people SET name = $2, password_hash = $3, role = $4, disabled = $5, updated_at = $6, email = $7, locale = $8 WHERE id = $1',
          [id, after.name, after.passwordHash, after.role, after.disabled, after.updatedAt, after.email, after.locale ?? null],
        );
      } catch (error) {
        if (isUnique(error)) throw new AccountStoreError('email_taken', 'a person with that e-mail exists already');
        throw error;
      }
      return after;
    });
  }

  deletePerson(id: string, options: { readonly keepActiveAdmin?: boolean } = {}): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      // As in updatePerson: every active admin locked first, so two deletions cannot both leave the other.
      const admins = options.keepActiveAdmin
        ? (await client.query<{ id: string }>(`SELECT id FROM people WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`)).rows
        : [];
      const { rows } = await client.query<PersonRow>('SELECT * FROM people WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0]) return false;
      const person = personOf(rows[0]);
      if (options.keepActiveAdmin && person.role === 'admin' && !person.disabled && !admins.some((admin) => admin.id !== id)) {
        throw new AccountStoreError('last_admin', 'the platform must keep at least one active admin');
      }
      await client.query('DELETE FROM sessions WHERE person_id = $1', [id]);
      await client.query('DELETE FROM one_time_tokens WHERE person_id = $1', [id]);
      await client.query('DELETE FROM memberships WHERE person_id = $1', [id]);
      await client.query('DELETE FROM workspace_members WHERE person_id = $1', [id]);
      await client.query('DELETE FROM people WHERE id = $1', [id]);
      return true;
    });
  }

  async listPeople(query: PageQuery): Promise<Page<Person>> {
    return this.page<PersonRow, Person>(
      'people',
      `$1 = '' OR strpos(lower(name COLLATE samskriv_da), $1) > 0 OR strpos(email, $1) > 0`,
      query,
      personOf,
    );
  }

  async countActiveAdmins(): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM people WHERE role = 'admin' AND NOT disabled`,
    );
    return rows[0]?.count ?? 0;
  }

  async createOrganisation(organisation: Organisation): Promise<Organisation> {
    try {
      await this.pool.query('INSERT INTO organisations (id, name, kind, cvr, created_at, removed_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        organisation.id,
        organisation.name,
        organisation.kind,
        organisation.cvr ?? null,
        organisation.createdAt,
        organisation.removedAt ?? null,
      ]);
    } catch (error) {
      if (isUnique(error)) throw new AccountStoreError('id_taken', `an organisation with id ${organisation.id} exists already`);
      throw error;
    }
    return structuredClone(organisation);
  }

  async getOrganisation(id: string): Promise<Organisation | null> {
    const { rows } = await this.pool.query<OrganisationRow>('SELECT * FROM organisations WHERE id = $1 AND removed_at IS NULL', [id]);
    return rows[0] ? organisationOf(rows[0]) : null;
  }

  async listOrganisations(query: PageQuery): Promise<Page<Organisation>> {
    return this.page<OrganisationRow, Organisation>(
      'organisations',
      `removed_at IS NULL AND ($1 = '' OR strpos(lower(name COLLATE samskriv_da), $1) > 0 OR strpos(lower(coalesce(cvr, '') COLLATE samskriv_da), $1) > 0)`,
      query,
      organisationOf,
    );
  }

  async addMembership({ personId, organisationId }: Membership): Promise<boolean> {
    try {
      return await inTransaction(this.pool, async (client) => {
        // Locked against removeOrganisation: a removed organisation takes no members.
        const { rows } = await client.query('SELECT removed_at FROM organisations WHERE id = $1 FOR SHARE', [organisationId]);
        if (rows[0] && rows[0].removed_at !== null) throw new AccountStoreError('not_found', 'no such organisation');
        const { rowCount } = await client.query(
          'INSERT INTO memberships (person_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [personId, organisationId],
        );
        return rowCount === 1;
      });
    } catch (error) {
      if (isMissingReference(error)) throw new AccountStoreError('not_found', 'no such person or organisation');
      throw error;
    }
  }

  async removeMembership({ personId, organisationId }: Membership): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM memberships WHERE person_id = $1 AND organisation_id = $2', [
      personId,
      organisationId,
    ]);
    return rowCount === 1;
  }

  async organisationIdsOf(personId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT organisation_id AS id FROM memberships WHERE person_id = $1 ORDER BY organisation_id',
      [personId],
    );
    return rows.map((row) => row.id);
  }

  async memberIdsOf(organisationId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT person_id AS id FROM memberships WHERE organisation_id = $1 ORDER BY person_id',
      [organisationId],
    );
    return rows.map((row) => row.id);
  }

  async updateOrganisation(id: string, patch: OrganisationPatch): Promise<Organisation | null> {
    const { rows } = await this.pool.query<OrganisationRow>(
      'UPDATE organisations SET name = coalesce($2, name) WHERE id = $1 AND removed_at IS NULL RETURNING *',
      [id, patch.name ?? null],
    );
    return rows[0] ? organisationOf(rows[0]) : null;
  }

  removeOrganisation(id: string, removedAt: string): Promise<string[] | null> {
    return inTransaction(this.pool, async (client) => {
      const { rowCount } = await client.query('UPDATE organisations SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL', [
        id,
        removedAt,
      ]);
      if (rowCount !== 1) return null;
      const { rows } = await client.query<{ id: string }>('DELETE FROM memberships WHERE organisation_id = $1 RETURNING person_id AS id', [
        id,
      ]);
      return rows.map((row) => row.id).sort();
    });
  }

  async organisationNameOf(id: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [id]);
    return rows[0]?.name ?? null;
  }

  async createWorkspace(workspace: Workspace): Promise<Workspace> {
    const stored: Workspace = storedWorkspace(structuredClone(workspace));
    try {
      await inTransaction(this.pool, async (client) => {
        await client.query('INSERT INTO workspaces (id, name, description, created_at, kind) VALUES ($1, $2, $3, $4, $5)', [
          stored.id,
          stored.name,
          stored.description ?? null,
          stored.createdAt,
          workspaceKindOf(stored),
        ]);
        await client.query(
          `INSERT INTO workspace_members (workspace_id, person_id)
           SELECT $1, u.person_id FROM unnest($2::text[]) WITH ORDINALITY AS u(person_id, n) ORDER BY u.n`,
          [stored.id, stored.memberIds],
        );
      });
    } catch (error) {
      if (isUnique(error)) throw new AccountStoreError('id_taken', `a workspace with id ${stored.id} exists already`);
      if (isMissingReference(error)) throw new AccountStoreError('not_found', 'no such person');
      throw error;
    }
    return stored;
  }

  async getWorkspace(id: string): Promise<Workspace | null> {
    const { rows } = await this.pool.query<WorkspaceRow>(`${WORKSPACE_SELECT} WHERE w.id = $1`, [id]);
    return rows[0] ? workspaceOf(rows[0]) : null;
  }

  async listWorkspaces(): Promise<Workspace[]> {
    const { rows } = await this.pool.query<WorkspaceRow>(`${WORKSPACE_SELECT} ORDER BY w.name COLLATE samskriv_da, w.id`);
    return rows.map(workspaceOf);
  }

  addWorkspaceMember(workspaceId: string, personId: string): Promise<Workspace | null> {
    return this.changeWorkspace(workspaceId, async (client) => {
      try {
        await client.query('INSERT INTO workspace_members (workspace_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          workspaceId,
          personId,
        ]);
      } catch (error) {
        if (isMissingReference(error)) throw new AccountStoreError('not_found', 'no such person');
        throw error;
      }
    });
  }

  removeWorkspaceMember(workspaceId: string, personId: string): Promise<Workspace | null> {
    return this.changeWorkspace(workspaceId, async (client) => {
      await client.query('DELETE FROM workspace_members WHERE workspace_id = $1 AND person_id = $2', [workspaceId, personId]);
    });
  }

  updateWorkspace(id: string, patch: WorkspacePatch): Promise<Workspace | null> {
    return this.changeWorkspace(id, async (client) => {
      await client.query(
        `UPDATE workspaces SET name = coalesce($2, name), description = CASE WHEN $3 THEN $4 ELSE description END,
           kind = coalesce($5, kind) WHERE id = $1`,
        [id, patch.name ?? null, patch.description !== undefined, patch.description ?? null, patch.kind ?? null],
      );
    });
  }

  deleteWorkspace(id: string): Promise<Workspace | null> {
    return inTransaction(this.pool, async (client) => {
      const locked = await client.query('SELECT id FROM workspaces WHERE id = $1 FOR UPDATE', [id]);
      if (locked.rows.length === 0) return null;
      const { rows } = await client.query<WorkspaceRow>(`${WORKSPACE_SELECT} WHERE w.id = $1`, [id]);
      if (!rows[0]) return null;
      await client.query('DELETE FROM workspace_members WHERE workspace_id = $1', [id]);
      await client.query('DELETE FROM workspaces WHERE id = $1', [id]);
      return workspaceOf(rows[0]);
    });
  }

  async workspaceIdsOf(personId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT workspace_id AS id FROM workspace_members WHERE person_id = $1 ORDER BY position',
      [personId],
    );
    return rows.map((row) => row.id);
  }

  async createSession(session: Session): Promise<Session> {
    try {
      await this.pool.query(
        `INSERT INTO sessions (id_hash, person_id, created_at, last_seen_at, expires_at, acting_for_set, acting_for_organisation_id, user_agent)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          session.idHash,
          session.personId,
          session.createdAt,
          session.lastSeenAt,
          session.expiresAt,
          session.actingForOrganisationId !== undefined,
          session.actingForOrganisationId ?? null,
          session.userAgent ?? null,
        ],
      );
    } catch (error) {
      if (isUnique(error)) throw new AccountStoreError('id_taken', 'a session with that id exists already');
      if (isMissingReference(error)) throw new AccountStoreError('not_found', 'no such person');
      throw error;
    }
    return structuredClone(session);
  }

  async getSession(idHash: string): Promise<Session | null> {
    const { rows } = await this.pool.query<SessionRow>('SELECT * FROM sessions WHERE id_hash = $1', [idHash]);
    return rows[0] ? sessionOf(rows[0]) : null;
  }

  async getSessionContext(idHash: string): Promise<SessionContext | null> {
    // One statement: the session, its person as a row object, and the ids the Actor needs.
    const { rows } = await this.pool.query<SessionRow & { person: PersonRow | null; organisation_ids: string[]; workspace_ids: string[] }>(
      `SELECT s.*,
         (SELECT to_jsonb(p) FROM people p WHERE p.id = s.person_id) AS person,
         ARRAY(SELECT organisation_id FROM memberships WHERE person_id = s.person_id ORDER BY organisation_id) AS organisation_ids,
         ARRAY(SELECT workspace_id FROM workspace_members WHERE person_id = s.person_id ORDER BY position) AS workspace_ids
       FROM sessions s WHERE s.id_hash = $1`,
      [idHash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      session: sessionOf(row),
      person: row.person ? personOf(row.person) : null,
      organisationIds: row.organisation_ids,
      workspaceIds: row.workspace_ids,
    };
  }

  async listSessionsOf(personId: string): Promise<Session[]> {
    const { rows } = await this.pool.query<SessionRow>('SELECT * FROM sessions WHERE person_id = $1 ORDER BY created_at DESC, id_hash', [
      personId,
    ]);
    return rows.map(sessionOf);
  }

  async updateSession(idHash: string, patch: SessionPatch): Promise<Session | null> {
    const acting = patch.actingForOrganisationId;
    const { rows } = await this.pool.query<SessionRow>(
      `UPDATE sessions SET
         last_seen_at = coalesce($2, last_seen_at),
         expires_at = coalesce($3, expires_at),
         acting_for_set = acting_for_set OR $4,
         acting_for_organisation_id = CASE WHEN $4 THEN $5 ELSE acting_for_organisation_id END
       WHERE id_hash = $1 RETURNING *`,
      [idHash, patch.lastSeenAt ?? null, patch.expiresAt ?? null, acting !== undefined, acting ?? null],
    );
    return rows[0] ? sessionOf(rows[0]) : null;
  }

  async deleteSession(idHash: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
    return rowCount === 1;
  }

  async deleteSessionsOf(personId: string, options: { readonly exceptIdHash?: string } = {}): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM sessions WHERE person_id = $1 AND id_hash IS DISTINCT FROM $2', [
      personId,
      options.exceptIdHash ?? null,
    ]);
    return rowCount ?? 0;
  }

  async createToken(token: OneTimeToken): Promise<OneTimeToken> {
    try {
      await this.pool.query('INSERT INTO one_time_tokens (hash, purpose, person_id, expires_at, used_at) VALUES ($1, $2, $3, $4, $5)', [
        token.hash,
        token.purpose,
        token.personId ?? null,
        token.expiresAt,
        token.usedAt ?? null,
      ]);
    } catch (error) {
      if (isUnique(error)) throw new AccountStoreError('id_taken', 'a token with that hash exists already');
      throw error;
    }
    return structuredClone(token);
  }

  async consumeToken(hash: string, purpose: OneTimeTokenPurpose, now: string): Promise<OneTimeToken | null> {
    const { rows } = await this.pool.query<TokenRow>(
      `UPDATE one_time_tokens SET used_at = $3::text
       WHERE hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at::timestamptz > $4::timestamptz
       RETURNING *`,
      [hash, purpose, now, now],
    );
    return rows[0] ? tokenOf(rows[0]) : null;
  }

  async deleteTokens(filter: { readonly purpose: OneTimeTokenPurpose; readonly personId?: string }): Promise<number> {
    const { rowCount } =
      filter.personId === undefined
        ? await this.pool.query('DELETE FROM one_time_tokens WHERE purpose = $1', [filter.purpose])
        : await this.pool.query('DELETE FROM one_time_tokens WHERE purpose = $1 AND person_id = $2', [filter.purpose, filter.personId]);
    return rowCount ?? 0;
  }

  pruneExpired(now: string): Promise<{ sessions: number; tokens: number }> {
    return inTransaction(this.pool, async (client) => {
      const sessions = await client.query('DELETE FROM sessions WHERE expires_at::timestamptz <= $1::timestamptz', [now]);
      const tokens = await client.query(
        'DELETE FROM one_time_tokens WHERE used_at IS NOT NULL OR expires_at::timestamptz <= $1::timestamptz',
        [now],
      );
      return { sessions: sessions.rowCount ?? 0, tokens: tokens.rowCount ?? 0 };
    });
  }

  async close(): Promise<void> {}

  /** One page of a table's rows matching `where` ($1 is the lower-cased needle), in Danish name order, and how many match. */
  private async page<Row, T>(table: 'people' | 'organisations', where: string, query: PageQuery, map: (row: Row) => T): Promise<Page<T>> {
    const needle = needleOf(query);
    const offset = Math.max(0, query.offset);
    const limit = Math.max(0, query.limit);
    const [items, total] = await Promise.all([
      this.pool.query(`SELECT * FROM ${table} WHERE ${where} ORDER BY name COLLATE samskriv_da, id OFFSET $2 LIMIT $3`, [
        needle,
        offset,
        limit,
      ]),
      this.pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table} WHERE ${where}`, [needle]),
    ]);
    return { items: (items.rows as Row[]).map(map), total: total.rows[0]?.count ?? 0 };
  }

  /** Runs `change` with the workspace's row locked; null (and nothing done) for an unknown workspace. */
  private changeWorkspace(id: string, change: (client: PoolClient) => Promise<void>): Promise<Workspace | null> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query('SELECT id FROM workspaces WHERE id = $1 FOR UPDATE', [id]);
      if (rows.length === 0) return null;
      await change(client);
      const { rows: changed } = await client.query<WorkspaceRow>(`${WORKSPACE_SELECT} WHERE w.id = $1`, [id]);
      return workspaceOf(changed[0]!);
    });
  }
}
