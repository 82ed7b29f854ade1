/**
 * Where the durable data lives, chosen once at start: with `DATABASE_URL`, PostgreSQL (the schema
 * migrated first, every node sharing it; server/postgres/postgresStores.ts, imported only then, so
 * an embedded start never loads pg); without, the embedded store in DATA_DIR (checked before
 * anything is served, as before). The rest of the server sees only the store interfaces in lib/.
 */
import { join } from 'node:path';
import type { Config } from '../lib/config';
import type { ApiKeyStore } from '../lib/apiKeys/ApiKeyStore';
import type { CommentStore } from '../lib/comments/CommentStore';
import type { AccountStore } from '../lib/people/AccountStore';
import type { SharingStore } from '../lib/sharing/SharingStore';
import type { DocumentStorageError } from '../lib/storage/DocumentStorageError';
import type { DocumentStore } from '../lib/storage/DocumentStore';
import type { MetadataStore } from '../lib/storage/MetadataStore';
import type { VersionStore } from '../lib/versions/VersionStore';
import type { NotificationStore } from '../lib/notifications/NotificationStore';
import { FileNotificationStore } from './notifications/FileNotificationStore';
import type { NotificationMailStore } from '../lib/notifications/NotificationMailStore';
import { FileNotificationMailStore } from './notifications/FileNotificationMailStore';
import type { Logger } from './logger';
import { LowApiKeyStore } from './apiKeys';
import { FileCommentStore } from './comments/FileCommentStore';
import { FileAccountStore } from './people/FileAccountStore';
import { FileSharingStore } from './sharing/FileSharingStore';
import { checkDataDir } from './storage/checkDataDir';
import { FileDocumentStore } from './storage/FileDocumentStore';
import { CommitDelayDefaults } from './storage/CommitDelay';
import { FileMetadataStore } from './storage/FileMetadataStore';
import type { RelayLedger } from '../lib/sync/RelayLedger';
import { FileVersionStore } from './versions/FileVersionStore';
import type { IdentityLinkStore } from '../lib/oidc/IdentityLinkStore';
import { FileIdentityLinkStore } from './oidc/FileIdentityLinkStore';
import type { SearchIndex } from '../lib/search/SearchIndex';

export interface Stores {
  readonly kind: 'embedded' | 'postgres';
  readonly documents: DocumentStore;
  /** Documents (bodies, comment logs or versions) refused for damaged files, for /healthz; none on PostgreSQL. */
  damaged(): DocumentStorageError[];
  readonly metadata: MetadataStore;
  readonly comments: CommentStore;
  readonly accounts: AccountStore;
  readonly sharing: SharingStore;
  readonly apiKeys: ApiKeyStore;
  /** Published versions and consultation drafts (issue 9). */
  readonly versions: VersionStore;
  /** In-app notifications and who follows which document (issue 12). */
  readonly notifications: NotificationStore;
  /** Single sign-on: which person a provider's `sub` signs in as (issue 12). */
  readonly identityLinks: IdentityLinkStore;
  /** E-mail frequencies, the queue of notifications to e-mail, and the digests sent (issue 12). */
  readonly notificationMail: NotificationMailStore;
  /** Search (issue 14): PostgreSQL's `danish` text search; absent for the embedded index in DATA_DIR. */
  readonly search?: SearchIndex;
  /** In a cluster (DATABASE_URL and REDIS_URL): which stored updates still wait to be published. */
  readonly relayLedger?: RelayLedger;
  /**
   * True for the first process ever to ask for `step` on this data: with PostgreSQL once across
   * all nodes (a node with a new, empty data dir must not seed the demo documents again);
   * embedded, always (the data dir's own markers decide).
   */
  claimOnce(step: string): Promise<boolean>;
  /** Flushes and closes every store (and the connection pool). */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** REDIS_URL: absent or undefined outside a cluster (tools opening the stores leave it out). */
  readonly config: Pick<Config, 'DATABASE_URL' | 'SYNC_GROUP_COMMIT_MS'> & Partial<Pick<Config, 'REDIS_URL' | 'SYNC_GROUP_COMMIT_BUSY_MS'>>;
  readonly dataDir: string;
  /** The project root: the PostgreSQL migrations are read from server/postgres/migrations there. */
  readonly projectDir: string;
  readonly logger: Logger;
}

