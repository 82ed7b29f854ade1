/**
 * A real HTTP server on 127.0.0.1, port 0, with the sync endpoint mounted as the process entry
 * mounts it, over a given store (memory by default) and an in-memory metadata store. Inside a
 * test it registers its own teardown; call `close()` yourself to restart on the same data.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { mintSyncToken, type Access } from '../../lib/auth/syncToken';
import { hashSessionId } from '../../lib/auth/sessionId';
import type { DocumentStore } from '../../lib/storage/DocumentStore';
import type { MetadataStore } from '../../lib/storage/MetadataStore';
import { createDocumentService, type ClosableDocumentService } from '../../server/documents/createDocumentService';
import { MemoryDocumentStore } from '../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../server/storage/MemoryMetadataStore';
import { createSyncServer, type SyncLimits, type SyncServer } from '../../server/sync/createSyncServer';
import { recordingLogger, type RecordingLogger } from './recordingLogger';
import { PROTOCOL_TEST_ROOTS } from './protocolTestRoots';
import { TEST_SECRET, token } from './tokens';
import { SESSION_COOKIE } from '../../lib/auth/sessionCookie';
import type { PlatformRole } from '../../lib/access/model';
import {
  MemoryAccountStore,
  createAccessEvents,
  createAccountService,
  createPrincipalByHashResolver,
  createPrincipalResolver,
  createSessionService,
  type AccessEvents,
  type AccountService,
} from '../../server/people';
import { startSession } from '../../server/people/startSession';
import { MemoryApiKeyStore, createApiKeyService, type ApiKeyService } from '../../server/apiKeys';
import { cheapHasher } from './cheapHasher';
import type { ClusterBus } from '../../lib/sync/ClusterBus';
import type { ApiKeyStore } from '../../lib/apiKeys/ApiKeyStore';
import type { DocumentId } from '../../lib/documentId';

/** Every person made by `cookie()` joins it, and `createDocument()` makes it an editor. */
export const TEST_TEAM = 'o_testholdet';

export interface TestPerson {
  readonly personId: string;
  readonly email: string;
  /** A Cookie header with the person's session. */
  readonly cookie: string;
  readonly sessionId: string;
}

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
  /** Root shared types documents may have; default PROTOCOL_TEST_ROOTS (pass DOCUMENT_ROOTS for production's). */
  readonly roots?: readonly string[];
  /** Scale-out: this server is one node of a cluster over this bus (tests/integration/cluster*.test.ts). */
  readonly cluster?: ClusterBus;
  /** Another node's account store (the people all nodes share); the test team is made by its first user. */
  readonly accountStore?: MemoryAccountStore;
  /** Another node's API key store (keys all nodes share). */
  readonly apiKeyStore?: ApiKeyStore;
  /** The sync server's hook for durable body edits (the process entry gives it the body watch). */
  readonly onStored?: (documentId: string, by: string | null, update: Uint8Array) => void;
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
  /** Creates a document (a heading with its title and an empty paragraph, seeded on the server) and returns its id. */
  createDocument(id: string, title?: string): Promise<DocumentId>;
  /** A sync token signed with the server's secret. */
  token(documentId: string, access: Access, extra?: Parameters<typeof token>[2]): Promise<string>;
  /** A browser sync token as the app mints it: bound to the person's session (sid), for `documentId`. */
  sessionToken(who: TestPerson, documentId: string, access?: Access, ttlSeconds?: number): Promise<string>;
  readonly accountStore: MemoryAccountStore;
  readonly accounts: AccountService;
  readonly events: AccessEvents;
  /** The platform API's keys, as the process entry hands them to the sync server (admins: `person(…, { role: 'admin' })`). */
  readonly apiKeys: ApiKeyService;
  readonly apiKeyStore: ApiKeyStore;
  /** A Cookie header with a valid session of a new person on the test team (editor on `createDocument` documents). */
  cookie(name?: string): Promise<string>;
  /** A new signed-in person; `team: false` keeps them off the test team. */
  person(name?: string, options?: { team?: boolean; role?: PlatformRole }): Promise<TestPerson>;
  /** Closes the sync endpoint (1001, flush), the document service, the store and the HTTP server. Idempotent. */
  close(): Promise<void>;
}

