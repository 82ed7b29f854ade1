/**
 * Versioned schema migrations: numbered SQL files (`migrations/0001_initial.sql`, …) applied in
 * order, each recorded in `schema_migrations`. All missing ones run in ONE transaction under an
 * advisory lock, so two nodes starting at once apply each exactly once (the second waits, then
 * finds nothing to do), and a failed migration leaves the schema as it was.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inTransaction, type Pool } from './createPool';

/** pg_advisory_xact_lock key: "samskriv" in ASCII, so it does not collide with other tools' locks by chance. */
const MIGRATION_LOCK = 0x73616d736b726976n;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Where the SQL files are, from the project root (the server bundle in dist/ has no sibling files). */
export const migrationsDir = (projectDir: string): string => join(projectDir, 'server', 'postgres', 'migrations');

export async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new MigrationError(`${join(dir, file)}: a migration is named NNNN_words.sql`);
    const version = Number(match[1]);
    if (version !== migrations.length + 1)
      throw new MigrationError(`${join(dir, file)}: expected migration number ${migrations.length + 1}`);
    migrations.push({ version, name: match[2]!, sql: await readFile(join(dir, file), 'utf8') });
  }
  return migrations;
}

/** Applies the missing migrations; returns the versions applied now (none when up to date). */
export async function migrate(pool: Pool, dir: string): Promise<number[]> {
  const migrations = await readMigrations(dir);
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const done = new Set(rows.map((row) => row.version));
    const newest = rows.at(-1)?.version ?? 0;
    if (newest > migrations.length) {
      throw new MigrationError(
        `the database's schema is at version ${newest}, newer than this Samskriv knows (${migrations.length}): run the newer version`,
      );
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
