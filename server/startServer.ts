/**
 * Wires one process: the data dir, storage, the document service, the sync endpoint and (unless
 * sync-only) Next.js, on ONE HTTP server and port. Returns a handle whose close() is the graceful
 * shutdown: stop accepting, close sockets with 1001, flush every pending write.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Config } from '../lib/config';
import { setServices } from '../lib/services';
import { createSignUpNoticeService } from './mail/createSignUpNoticeService';
import { createResetMailService } from './mail/createResetMailService';
import { createSmtpMailer } from './mail/createSmtpMailer';
import { createLogger, type Logger } from './logger';
import { resolveAuthSecret } from './resolveAuthSecret';
import { createDocumentService } from './documents/createDocumentService';
import { seedDemoDocuments } from './documents/seedDemoDocuments';
import { seedDemoForum } from './documents/seedDemoForum';
import { createForumService } from '../lib/forum/ForumService';
import { isForumPost } from '../lib/documents/DocumentService';
import { createSyncServer } from './sync/createSyncServer';
import { RedisClusterBus } from './scaleout/RedisClusterBus';
import { createSharingService } from './sharing/createSharingService';
import { createWebHandler, type WebHandler } from './http/createWebHandler';
import { checkHealth } from './http/checkHealth';
import { createStores } from './createStores';
import { sendJson } from './http/sendJson';
import { loggablePath } from './http/loggablePath';
import { SignInThrottle } from '../lib/auth/signInThrottle';
import { FixedWindowLimiter } from '../lib/apiKeys/FixedWindowLimiter';
import { createApiKeyService } from './apiKeys';
import * as Y from 'yjs';
import { createCommentService } from '../lib/comments/CommentService';
import { loadBodyTools } from '../lib/editor/loadBodyTools';
import { createMentionService } from '../lib/mentions/createMentionService';
import { createBodyWatch, type BodyWatch } from './mentions/createBodyWatch';
// Search (issue 14).
import { startSearch, type RunningSearch } from './search/startSearch';
import { withSearchNotices } from './search/withSearchNotices';
import { createVersionService } from './versions/createVersionService';
import { CachedVersionStore } from './versions/CachedVersionStore';
import { createRestoreContent } from './versions/restoreContent';
import { createPdfPrinter } from './versions/createPdfPrinter';
import { createNotificationService } from '../lib/notifications/createNotificationService';
import { versionContributorsOf } from '../lib/versions/versionContributorsOf';
import { authorNamesOf } from './authorship/authorNamesOf';
import { createAuthorshipService } from './authorship/createAuthorshipService';
import { actorFrom, actorOf } from './people/actorOf';
import { startConsultationSweep } from './notifications/startConsultationSweep';
import { createAccountSelfService } from './account/createAccountSelfService';
import { createBodyEraser } from './account/createBodyEraser';
import { anonymisingCommentStore, anonymisingVersionStore, gonePeopleOf } from './account/anonymisingStores';
import { startNotificationMail } from './notifications/startNotificationMail';
import { withMailQueue } from '../lib/notifications/withMailQueue';
import { createNotificationSettingsService } from '../lib/notifications/createNotificationSettingsService';
import { TIME_ZONE } from '../lib/i18n/format';
import {
  createAccessEvents,
  createAccountService,
  createOrganisationService,
  createPrincipalByHashResolver,
  createPrincipalResolver,
  createSessionService,
  createSetupService,
  createWorkspaceService,
} from './people';

/** Where the first admin is created (app/(site)/opsaetning). */
export const SETUP_PATH = '/opsaetning';
import { CLIENT_IP_HEADER } from '../lib/auth/clientIp';
import { httpServerOptions } from './http/httpServerOptions';
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
/** Comment writes (comments, replies, edits, deletions, supports, reports) per person per minute. */
const COMMENT_WRITES_PER_PERSON_PER_MINUTE = 20;
/** Mention suggestions (GET …/mentionable) per person per minute. */
const MENTION_SUGGESTIONS_PER_PERSON_PER_MINUTE = 120;
/** Comment writes by guests per IP address per minute (all guests behind one address share it). */
const COMMENT_WRITES_PER_GUEST_IP_PER_MINUTE = 10;
/** Guest identities (POST /api/guest) per IP address per hour. */
const GUESTS_PER_IP_PER_HOUR = 20;
/** Read notifications older than this are deleted at the hourly prune (unread ones are kept). */
const READ_NOTIFICATIONS_KEPT_MS = 180 * 24 * 60 * 60 * 1000;
/** E-mail change requests per person per hour (a taken address is answered like a free one; this bounds guessing). */
const EMAIL_CHANGES_PER_PERSON_PER_HOUR = 5;
/** How often consultations opening or closing by their dates are looked for (followers are told). */
const CONSULTATION_SWEEP_MS = 60_000;
/** How far back the first look after a start reaches (dates that fell while the server was down). */
const CONSULTATION_CATCH_UP_MS = 24 * 60 * 60 * 1000;
/** How often queued notification e-mails (retries) and due digests are looked for. */
const NOTIFICATION_MAIL_SWEEP_MS = 60_000;
/** How long a shutdown waits for an e-mail being sent. */
const MAIL_SHUTDOWN_WAIT_MS = 5_000;

