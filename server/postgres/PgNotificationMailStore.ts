/**
 * NotificationMailStore in PostgreSQL (migration 0007). "Queued once per person and event" and "one
 * digest per person and period" are primary keys (an INSERT … ON CONFLICT DO NOTHING that inserted
 * nothing is the second); a sender takes a row with one conditional UPDATE, so of several nodes
 * looking at once exactly one sends it.
 */
import type { DigestRecord, MailMode, NotificationMailStore, QueuedMail } from '../../lib/notifications/NotificationMailStore';
import type { StoredNotificationSettings } from '../../lib/notifications/NotificationSettings';
import type { Pool } from './createPool';

const QUEUE_COLUMNS = 'person_id, event_id, mode, state, queued_at, next_attempt_at, lease_until, done_at, data';
const DIGEST_COLUMNS = 'person_id, period, state, created_at, next_attempt_at, lease_until, done_at, data';

const mailRow = (mail: QueuedMail) => [
  mail.personId,
  mail.eventId,
  mail.mode,
  mail.state,
  mail.queuedAt,
  mail.nextAttemptAt,
  mail.leaseUntil ?? null,
  mail.doneAt ?? null,
  JSON.stringify(mail),
];
const digestRow = (digest: DigestRecord) => [
  digest.personId,
  digest.period,
  digest.state,
  digest.createdAt,
  digest.nextAttemptAt,
  digest.leaseUntil ?? null,
  digest.doneAt ?? null,
  JSON.stringify(digest),
];

export class PgNotificationMailStore implements NotificationMailStore {
  constructor(private readonly pool: Pool) {}

  async getSettings(personId: string): Promise<StoredNotificationSettings | null> {
    const { rows } = await this.pool.query<{ data: StoredNotificationSettings }>(
      'SELECT data FROM notification_settings WHERE person_id = $1',
      [personId],
    );
    return rows[0]?.data ?? null;
  }

  async putSettings(settings: StoredNotificationSettings): Promise<void> {
    await this.pool.query(
      `INSERT INTO notification_settings (person_id, updated_at, data) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET updated_at = EXCLUDED.updated_at, data = EXCLUDED.data`,
      [settings.personId, settings.updatedAt, JSON.stringify(settings)],
    );
  }

  async enqueue(mail: QueuedMail): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO notification_mail_queue (${QUEUE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (person_id, event_id) DO NOTHING`,
      mailRow(mail),
    );
    return rowCount === 1;
  }

  async getMail(personId: string, eventId: string): Promise<QueuedMail | null> {
    const { rows } = await this.pool.query<{ data: QueuedMail }>(
      'SELECT data FROM notification_mail_queue WHERE person_id = $1 AND event_id = $2',
      [personId, eventId],
    );
    return rows[0]?.data ?? null;
  }

  async pendingMails(mode: MailMode, limit: number): Promise<QueuedMail[]> {
    const { rows } = await this.pool.query<{ data: QueuedMail }>(
      `SELECT data FROM notification_mail_queue WHERE state = 'pending' AND mode = $1 ORDER BY queued_at, person_id, event_id LIMIT $2`,
      [mode, limit],
    );
    return rows.map((row) => row.data);
  }

  claimMail(personId: string, eventId: string, now: string, until: string): Promise<QueuedMail | null> {
    return this.claim<QueuedMail>('notification_mail_queue', 'event_id', [personId, eventId, now, until]);
  }

  async updateMail(mail: QueuedMail): Promise<void> {
    await this.pool.query(
      `INSERT INTO notification_mail_queue (${QUEUE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (person_id, event_id) DO UPDATE SET mode = EXCLUDED.mode, state = EXCLUDED.state, queued_at = EXCLUDED.queued_at,
         next_attempt_at = EXCLUDED.next_attempt_at, lease_until = EXCLUDED.lease_until, done_at = EXCLUDED.done_at, data = EXCLUDED.data`,
      mailRow(mail),
    );
  }

  async addDigest(digest: DigestRecord): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO notification_digests (${DIGEST_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (person_id, period) DO NOTHING`,
      digestRow(digest),
    );
    return rowCount === 1;
  }

  async getDigest(personId: string, period: string): Promise<DigestRecord | null> {
    const { rows } = await this.pool.query<{ data: DigestRecord }>(
      'SELECT data FROM notification_digests WHERE person_id = $1 AND period = $2',
      [personId, period],
    );
    return rows[0]?.data ?? null;
  }

  async pendingDigests(limit: number): Promise<DigestRecord[]> {
    const { rows } = await this.pool.query<{ data: DigestRecord }>(
      `SELECT data FROM notification_digests WHERE state = 'pending' ORDER BY created_at, person_id, period LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.data);
  }

  claimDigest(personId: string, period: string, now: string, until: string): Promise<DigestRecord | null> {
    return this.claim<DigestRecord>('notification_digests', 'period', [personId, period, now, until]);
  }

  /** The lease, one conditional UPDATE: pending, due at `now`, and held by no other sender; the row taken, or null. */
  private async claim<T>(
    table: 'notification_mail_queue' | 'notification_digests',
    keyColumn: 'event_id' | 'period',
    [personId, key, now, until]: readonly [string, string, string, string],
  ): Promise<T | null> {
    const { rows } = await this.pool.query<{ data: T }>(
      `UPDATE ${table} SET lease_until = $4, data = jsonb_set(data, '{leaseUntil}', to_jsonb($4::text))
       WHERE person_id = $1 AND ${keyColumn} = $2 AND state = 'pending' AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
       RETURNING data`,
      [personId, key, now, until],
    );
    return rows[0]?.data ?? null;
  }

  async updateDigest(digest: DigestRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO notification_digests (${DIGEST_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (person_id, period) DO UPDATE SET state = EXCLUDED.state, created_at = EXCLUDED.created_at,
         next_attempt_at = EXCLUDED.next_attempt_at, lease_until = EXCLUDED.lease_until, done_at = EXCLUDED.done_at, data = EXCLUDED.data`,
      digestRow(digest),
    );
  }

  async forgetPerson(personId: string, formerName: string): Promise<number> {
    await this.pool.query(
      `UPDATE notification_mail_queue SET data = jsonb_set(data, '{notification,data,actorName}', to_jsonb($2::text))
       WHERE state = 'pending' AND data->'notification'->'data'->>'actorId' = $1`,
      [personId, formerName],
    );
    let deleted = 0;
    for (const table of ['notification_settings', 'notification_mail_queue', 'notification_digests']) {
      deleted += (await this.pool.query(`DELETE FROM ${table} WHERE person_id = $1`, [personId])).rowCount ?? 0;
    }
    return deleted;
  }

  async deleteDoneBefore(before: string): Promise<number> {
    const mails = await this.pool.query(`DELETE FROM notification_mail_queue WHERE state <> 'pending' AND done_at < $1`, [before]);
    const digests = await this.pool.query(`DELETE FROM notification_digests WHERE state <> 'pending' AND done_at < $1`, [before]);
    return (mails.rowCount ?? 0) + (digests.rowCount ?? 0);
  }

  async close(): Promise<void> {}
}
