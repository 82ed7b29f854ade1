/**
 * A real HTTP server on 127.0.0.1, port 0, with the sync endpoint mounted as the process entry
 * mounts it, over a given store (memory by default) and an in-memory metadata store. Inside a
 * test it registers its own teardown; call `close()` yourself to restart on the same data.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import type { Access } from '../../lib/auth/syncToken';
import type { DocumentStore } from '../../lib/storage/DocumentStore';
import type { MetadataStore } from '../../lib/storage/MetadataStore';
import { createDocumentService, type ClosableDocumentService } from '../../server/documents/createDocumentService';
import { MemoryDocumentStore } from '../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../server/storage/MemoryMetadataStore';
import { createSyncServer, type SyncLimits, type SyncServer } from '../../server/sync/createSyncServer';
import { recordingLogger, type RecordingLogger } from './recordingLogger';
import { sessionCookie, TEST_SECRET, token } from './tokens';

export const TEST_LIMITS: SyncLimits = {
  maxMessageBytes: 8 * 1024 * 1024,
  idleUnloadMs: 30_000,
  pingIntervalMs: 30_000,
  compactAfterBytes: 4 * 1024 * 1024,
  compactAfterRecords: 10_000,
};

export interface StartSyncServerOptions {
  /** Defaults to a fresh MemoryDocumentStore. Closed by `close()`. */
  readonly store?: DocumentStore;
  /** Defaults to a fresh MemoryMetadataStore; pass the previous one to restart on the same data. */
  readonly metadata?: MetadataStore;
  readonly limits?: Partial<SyncLimits>;
}

export interface TestSyncServer {
  /** The provider's server URL: `ws://127.0.0.1:PORT/sync`. */
  readonly url: string;
  readonly port: number;
  readonly http: Server;
  readonly sync: SyncServer;
  readonly store: DocumentStore;
  readonly metadata: MetadataStore;
  readonly documents: ClosableDocumentService;
  readonly logger: RecordingLogger;
  /** Creates a document (blank template, seeded on the server) and returns its id. */
  createDocument(id: string, title?: string): Promise<string>;
  /** A sync token signed with the server's secret. */
  token(documentId: string, access: Access, extra?: Parameters<typeof token>[2]): Promise<string>;
  /** A Cookie header with a valid session. */
  cookie(name?: string): string;
  /** Closes the sync endpoint (1001, flush), the document service, the store and the HTTP server. Idempotent. */
  close(): Promise<void>;
}

export async function startSyncServer(options: StartSyncServerOptions = {}): Promise<TestSyncServer> {
  const store = options.store ?? new MemoryDocumentStore();
  const metadata = options.metadata ?? new MemoryMetadataStore();
  const documents = createDocumentService({ store, metadata, touchDelayMs: 50 });
  const logger = recordingLogger();
  const sync = createSyncServer({ store, documents, secret: TEST_SECRET, logger, limits: { ...TEST_LIMITS, ...options.limits } });
  const http = createServer((_req, res) => res.writeHead(404).end());
  http.on('upgrade', (req, socket, head) => {
    if (!sync.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const server: TestSyncServer = {
    url: `ws://127.0.0.1:${port}/sync`,
    port,
    http,
    sync,
    store,
    metadata,
    documents,
    logger,
    async createDocument(id, title = 'Testdokument') {
      await documents.create({ id, title, template: 'blank', createdBy: { id: 'p_test', name: 'Test' } });
      return id;
    },
    token: (documentId, access, extra) => token(documentId, access, extra),
    cookie: (name) => sessionCookie(name),
    close() {
      closing ??= (async () => {
        await sync.close();
        await documents.close();
        await store.close();
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        });
      })();
      return closing;
    },
  };
  try {
    onTestFinished(() => server.close());
  } catch {
    // Started outside a test (beforeAll): the caller closes it.
  }
  return server;
}
