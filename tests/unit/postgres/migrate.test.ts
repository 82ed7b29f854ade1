/** Versioned migrations: applied once, also when two nodes start at once; a newer schema is refused. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../../server/postgres/createPool';
import { migrate, readMigrations } from '../../../server/postgres/migrate';
import { freshDatabase, MIGRATIONS_DIR } from '../../helpers/freshDatabase';

const database = await freshDatabase({ migrate: false });
const nodeA = createPool(database.url, { max: 2 });
const nodeB = createPool(database.url, { max: 2 });
afterAll(async () => {
  await Promise.all([nodeA.end(), nodeB.end()]);
});

describe('migrate', () => {
  it('applies every migration exactly once when two nodes start at the same time, and nothing the next time', async () => {
    const known = (await readMigrations(MIGRATIONS_DIR)).map((migration) => migration.version);
    const [a, b] = await Promise.all([migrate(nodeA, MIGRATIONS_DIR), migrate(nodeB, MIGRATIONS_DIR)]);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(known);
    expect(await migrate(nodeA, MIGRATIONS_DIR)).toEqual([]);
    const { rows } = await nodeA.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(known);
  });

  it('refuses a database whose schema is newer than the code, and a badly named file', async () => {
    await nodeA.query(`INSERT INTO schema_migrations (version, name) VALUES (999, 'from_the_future')`);
    await expect(migrate(nodeA, MIGRATIONS_DIR)).rejects.toThrow(/version 999, newer than this Samskriv knows/);
    await nodeA.query('DELETE FROM schema_migrations WHERE version = 999');

    const dir = await mkdtemp(join(tmpdir(), 'samskriv-migrations-'));
    try {
      await writeFile(join(dir, '0001_first.sql'), 'SELECT 1');
      await writeFile(join(dir, '0003_gap.sql'), 'SELECT 1');
      await expect(readMigrations(dir)).rejects.toThrow(/expected migration number 2/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rolls a failing migration back whole, recording nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samskriv-migrations-'));
    const pool = createPool(database.url, { max: 1 });
    try {
      for (const migration of await readMigrations(MIGRATIONS_DIR))
        await writeFile(join(dir, `${String(migration.version).padStart(4, '0')}_${migration.name}.sql`), migration.sql);
      const next = String((await readMigrations(MIGRATIONS_DIR)).length + 1).padStart(4, '0');
      await writeFile(join(dir, `${next}_broken.sql`), 'CREATE TABLE half_done (x int); SELECT no_such_function();');
      await expect(migrate(pool, dir)).rejects.toThrow(/no_such_function/);
      const { rows } = await pool.query(`SELECT to_regclass('half_done') AS table`);
      expect(rows[0]).toEqual({ table: null });
    } finally {
      await pool.end();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