export async function createStores(options: StoreOptions): Promise<Stores> {
  if (!options.config.DATABASE_URL) return embeddedStores(options);
  // The PostgreSQL stores (and pg) are loaded only when they are used.
  const { postgresStores } = await import('./postgres/postgresStores');
  return postgresStores(options.config.DATABASE_URL, options);
}

async function embeddedStores({ config, dataDir, logger }: StoreOptions): Promise<Stores> {
  // A busy document's appends wait a moment to share a durable write (CommitDelay); absent from the config (tools): none.
  const busyWindow = config.SYNC_GROUP_COMMIT_BUSY_MS ? { ...CommitDelayDefaults, windowMs: config.SYNC_GROUP_COMMIT_BUSY_MS } : undefined;
  const documents = new FileDocumentStore({ dir: join(dataDir, 'docs'), groupCommitMs: config.SYNC_GROUP_COMMIT_MS, busyWindow, logger });
  // Metadata, sharing and people: record logs under records/ (one durable append per change); the
  // JSON files of earlier versions are imported on first start and kept as *.imported-<time>.
  const records = { dir: join(dataDir, 'records'), groupCommitMs: 0, logger };
  const metadata = new FileMetadataStore({ ...records, importFrom: join(dataDir, 'meta.json') });
  // Invite links and co-author requests: their own collections, beside the metadata (see docs/ARCHITECTURE.md).
  const sharing = new FileSharingStore({ ...records, importFrom: join(dataDir, 'access.json') });
  const accounts = new FileAccountStore({ ...records, importFrom: join(dataDir, 'people.json') });
  const apiKeys = new LowApiKeyStore(join(dataDir, 'api-keys.json'));
  // Comments: per-document streams in DATA_DIR/comments (comments.json is imported on first start).
  const comments = new FileCommentStore({ dataDir, groupCommitMs: config.SYNC_GROUP_COMMIT_MS, logger });
  // Versions: one file each under DATA_DIR/versions/<documentId>/ (a damaged one is refused alone, /healthz).
  const versions = new FileVersionStore({ dir: join(dataDir, 'versions') });
  // Notifications and follows: two more record collections under records/.
  const notifications = new FileNotificationStore(records);
  const identityLinks = new FileIdentityLinkStore(records);
  // E-mail settings, the mail queue and the digests: three more (FileNotificationMailStore).
  const notificationMail = new FileNotificationMailStore(records);
  // Before anything is served or written: a damaged store file stops the start, naming the file.
  const storeFile = (name: string, read: () => Promise<unknown>) => ({ path: join(dataDir, name), read });
  await checkDataDir({
    documents,
    logger,
    files: [
      // The record stores name the damaged file themselves (a log under records/, or the JSON file being imported).
      { path: dataDir, read: () => metadata.open() },
      { path: dataDir, read: () => sharing.open() },
      { path: dataDir, read: () => accounts.open() },
      { path: dataDir, read: () => notifications.open() },
      { path: dataDir, read: () => identityLinks.open() },
      { path: dataDir, read: () => notificationMail.open() },
      storeFile('api-keys.json', () => apiKeys.list()),
      // Imports comments.json and reads the catalogue; a damaged document's comments are refused alone (/healthz).
      storeFile('comments', () => comments.check()),
      // Only that the directory is there and is one: version files are read (and checked) when first used.
      storeFile('versions', () => versions.open()),
    ],
  });
  return {
    kind: 'embedded',
    documents,
    damaged: () => [...documents.damaged(), ...comments.damaged(), ...versions.damaged()],
    metadata,
    comments,
    accounts,
    sharing,
    apiKeys,
    versions,
    notifications,
    identityLinks,
    notificationMail,
    claimOnce: async () => true,
    async close() {
      // The order startServer always closed them in.
      await documents.close();
      await metadata.close();
      await sharing.close();
      await comments.close();
      await accounts.close();
      await apiKeys.close();
      await versions.close();
      await notifications.close();
      await identityLinks.close();
      await notificationMail.close();
    },
  };
}
