/**
 * The stores a data set lives in, built by server/createStores.ts exactly as a server start builds
 * them: the embedded stores of a data dir, or the PostgreSQL stores of a database (its schema
 * migrated first). The seeder and bench:data use only the store interfaces in lib.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommentStore } from '../../lib/comments/CommentStore';
import type { AccountStore } from '../../lib/people/AccountStore';
import type { SharingStore } from '../../lib/sharing/SharingStore';
import type { DocumentStore } from '../../lib/storage/DocumentStore';
import type { MetadataStore } from '../../lib/storage/MetadataStore';
import { createStores } from '../../server/createStores';
import { createLogger } from '../../server/logger';

export interface SeedStores {
  readonly documents: DocumentStore;
  readonly metadata: MetadataStore;
  readonly comments: CommentStore;
  readonly accounts: AccountStore;
  readonly sharing: SharingStore;
  close(): Promise<void>;
}

export type SeedTargetOptions = { readonly dataDir: string } | { readonly databaseUrl: string };

export class SeedTargetError extends Error {
  override readonly name = 'SeedTargetError';
  constructor(
    readonly code: 'database_unavailable' | 'not_empty',
    message: string,
  ) {
    super(message);
  }
}

/** Where server/postgres/migrations is. */
const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The embedded stores over a data dir (created if missing), as a start without DATABASE_URL opens them. */
export async function openEmbeddedStores(dataDir: string): Promise<SeedStores> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return createStores({
    config: { DATABASE_URL: undefined, SYNC_GROUP_COMMIT_MS: 0 },
    dataDir: dir,
    projectDir: PROJECT_DIR,
    logger: createLogger('silent'),
  });
}

/** The PostgreSQL stores of a database, its schema migrated first (as every node does at start). */
export async function openDatabaseStores(databaseUrl: string): Promise<SeedStores> {
  try {
    // The data dir is not used by the PostgreSQL stores.
    return await createStores({
      config: { DATABASE_URL: databaseUrl, SYNC_GROUP_COMMIT_MS: 0 },
      dataDir: PROJECT_DIR,
      projectDir: PROJECT_DIR,
      logger: createLogger('silent'),
    });
  } catch (error) {
    throw new SeedTargetError('database_unavailable', (error as Error).message.replace('Samskriv did not start: ', ''));
  }
}

export function openSeedStores(target: SeedTargetOptions): Promise<SeedStores> {
  return 'dataDir' in target ? openEmbeddedStores(target.dataDir) : openDatabaseStores(target.databaseUrl);
}