export async function startSyncServer(options: StartSyncServerOptions = {}): Promise<TestSyncServer> {
  const store = options.store ?? new MemoryDocumentStore();
  const metadata = options.metadata ?? new MemoryMetadataStore();
  const documents = createDocumentService({ store, metadata, touchDelayMs: 50 });
  const logger = recordingLogger();
  const accountStore = options.accountStore ?? new MemoryAccountStore();
  const events = createAccessEvents();
  const accounts = createAccountService({ store: accountStore, events, passwords: cheapHasher() });
  const sessions = createSessionService({ store: accountStore, events });
  const resolveSession = createPrincipalResolver(sessions, accountStore);
  const resolveSessionByHash = createPrincipalByHashResolver(sessions, accountStore);
  const apiKeyStore = options.apiKeyStore ?? new MemoryApiKeyStore();
  const apiKeys = createApiKeyService({ store: apiKeyStore, accounts: accountStore });
  if (!options.accountStore)
    await accountStore.createOrganisation({ id: TEST_TEAM, name: 'Testholdet', kind: 'association', createdAt: new Date().toISOString() });
  // A second node on a shared store numbers its people apart from the first's.
  let people = options.accountStore ? 1000 : 0;
  async function person(name = 'Karen Blixen', personOptions: { team?: boolean; role?: PlatformRole } = {}): Promise<TestPerson> {
    people += 1;
    const at = new Date().toISOString();
    const email = `person${people}@eksempel.dk`;
    const created = await accountStore.createPerson({
      id: `p_test${people}`,
      email,
      name,
      passwordHash: 'not-a-hash', // never signs in with a password: the session is made directly
      role: personOptions.role ?? 'citizen',
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
    if (personOptions.team !== false) await accountStore.addMembership({ personId: created.id, organisationId: TEST_TEAM });
    const { sessionId } = await startSession(accountStore, created.id, Date.now());
    return { personId: created.id, email, sessionId, cookie: `${SESSION_COOKIE}=${sessionId}` };
  }
  const sync = createSyncServer({
    store,
    documents,
    secret: TEST_SECRET,
    logger,
    resolveSession,
    resolveSessionByHash,
    accessEvents: events,
    apiKeys,
    limits: { ...TEST_LIMITS, ...options.limits },
    roots: options.roots ?? PROTOCOL_TEST_ROOTS,
    ...(options.cluster && { cluster: options.cluster }),
    ...(options.onStored && { onStored: options.onStored }),
  });
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
    accountStore,
    accounts,
    events,
    apiKeys,
    apiKeyStore,
    async createDocument(id, title = 'Testdokument') {
      // The title as the body's first heading too (a body holds no title since issue 9; tests anchor on this text).
      const content = {
        type: 'doc',
        content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: title }] }, { type: 'paragraph' }],
      };
      await documents.createWithContent({ id, title, template: 'blank', createdBy: { id: 'p_test', name: 'Test' } }, content);
      await documents.setGrants(id, [
        { subject: 'person', personId: 'p_test', role: 'owner' },
        { subject: 'organisation', organisationId: TEST_TEAM, role: 'editor' },
      ]);
      return id as DocumentId;
    },
    token: (documentId, access, extra) => token(documentId, access, extra),
    sessionToken: (who, documentId, access = 'edit', ttlSeconds = 300) =>
      mintSyncToken(
        { sub: who.personId, name: 'Navn fra token', doc: documentId, access, sid: hashSessionId(who.sessionId) },
        TEST_SECRET,
        ttlSeconds,
      ),
    cookie: async (name) => (await person(name)).cookie,
    person,
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