export interface StartOptions {
  readonly config: Config;
  /** Project root (holds .next); Next.js is not started when `syncOnly`. */
  readonly projectDir: string;
  readonly syncOnly?: boolean;
  readonly logger?: Logger;
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const dataDir = resolve(config.DATA_DIR);
  await mkdir(join(dataDir, 'docs'), { recursive: true, mode: 0o700 });

  const secret = await resolveAuthSecret(config.AUTH_SECRET, dataDir, logger, { sharedStore: config.DATABASE_URL !== undefined });
  // PostgreSQL with DATABASE_URL, else the embedded store in DATA_DIR (checked before anything is served).
  const stores = await createStores({ config, dataDir, projectDir: options.projectDir, logger });
  const {
    documents: store,
    metadata,
    sharing: sharingStore,
    accounts: accountStore,
    apiKeys: apiKeyStore,
    comments: commentStore,
    versions: versionStore,
  } = stores;
  // Search (issue 14): told of new documents, renames and phase changes (its indexer is made below, with the sync server).
  const searching: { running?: RunningSearch } = {};
  const documents = withSearchNotices(createDocumentService({ store, metadata }), (id) => searching.running?.indexer.documentChanged(id));
  const mailer = config.SMTP_URL && config.PUBLIC_URL ? createSmtpMailer(config.SMTP_URL, config.SMTP_FROM) : null;
  // Notifications by e-mail (with SMTP_URL): queued as they are stored, sent in the background.
  const notificationMail =
    mailer && config.PUBLIC_URL
      ? startNotificationMail({
          store: stores.notificationMail,
          mailer,
          documents,
          recipientOf: async (personId) => {
            const person = await accountStore.getPerson(personId);
            return person && { email: person.email, name: person.name, actor: await actorOf(accountStore, person) };
          },
          localeOf: async (personId) => (await accountStore.getPerson(personId))?.locale ?? null,
          publicUrl: config.PUBLIC_URL,
          secret,
          digestHour: config.DIGEST_HOUR,
          timeZone: TIME_ZONE,
          intervalMs: NOTIFICATION_MAIL_SWEEP_MS,
          logger,
        })
      : null;
  // What a stop left queued goes out now rather than at the first look.
  notificationMail?.kick();
  const notificationSettings = createNotificationSettingsService({
    store: stores.notificationMail,
    secret,
    emailOf: async (personId) => (await accountStore.getPerson(personId))?.email ?? null,
    mailEnabled: notificationMail !== null,
    digestHour: config.DIGEST_HOUR,
  });
  // Notifications (issue 12): the services below tell it of their acts; it never fails them (it logs).
  const notifications = createNotificationService({
    store: notificationMail
      ? withMailQueue(stores.notifications, { mail: stores.notificationMail, onQueued: () => notificationMail.kick(), logger })
      : stores.notifications,
    documents,
    actorOfPerson: async (personId) => {
      const person = await accountStore.getPerson(personId);
      return person ? actorOf(accountStore, person) : null;
    },
    membersOf: (organisationId) => accountStore.memberIdsOf(organisationId),
    nameOf: async (personId) => (await accountStore.getPerson(personId))?.name ?? null,
    logger,
  });
  const notify = notifications.notify;
  const consultationSweep = startConsultationSweep({
    documents,
    notify,
    intervalMs: CONSULTATION_SWEEP_MS,
    catchUpMs: CONSULTATION_CATCH_UP_MS,
    onError: (error) => logger.error({ err: error }, 'could not look for consultations opening or closing'),
  });
  const sharing = createSharingService({ store: sharingStore, documents, notify });

