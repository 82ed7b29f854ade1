/**
 * The backends bench:data measures, each with its targets from issue 11. Adding PostgreSQL is one
 * entry: stores from a fresh database, the writer (storeWriter), and the server's environment.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedStores, type SeedStores } from '../seed/SeedStores';
import { writerFor } from '../seed/seedCommand';
import type { SeedWriter } from '../seed/SeedWriter';

/** One place to hold a data set: a data dir (and, for a database backend, its database). */
export interface DataTarget {
  /** The data dir (the server's DATA_DIR, also for database backends: secrets, marker files). */
  readonly dataDir: string;
  open(): Promise<SeedStores>;
  writer(stores: SeedStores): SeedWriter;
  /** What the server needs besides DATA_DIR to serve this target. */
  readonly serverEnv: Readonly<Record<string, string>>;
  remove(): Promise<void>;
}

export interface DataBackend {
  readonly name: string;
  readonly targets: { readonly commentWriteP99Ms: number };
  /** A new, empty target. */
  create(): Promise<DataTarget>;
}

const embedded: DataBackend = {
  name: 'embedded',
  targets: { commentWriteP99Ms: 10 },
  async create() {
    const dataDir = await mkdtemp(join(tmpdir(), 'samskriv-bench-data-'));
    return {
      dataDir,
      open: () => openEmbeddedStores(dataDir),
      writer: (stores) => writerFor(stores),
      serverEnv: {},
      remove: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
};

// postgres: { name: 'postgres', targets: { commentWriteP99Ms: 15 }, create: () => a fresh database + storeWriter } once its stores are in the build.
export const BACKENDS: readonly DataBackend[] = [embedded];
