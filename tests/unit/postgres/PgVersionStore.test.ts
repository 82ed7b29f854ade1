/** PgVersionStore runs the VersionStore contract against a real PostgreSQL (restart: a new store on the same database). */
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/postgres/migrate';
import { PgVersionStore } from '../../../server/postgres/PgVersionStore';
import { SAMPLE_CONTRIBUTORS, sampleVersion, versionStoreContract } from '../versions/versionStoreContract';
import { MIGRATIONS_DIR, freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();
/** Migrated by the test itself: first as the schema was before migration 0009. */
const older = await freshDatabase({ migrate: false });

versionStoreContract('PgVersionStore', {
  async make() {
    await database.truncate();
    return new PgVersionStore(database.pool);
  },
  reopen: async () => new PgVersionStore(database.pool),
});

describe('PgVersionStore and the contributors column (migration 0009)', () => {
  it('reads a version stored before the column existed as one without contributors, and stores new ones with them', async () => {
    const { pool } = older;
    // The schema as it was before contributors (every migration before 0009), and a version stored then.
    const before = await mkdtemp(join(tmpdir(), 'samskriv-migrations-'));
    try {
      for (const file of await readdir(MIGRATIONS_DIR)) if (file < '0009') await copyFile(join(MIGRATIONS_DIR, file), join(before, file));
      await migrate(pool, before);
    } finally {
      await rm(before, { recursive: true, force: true });
    }
    const old = sampleVersion('docA', 1);
    await pool.query(
      `INSERT INTO document_versions (document_id, number, kind, title, summary, published_at, published_by, closes_phase,
                                      hash, idempotency_key, yjs_state, body, html)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        old.documentId,
        old.number,
        old.kind,
        old.title,
        old.summary,
        old.publishedAt,
        JSON.stringify(old.publishedBy),
        old.closesPhase,
        old.hash,
        null,
        Buffer.from(old.content.yjsState),
        JSON.stringify(old.content.body),
        old.content.html,
      ],
    );
    await migrate(pool, MIGRATIONS_DIR);
    const store = new PgVersionStore(pool);
    const read = await store.get('docA', 1);
    expect(read!.contributors).toBeUndefined();
    expect(read!.content.body).toEqual(old.content.body);

    expect(await store.add({ ...sampleVersion('docA', 2), contributors: SAMPLE_CONTRIBUTORS })).toBe('added');
    const { rows } = await pool.query<{ contributors: unknown }>('SELECT contributors FROM document_versions WHERE number = 2');
    expect(rows[0]!.contributors).toEqual(SAMPLE_CONTRIBUTORS);
    expect((await new PgVersionStore(pool).get('docA', 2))!.contributors).toEqual(SAMPLE_CONTRIBUTORS);
  });

  it('treats a contributors value that does not read as contributors as none recorded (the version still loads)', async () => {
    const { pool } = older;
    await pool.query(`UPDATE document_versions SET contributors = '[{"kind":"robot"}]'::jsonb WHERE number = 2`);
    const read = await new PgVersionStore(pool).get('docA', 2);
    expect(read!.contributors).toBeUndefined();
    expect(read!.number).toBe(2);
  });
});