  // People: one store, one throttle and one events hub shared by every service and the sync server.
  const events = createAccessEvents(logger);
  const peopleOptions = { store: accountStore, logger, events };
  const throttle = new SignInThrottle();
  const accounts = createAccountService({ ...peopleOptions, throttle, passwordRoles: config.PASSWORD_SIGN_IN_ROLES });
  const sessions = createSessionService(peopleOptions);
  const setup = createSetupService(peopleOptions);
  const organisations = createOrganisationService({ ...peopleOptions, documents });
  const workspaces = createWorkspaceService({ ...peopleOptions, documents });
  const resolvePrincipal = createPrincipalResolver(sessions, accountStore);
  const resolvePrincipalByHash = createPrincipalByHashResolver(sessions, accountStore);
  const apiKeys = createApiKeyService({ store: apiKeyStore, accounts: accountStore });
  const apiLimiter = new FixedWindowLimiter(config.API_RATE_LIMIT_PER_MINUTE, 60_000);
  const resetMail =
    mailer && config.PUBLIC_URL
      ? createResetMailService({ accounts, store: accountStore, mailer, publicUrl: config.PUBLIC_URL, logger })
      : null;
  const signUpNotice =
    mailer && config.PUBLIC_URL ? createSignUpNoticeService({ store: accountStore, mailer, publicUrl: config.PUBLIC_URL, logger }) : null;
  const oidc =
    config.OIDC_PROVIDERS.length > 0
      ? // openid-client is loaded only when single sign-on is configured.
        (await import('./oidc/createOidcSignIn')).createOidcSignIn({
          providers: config.OIDC_PROVIDERS,
          store: accountStore,
          links: stores.identityLinks,
          secret,
          events,
          logger,
        })
      : null;
  const signUpLimiter = new FixedWindowLimiter(config.SIGNUPS_PER_IP_PER_HOUR, 60 * 60_000);
  const prune = async () => {
    try {
      const pruned = await sessions.pruneExpired();
      if (pruned.sessions + pruned.tokens > 0) logger.info(pruned, 'pruned expired sessions and tokens');
    } catch (error) {
      logger.error({ err: error }, 'could not prune expired sessions');
    }
    try {
      const deleted = await stores.notifications.deleteReadBefore(new Date(Date.now() - READ_NOTIFICATIONS_KEPT_MS).toISOString());
      if (deleted > 0) logger.info({ notifications: deleted }, 'deleted old read notifications');
    } catch (error) {
      logger.error({ err: error }, 'could not delete old read notifications');
    }
  };
  await prune();
  const pruneTimer = setInterval(() => void prune(), PRUNE_INTERVAL_MS).unref();

  if (config.SEED_DEMO && (await stores.claimOnce('demo-documents'))) {
    const seeded = await seedDemoDocuments(dataDir, documents, accountStore);
    if (seeded > 0) logger.info({ documents: seeded }, 'created demo documents on first start');
  }
  // The knowledge forum's demo posts (issue 14): also in data dirs seeded before the forum existed.
  if (config.SEED_DEMO && (await stores.claimOnce('demo-forum'))) {
    const posts = await seedDemoForum(dataDir, documents, accountStore);
    if (posts > 0) logger.info({ posts }, 'made Fælles-skabet a forum and wrote its demo posts');
  }

