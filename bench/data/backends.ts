/**
 * The backends bench:data measures, each with its targets from issue 11: the embedded stores of a
 * data dir, and PostgreSQL. Each target is a new, empty place for a data set, written through the
 * store interfaces (storeWriter) and opened as a server start opens it (createStores).
 *
 * PostgreSQL: a fresh database per target on the server named by DATABASE_URL (its user must be
 * allowed to create databases; each is dropped afterwards), or, without DATABASE_URL, on a
 * throwaway PostgreSQL the bench starts on loopback itself, as the tests do (tests/setup).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePostgres } from '../../scripts/lib/ensurePostgres.mjs';
import { createPool } from '../../server/postgres/createPool';
import { startTestPostgres, type TestPostgres } from '../../tests/setup/startTestPostgres';
import { openDatabaseStores, openEmbeddedStores, type SeedStores } from '../seed/SeedStores';

/** One place to hold a data set: a data dir (and, for a database backend, its database). */
export interface DataTarget {
  /** The data dir (the server's DATA_DIR, also for database backends: secrets, marker files). */
  readonly dataDir: string;
  /** The stores, as a server start opens them. */
  open(): Promise<SeedStores>;
  /** What the server needs besides DATA_DIR to serve this target. */
  readonly serverEnv: Readonly<Record<string, string>>;
  remove(): Promise<void>;
}

export interface DataBackend {
  readonly name: string;
  readonly targets: { readonly commentWriteP99Ms: number };
  /** A new, empty target. */
  create(): Promise<DataTarget>;
  /** Stops what the backend started (the bench's own PostgreSQL). */
  close(): Promise<void>;
}

const emptyDataDir = () => mkdtemp(join(tmpdir(), 'samskriv-bench-data-'));

const embedded: DataBackend = {
  name: 'embedded',
  targets: { commentWriteP99Ms: 10 },
  async create() {
    const dataDir = await emptyDataDir();
    return {
      dataDir,
      open: () => openEmbeddedStores(dataDir),
      serverEnv: {},
      remove: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
  close: async () => undefined,
};

function postgres(): DataBackend {
  let started: Promise<TestPostgres> | null = null;
  /** The server's admin URL: DATABASE_URL, else the bench's own PostgreSQL (started on first use). */
  const adminUrl = async (): Promise<string> => {
    if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
    started ??= startTestPostgres(ensurePostgres());
    return (await started).url;
  };
  return {
    name: 'postgres',
    targets: { commentWriteP99Ms: 15 },
    async create() {
      const admin = createPool(await adminUrl(), { max: 1 });
      const name = `samskriv_bench_${randomBytes(6).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(await adminUrl());
      url.pathname = `/${name}`;
      const dataDir = await emptyDataDir();
      return {
        dataDir,
        open: () => openDatabaseStores(url.href),
        serverEnv: { DATABASE_URL: url.href },
        async remove() {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    },
    async close() {
      if (started) await (await started).process.stop();
    },
  };
}

export const BACKENDS: readonly DataBackend[] = [embedded, postgres()];
