/**
 * Notifications and follows in PostgreSQL (migration 0004). "One notification per person and event"
 * is a unique constraint (an INSERT … ON CONFLICT DO NOTHING that inserted nothing is the duplicate),
 * so it holds across nodes and restarts; marking read is one UPDATE of the person's own rows.
 */
import type { Follow, NotificationData, NotificationKind, StoredNotification } from '../../lib/notifications/model';
import type { AddResult, ListNotificationsOptions, NotificationStore } from '../../lib/notifications/NotificationStore';
import { sqlState, type Pool } from './createPool';

interface NotificationRow {
  id: string;
  person_id: string;
  kind: NotificationKind;
  document_id: string;
  event_id: string;
  at: string;
  read_at: string | null;
  data: NotificationData;
}
interface FollowRow {
  person_id: string;
  document_id: string;
  following: boolean;
  auto: boolean;
  at: string;
}

const notificationOf = (row: NotificationRow): StoredNotification => ({
  id: row.id,
  personId: row.person_id,
  kind: row.kind,
  documentId: row.document_id,
  eventId: row.event_id,
  at: row.at,
  ...(row.read_at !== null && { readAt: row.read_at }),
  data: row.data,
});
const followOf = (row: FollowRow): Follow => ({
  personId: row.person_id,
  documentId: row.document_id,
  following: row.following,
  auto: row.auto,
  at: row.at,
});

export class PgNotificationStore implements NotificationStore {
  constructor(private readonly pool: Pool) {}

  async add(notification: StoredNotification): Promise<AddResult> {
    try {
      const { rowCount } = await this.pool.query(
        `INSERT INTO notifications (id, person_id, kind, document_id, event_id, at, read_at, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ON CONSTRAINT notifications_one_per_event DO NOTHING`,
        [
          notification.id,
          notification.personId,
          notification.kind,
          notification.documentId,
          notification.eventId,
          notification.at,
          notification.readAt ?? null,
          JSON.stringify(notification.data),
        ],
      );
      return rowCount === 1 ? 'added' : 'duplicate';
    } catch (error) {
      if (sqlState(error).code === '23505') throw new Error(`a notification with id ${notification.id} exists already`);
      throw error;
    }
  }

  async list(personId: string, options: ListNotificationsOptions): Promise<StoredNotification[]> {
    const { rows } = await this.pool.query<NotificationRow>(
      `SELECT * FROM notifications WHERE person_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
       ORDER BY at DESC, id DESC LIMIT $3`,
      [personId, options.unreadOnly === true, options.limit],
    );
    return rows.map(notificationOf);
  }

  async markRead(personId: string, ids: readonly string[] | 'all', at: string): Promise<number> {
    const { rowCount } =
      ids === 'all'
        ? await this.pool.query('UPDATE notifications SET read_at = $2 WHERE person_id = $1 AND read_at IS NULL', [personId, at])
        : await this.pool.query('UPDATE notifications SET read_at = $2 WHERE person_id = $1 AND read_at IS NULL AND id = ANY($3::text[])', [
            personId,
            at,
            [...ids],
          ]);
    return rowCount ?? 0;
  }

  async deleteReadBefore(before: string): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM notifications WHERE read_at IS NOT NULL AND at < $1', [before]);
    return rowCount ?? 0;
  }

  async putFollow(follow: Follow): Promise<void> {
    await this.pool.query(
      `INSERT INTO document_follows (person_id, document_id, following, auto, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_id, document_id) DO UPDATE SET following = EXCLUDED.following, auto = EXCLUDED.auto, at = EXCLUDED.at`,
      [follow.personId, follow.documentId, follow.following, follow.auto, follow.at],
    );
  }

  async addFollowIfAbsent(follow: Follow): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO document_follows (person_id, document_id, following, auto, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_id, document_id) DO NOTHING`,
      [follow.personId, follow.documentId, follow.following, follow.auto, follow.at],
    );
    return rowCount === 1;
  }

  async getFollow(personId: string, documentId: string): Promise<Follow | null> {
    const { rows } = await this.pool.query<FollowRow>('SELECT * FROM document_follows WHERE person_id = $1 AND document_id = $2', [
      personId,
      documentId,
    ]);
    return rows[0] ? followOf(rows[0]) : null;
  }

  async followsOf(documentId: string): Promise<Follow[]> {
    const { rows } = await this.pool.query<FollowRow>('SELECT * FROM document_follows WHERE document_id = $1 ORDER BY person_id', [
      documentId,
    ]);
    return rows.map(followOf);
  }

  async forgetPerson(personId: string, formerName: string): Promise<{ deleted: number; renamed: number }> {
    const deleted = await this.pool.query('DELETE FROM notifications WHERE person_id = $1', [personId]);
    const renamed = await this.pool.query(
      `UPDATE notifications SET data = jsonb_set(data, '{actorName}', to_jsonb($2::text))
       WHERE data->>'actorId' = $1 AND person_id <> $1`,
      [personId, formerName],
    );
    await this.pool.query('DELETE FROM document_follows WHERE person_id = $1', [personId]);
    return { deleted: deleted.rowCount ?? 0, renamed: renamed.rowCount ?? 0 };
  }

  async close(): Promise<void> {}
}