  // Scale-out: with REDIS_URL this process is one node of several serving the same documents.
  const cluster = config.REDIS_URL ? await RedisClusterBus.connect({ url: config.REDIS_URL, logger }) : undefined;
  // (lib/config.ts refuses REDIS_URL without DATABASE_URL: every node stores into the same PostgreSQL.)
  if (cluster) logger.info({ node: cluster.nodeId }, 'joined the cluster through Redis');
  // Stored edits of bodies: new mentions and changed passages (issue 12), looked at once per burst.
  // Made once the comment service exists (it needs the sync server); stored edits before that are not looked at.
  const watching: { body?: BodyWatch } = {};
  const sync = createSyncServer({
    onStored: (documentId, by, update) => {
      watching.body?.stored(documentId, by, update);
      searching.running?.indexer.bodyStored(documentId);
    },
    ...(cluster && { cluster, relayStaleAfterMs: config.SYNC_RELAY_STALE_MS }),
    ...(cluster && stores.relayLedger && { relayLedger: stores.relayLedger }),
    store,
    documents,
    secret,
    logger,
    resolveSession: resolvePrincipal,
    resolveSessionByHash: resolvePrincipalByHash,
    accessEvents: events,
    apiKeys,
    limits: {
      maxMessageBytes: config.SYNC_MAX_MESSAGE_BYTES,
      idleUnloadMs: config.SYNC_IDLE_UNLOAD_MS,
      pingIntervalMs: config.SYNC_PING_INTERVAL_MS,
      compactAfterBytes: config.SYNC_COMPACT_AFTER_BYTES,
      compactAfterRecords: config.SYNC_COMPACT_AFTER_RECORDS,
      maxSocketsPerIp: config.SYNC_MAX_SOCKETS_PER_IP,
      maxUpgradesPerIp: config.SYNC_MAX_UPGRADES_PER_IP,
      fullSyncsPerMinutePerConnection: config.SYNC_FULL_SYNCS_PER_MINUTE_PER_CONNECTION,
      fullSyncsPerMinutePerIp: config.SYNC_FULL_SYNCS_PER_MINUTE_PER_IP,
      presenceMaxBytes: config.SYNC_PRESENCE_MAX_BYTES,
      presenceUpdatesPerSecond: config.SYNC_PRESENCE_UPDATES_PER_SECOND,
      presenceReplayMaxBytes: config.SYNC_PRESENCE_REPLAY_MAX_BYTES,
      presenceTimeoutMs: config.SYNC_PRESENCE_TIMEOUT_MS,
    },
  });
  // A deleted account's id resolves to "Tidligere deltager" in the records never rewritten (server/account).
  const gone = gonePeopleOf((id) => accountStore.getPerson(id));
  const mentions = createMentionService({
    documents,
    // One request per pause in typing after "@": generous for people, a wall for scripts.
    limiter: new FixedWindowLimiter(MENTION_SUGGESTIONS_PER_PERSON_PER_MINUTE, 60_000),
    // Everyone a request looks at in one store read (one query in PostgreSQL), not one per person.
    peopleOf: async (personIds) =>
      new Map(
        (await accountStore.getPeopleContexts(personIds)).map(
          ({ person, organisationIds, workspaceIds }) =>
            [person.id, { name: person.name, actor: actorFrom(person, organisationIds, workspaceIds) }] as const,
        ),
      ),
    membersOf: (organisationId) => accountStore.memberIdsOf(organisationId),
    workspaceMembersOf: async (workspaceId) => (await accountStore.getWorkspace(workspaceId))?.memberIds ?? [],
    participantsOf: async (documentId) => {
      const { comments: written } = await commentStore.read(documentId);
      const authors = written.flatMap((comment) =>
        comment.author.kind === 'person' && comment.author.id !== '' ? [comment.author.id] : [],
      );
      const followers = (await stores.notifications.followsOf(documentId)).flatMap((follow) => (follow.following ? [follow.personId] : []));
      return [...authors, ...followers];
    },
  });
  const comments = createCommentService({
    store: anonymisingCommentStore(commentStore, gone),
    documents,
    // Removed organisations included: what was written on their behalf keeps their name.
    organisationName: (id) => accountStore.organisationNameOf(id),
    // A høringsnotat of one version covers the comments written while that version was read.
    versionsOf: (documentId) => versionStore.list(documentId),
    // …and links each accepted suggestion to the change it made in the compare view.
    versionBody: async (documentId, number) => (await versionStore.get(documentId, number))?.content.body ?? null,
    async loadBody(documentId) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await sync.readDocumentState(documentId));
      return doc;
    },
    limits: {
      person: new FixedWindowLimiter(COMMENT_WRITES_PER_PERSON_PER_MINUTE, 60_000),
      guestIp: new FixedWindowLimiter(COMMENT_WRITES_PER_GUEST_IP_PER_MINUTE, 60_000),
    },
    notify,
    mentions,
  });
  watching.body = createBodyWatch({
    delayMs: config.BODY_WATCH_DELAY_MS,
    readState: (documentId) => sync.readDocumentState(documentId),
    notify,
    comments,
    // Mentions written through the API name the key that minted the platform's token.
    apiKeyName: async (keyId) => (await apiKeyStore.list()).find((key) => key.id === keyId)?.name ?? null,
    logger,
  });
  comments.onChanged((documentId, revision) => sync.notifyCommentsChanged(documentId, revision));
  // Search (issue 14): the saved index is loaded and brought up to date in the background; edits,
  // renames and comments reach it within a second (server/search).
  const search = (searching.running = startSearch({
    dataDir,
    ...(stores.search && { index: stores.search }),
    documents,
    readState: (documentId) => sync.readDocumentState(documentId),
    readStored: (documentId) => store.load(documentId),
    comments: commentStore,
    // Forum posts (issue 14) are their own kind, with their tags.
    kindOf: (meta) => (isForumPost(meta) ? 'post' : 'document'),
    tagsOf: (meta) => (isForumPost(meta) ? (meta.tags ?? []) : undefined),
    logger,
  }));
  comments.onChanged((documentId) => search.indexer.commentsChanged(documentId));
  const guestLimiter = new FixedWindowLimiter(GUESTS_PER_IP_PER_HOUR, 60 * 60_000);
  // Who wrote what: the room's attribution, names resolved when read (a deleted person is "Tidligere deltager").
  const authorship = createAuthorshipService({
    documents,
    readAuthorship: (documentId) => sync.readAuthorship(documentId),
    ...authorNamesOf({ accounts: accountStore, apiKeys: apiKeyStore }),
  });

  // Versions freeze the body as the sync server holds it (live edits included), read once per publish.
  const versions = createVersionService({
    store: anonymisingVersionStore(
      config.VERSION_CACHE_BYTES > 0 ? new CachedVersionStore(versionStore, config.VERSION_CACHE_BYTES) : versionStore,
      gone,
    ),
    documents,
    readDocumentState: (documentId) => sync.readDocumentState(documentId),
    // Restoring writes the old content into the live document as new edits (stored before relayed).
    restoreContent: createRestoreContent({
      readDocumentState: (documentId) => sync.readDocumentState(documentId),
      applyServerUpdate: (documentId, update, by) => sync.applyServerUpdate(documentId, update, by),
      logger,
    }),
    personOf: async (actor) => ({ id: actor.id, name: (await accountStore.getPerson(actor.id))?.name ?? actor.id }),
    notify,
    // Frozen with each version, so its page and exports never need the document's history.
    contributorsOf: async (documentId, state) => {
      try {
        return versionContributorsOf(await authorship.frozenContributors(documentId, state));
      } catch (error) {
        logger.warn({ doc: documentId, err: error }, 'could not read the contributors of a version being published');
        return null;
      }
    },
  });

  // Self-service accounts and personal data (issue 12): /konto, the export and account deletion.
  const selfService = createAccountSelfService({
    accounts: accountStore,
    documents,
    metadata,
    comments: commentStore,
    notifications: stores.notifications,
    apiKeys: apiKeyStore,
    sharing: sharingStore,
    identityLinks: stores.identityLinks,
    notificationMail: stores.notificationMail,
    readDocumentState: (documentId) => sync.readDocumentState(documentId),
    eraseBody: createBodyEraser({
      readDocumentState: (documentId) => sync.readDocumentState(documentId),
      applyServerUpdate: (documentId, update) => sync.applyServerUpdate(documentId, update),
      documents,
    }),
    secret,
    mail: mailer && config.PUBLIC_URL ? { mailer, publicUrl: config.PUBLIC_URL } : null,
    events,
    throttle,
    emailChangeLimiter: new FixedWindowLimiter(EMAIL_CHANGES_PER_PERSON_PER_HOUR, 60 * 60_000),
    logger,
  });

  const pdf = createPdfPrinter({ chromiumPath: config.CHROMIUM_PATH, timeoutMs: config.PDF_TIMEOUT_MS, maxBytes: config.PDF_MAX_BYTES });
  // Said once at start, so an operator learns before a reader does that PDF downloads will answer 503.
  void pdf.availability().then((availability) => {
    if (!availability.available) logger.warn({ reason: availability.reason }, availability.message);
  });

  // The knowledge forum (issue 14): posts in forum workspaces, replies through the comment service.
  const forum = createForumService({
    documents,
    workspaces: { list: () => accountStore.listWorkspaces() },
    comments: commentStore,
  });

  setServices({
    forum,
    comments,
    versions,
    guestLimiter,
    config,
    secret,
    documents,
    accounts,
    sessions,
    setup,
    organisations,
    workspaces,
    accountStore,
    resolvePrincipal,
    apiKeys,
    apiLimiter,
    sharing,
    resetMail,
    signUpLimiter,
    signUpNotice,
    pdf,
    notifications,
    selfService,
    oidc,
    notificationSettings,
    authorship,
    mentions,
    search: search.service,
    logger,
  });

  // Set once Next.js is prepared (after listen, when the port is known); requests wait for it.
  let web: Promise<WebHandler> | undefined;
  let webHandler: WebHandler | undefined;
  const server = createServer(httpServerOptions(config), (req, res) => void route(req, res));

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // Only the path, and invite tokens masked: query strings can hold sync tokens.
    res.once('finish', () =>
      logger[path.startsWith('/_next/') ? 'debug' : 'info'](
        { method: req.method, path: loggablePath(path), status: res.statusCode, ms: Math.round(performance.now() - started) },
        'http',
      ),
    );
    try {
      if (path === '/healthz') {
        const health = await checkHealth(dataDir, sync.isUp(), stores.damaged());
        return sendJson(res, health.ok ? 200 : 503, health);
      }
      const length = Number(req.headers['content-length'] ?? 0);
      if (Number.isFinite(length) && length > config.HTTP_MAX_BODY_BYTES) {
        return sendJson(res, 413, {
          error: { code: 'body_too_large', message: `The request body is larger than ${config.HTTP_MAX_BODY_BYTES} bytes.` },
        });
      }
      // The client's address for the sign-in throttle; a value the client sent itself is discarded.
      req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? 'unknown';
      if (!web) return sendJson(res, 404, { error: { code: 'not_found', message: 'This server only serves the sync endpoint.' } });
      await (await web).handle(req, res);
    } catch (error) {
      logger.error({ err: error, path: loggablePath(path) }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: 'Something went wrong on the server.' } });
      else res.destroy();
    }
  }

  server.on('upgrade', (req, socket, head) => {
    if (sync.handleUpgrade(req, socket, head)) return;
    if (webHandler?.upgrade(req, socket, head)) return;
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = `http://${shownHost}:${port}`;

  if (!options.syncOnly) {
    web = createWebHandler({ dev: config.dev, dir: options.projectDir, hostname: shownHost, port });
    try {
      webHandler = await web;
    } catch (error) {
      web = undefined;
      await closeAll();
      throw error;
    }
  }

  let closing: Promise<void> | undefined;
  async function closeAll(): Promise<void> {
    server.close();
    clearInterval(pruneTimer);
    consultationSweep.stop();
    notificationMail?.stop();
    // Before the sync server closes: the last bursts are looked at while their rooms can still be read.
    await watching.body?.close();
    await search.close();
    await sync.close();
    // A send under way may finish, but a hung mail server does not hold the shutdown: what is not
    // marked sent is sent again after its lease, by the next start.
    if (notificationMail)
      await Promise.race([notificationMail.settled(), new Promise((done) => setTimeout(done, MAIL_SHUTDOWN_WAIT_MS).unref())]);
    await cluster?.close();
    await documents.close();
    await stores.close();
    await webHandler?.close();
    server.closeAllConnections();
    setServices(undefined);
  }

  const setupToken = options.syncOnly ? null : await setup.ensureSetupToken();
  // Printed, not logged: JSON log lines go to collectors and must never carry a token.
  if (setupToken)
    console.log(`No admin yet. Create the first admin (link valid 24 hours, this start only): ${url}${SETUP_PATH}?token=${setupToken}`);
  logger.info({ url, dataDir, syncOnly: options.syncOnly ?? false, dev: config.dev }, 'Samskriv is listening');
  // The editor's schema (tiptap, ProseMirror) is not loaded before serving: once listening, it is
  // loaded in the background, so the first document created, restored or exported does not wait.
  setImmediate(() => {
    loadBodyTools().catch((error: unknown) => logger.error({ err: error }, 'could not load the editor schema'));
  });
  return {
    server,
    port,
    url,
    close: () => (closing ??= closeAll()),
  };
}
