/**
 * A database of its own for one test file, on the run's PostgreSQL (tests/setup/services.ts):
 * created with a random name, the schema migrated (unless asked not to), dropped after the file.
 * Call it at the top level of the file: `const database = await freshDatabase();`.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { createPool, type Pool } from '../../server/postgres/createPool';
import { migrate } from '../../server/postgres/migrate';
import { testDatabaseUrl } from './testServices';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../server/postgres/migrations', import.meta.url));

export interface FreshDatabase {
  readonly name: string;
  /** Its URL, for pools, child processes and DATABASE_URL. */
  readonly url: string;
  /** A pool the file may share (ended after the file). */
  readonly pool: Pool;
  /** Empties every table but schema_migrations (between tests of a contract suite; DELETE: TRUNCATE fsyncs new files per table). */
  truncate(): Promise<void>;
}

export async function freshDatabase(options: { readonly migrate?: boolean } = {}): Promise<FreshDatabase> {
  const admin = new URL(testDatabaseUrl());
  const name = `samskriv_test_${randomBytes(6).toString('hex')}`;
  const adminPool = createPool(admin.href, { max: 1 });
  await adminPool.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin.href);
  url.pathname = `/${name}`;
  const pool = createPool(url.href, { max: 20 });
  afterAll(async () => {
    await pool.end();
    await adminPool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminPool.end();
  });
  if (options.migrate ?? true) await migrate(pool, MIGRATIONS_DIR);
  return {
    name,
    url: url.href,
    pool,
    async truncate() {
      const { rows } = await pool.query<{ name: string }>(
        `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
      );
      // Foreign keys are not checked meanwhile (replica role), so the order of the tables does not matter.
      const deletes = rows.map((row) => `DELETE FROM ${row.name};`).join('\n');
      await pool.query(`BEGIN; SET LOCAL session_replication_role = replica; ${deletes} COMMIT;`);
    },
  };
}
