/**
 * The stores on PostgreSQL (with DATABASE_URL): the schema migrated first, every node sharing it.
 * Apart from createStores.ts so that an embedded start never loads pg.
 */
import { PgSearchIndex } from '../search/PgSearchIndex';
import type { StoreOptions, Stores } from '../createStores';
import { PgNotificationStore } from './PgNotificationStore';
import { PgNotificationMailStore } from './PgNotificationMailStore';
import { createPool } from './createPool';
import { migrate, migrationsDir } from './migrate';
import { PgAccountStore } from './PgAccountStore';
import { PgApiKeyStore } from './PgApiKeyStore';
import { PgCommentStore } from './PgCommentStore';
import { PgDocumentStore } from './PgDocumentStore';
import { PgMetadataStore } from './PgMetadataStore';
import { PgSharingStore } from './PgSharingStore';
import { PgVersionStore } from './PgVersionStore';
import { PgIdentityLinkStore } from './PgIdentityLinkStore';

/** Connections per server process to PostgreSQL, shared by every store. */
const POOL_SIZE = 20;

export async function postgresStores(url: string, { config, projectDir, logger }: StoreOptions): Promise<Stores> {
  const pool = createPool(url, { max: POOL_SIZE, onIdleError: (error) => logger.error({ err: error }, 'a PostgreSQL connection failed') });
  try {
    const applied = await migrate(pool, migrationsDir(projectDir));
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrated the PostgreSQL schema');
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Samskriv did not start: the database named by DATABASE_URL could not be used (${reason}).`, { cause: error });
  }
  const documents = new PgDocumentStore(pool, { ledger: config.REDIS_URL !== undefined });
  const stores = {
    documents,
    metadata: new PgMetadataStore(pool),
    comments: new PgCommentStore(pool),
    accounts: new PgAccountStore(pool),
    sharing: new PgSharingStore(pool),
    apiKeys: new PgApiKeyStore(pool),
    versions: new PgVersionStore(pool),
    notifications: new PgNotificationStore(pool),
    identityLinks: new PgIdentityLinkStore(pool),
    notificationMail: new PgNotificationMailStore(pool),
    // Search (issue 14): the `danish` text search (migration 0012).
    search: new PgSearchIndex(pool),
  };
  return {
    kind: 'postgres',
    ...stores,
    ...(config.REDIS_URL !== undefined && { relayLedger: documents }),
    damaged: () => [],
    async claimOnce(step) {
      const { rowCount } = await pool.query('INSERT INTO installation_steps (name) VALUES ($1) ON CONFLICT DO NOTHING', [step]);
      return rowCount === 1;
    },
    async close() {
      for (const store of Object.values(stores)) await store.close();
      await pool.end();
    },
  };
}
