/**
 * The sync endpoint on any http.Server: `ws(s)://HOST/sync/<documentId>`. This file only adapts
 * `ws` to the sync core: it authorizes at the upgrade (authorizeSync), creates documents that an
 * edit token brings into being, enforces the frame limit and liveness, and hands each accepted
 * socket to the RoomRegistry.
 */
import type { AuthorKey } from '../../lib/authorship/model';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { ACK_QUERY_PARAM, Close, EPOCH_QUERY_PARAM, FullSyncDefaults, PresenceDefaults, SYNC_PATH_PREFIX } from '../../lib/protocol';
import { isValidDocumentId } from '../../lib/documentId';
import {
  authorizeEmbedToken,
  authorizeSessionToken,
  authorizeSync,
  lesserAccess,
  type AuthorizeSyncDeps,
  type SyncActor,
  type SyncDecision,
} from '../../lib/auth/authorizeSync';
import { SESSION_COOKIE } from '../../lib/auth/sessionCookie';
import type { AccessEvents, AccessRevoked } from '../people/accessEvents';
import type { ApiKeyService } from '../apiKeys/createApiKeyService';
import type { Connection } from './Connection';
import type { DocumentService } from '../../lib/documents/DocumentService';
import type { DocumentStore } from '../../lib/storage/DocumentStore';
import { RoomRegistry, type RegistryStats } from './RoomRegistry';
import type { SyncLogger } from './SyncLogger';
import type { SyncSocket } from './SyncSocket';
import { wsFrame } from './wsFrame';
import { downgradeClose } from './downgradeClose';
import { encodeCommentsChanged } from './encodeMessage';
import { AddressLoad } from './AddressLoad';
import { PullLimiter } from './PullLimiter';
import type { ClusterAccessChange, ClusterBus } from '../../lib/sync/ClusterBus';
import { ClusterRelay } from '../scaleout/ClusterRelay';
import type { RelayLedger } from '../../lib/sync/RelayLedger';

export interface SyncLimits {
  /** Largest frame accepted; larger ones are refused by `ws` before buffering and closed with 4413. */
  readonly maxMessageBytes: number;
  /** How long a document without connections stays loaded. */
  readonly idleUnloadMs: number;
  /** Ping period; a socket that has not answered the previous ping is terminated. */
  readonly pingIntervalMs: number;
  /** Compact a document's log once it holds this many bytes or records since its snapshot. */
  readonly compactAfterBytes: number;
  readonly compactAfterRecords: number;
  /**
   * Bytes queued for one socket that it has not read yet; past this the server stops buffering for
   * it and drops the connection (the client reconnects and catches up with one sync). Defaults to
   * twice the frame limit plus 16 MiB.
   */
  readonly maxBufferedBytes?: number;
  /** Per client IP: open sockets and upgrades being authorized (defaults 200 and 20; see AddressLoad). */
  readonly maxSocketsPerIp?: number;
  readonly maxUpgradesPerIp?: number;
  /** Sync step 1 answers per minute (one per MiB begun) per connection and per IP; beyond, answers are delayed. */
  readonly fullSyncsPerMinutePerConnection?: number;
  readonly fullSyncsPerMinutePerIp?: number;
  /** Presence limits (defaults: PresenceDefaults in lib/protocol.ts). */
  readonly presenceMaxBytes?: number;
  readonly presenceUpdatesPerSecond?: number;
  readonly presenceReplayMaxBytes?: number;
  readonly presenceTimeoutMs?: number;
}

export interface SyncServerOptions {
  readonly store: DocumentStore;
  readonly documents: DocumentService;
  /** AUTH_SECRET: verifies sync tokens. */
  readonly secret: string;
  /** From a session id (the cookie) to who is acting; null when it is no valid session. */
  readonly resolveSession: AuthorizeSyncDeps['resolveSession'];
  /** From a session id's hash (browser sync tokens) to who is acting. */
  readonly resolveSessionByHash?: AuthorizeSyncDeps['resolveSessionByHash'];
  /** Revoked sessions and shrunk access: the affected live connections are re-checked at once. */
  readonly accessEvents?: AccessEvents;
  /**
   * API keys: tokens minted through the platform API count only while their key is live, and a
   * revocation re-checks (ends) their live connections at once. Without it such tokens are refused.
   */
  readonly apiKeys?: Pick<ApiKeyService, 'isActive' | 'onRevoked'>;
  readonly logger: SyncLogger;
  readonly limits: SyncLimits;
  /** The root shared types a document may have; default DOCUMENT_ROOTS (tests of the bare protocol pass others). */
  readonly roots?: readonly string[];
  /**
   * Scale-out (REDIS_URL): the bus to the other nodes serving the same documents from the same
   * shared store. Updates, presence, comment revisions and access changes cross it. Closed by its owner.
   */
  readonly cluster?: ClusterBus;
  /** With `cluster`: the shared store's record of updates not yet published, swept after `relayStaleAfterMs`. */
  readonly relayLedger?: RelayLedger;
  readonly relayStaleAfterMs?: number;
  /** Told after each durable edit of a body on this node: its author key (null: the server) and the update stored (read only). */
  readonly onStored?: (documentId: string, by: string | null, update: Uint8Array) => void;
}

export interface SyncServerStats extends RegistryStats {
  /** Accepted WebSockets, including refused ones still closing. */
  readonly sockets: number;
}

export interface SyncServer {
  /** Takes the upgrade if the path is under /sync/ (and returns true); false leaves it to the caller. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes every socket with 1001, makes every pending write durable, unloads rooms, stops timers. */
  close(): Promise<void>;
  stats(): SyncServerStats;
  /** False once close() has begun. */
  isUp(): boolean;
  /** A document's current body as one Yjs update (the live room's if loaded, else the stored one). */
  readDocumentState(documentId: string): Promise<Uint8Array>;
  /**
   * Writes an update from the server itself (a restored version) into a document as new edits:
   * validated like a client's, stored (and published in a cluster) before it is relayed to the
   * document's connections; the room is loaded for it if need be. Resolves once it is durable.
   */
  applyServerUpdate(documentId: string, update: Uint8Array, by?: AuthorKey): Promise<void>;
  /**
   * The document's current body as one Yjs update and who wrote what (lib/authorship: the room's
   * folded attribution, encoded as a table), read from the same room in the same step.
   */
  readAuthorship(documentId: string): Promise<{ readonly state: Uint8Array; readonly attribution: Uint8Array }>;
  /**
   * Tells the document's connections that opted in with `?ack=1` that its comments are now at
   * `revision` (MessageType.commentsChanged); returns how many were told.
   */
  notifyCommentsChanged(documentId: string, revision: number): number;
}

/**
 * The TCP stream under a ws socket, if this ws version still keeps it where 8.x does. Used to
 * write frames built once per broadcast, and to cork a socket around a group commit's relays.
 */
function streamOf(ws: WebSocket): Duplex | undefined {
  const stream = (ws as unknown as { _socket?: Duplex })._socket;
  return stream && typeof stream.cork === 'function' && typeof stream.uncork === 'function' ? stream : undefined;
}

/** True when the upgrade has no Origin (not a browser) or one naming this host (as the HTTP routes judge it). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const forwarded = req.headers['x-forwarded-host'];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? req.headers.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** `?epoch=`: absent (null: not checked), a decimal integer from 1 up, or 'invalid'. */
function parseEpoch(value: string | null): number | null | 'invalid' {
  if (value === null) return null;
  if (!/^[1-9][0-9]{0,14}$/.test(value)) return 'invalid';
  return Number(value);
}

/** The address per-IP limits count by: the socket's peer (X-Forwarded-For is not trusted; see lib/auth/clientIp.ts). */
function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** How long close() lets clients answer the close frame before cutting their sockets. */
const CLOSE_GRACE_MS = 1000;
const DEFAULT_TITLE = 'Uden titel';

export function createSyncServer(options: SyncServerOptions): SyncServer {
  const { store, documents, secret, logger, limits, resolveSession, apiKeys } = options;
  const maxBufferedBytes = limits.maxBufferedBytes ?? 2 * limits.maxMessageBytes + 16 * 1024 * 1024;
  const relay = options.cluster
    ? new ClusterRelay({
        bus: options.cluster,
        store,
        ...(options.relayLedger && { ledger: options.relayLedger }),
        ...(options.relayStaleAfterMs !== undefined && { staleAfterMs: options.relayStaleAfterMs }),
        logger,
        presence: {
          timeoutMs: limits.presenceTimeoutMs ?? PresenceDefaults.timeoutMs,
          replayMaxBytes: limits.presenceReplayMaxBytes ?? PresenceDefaults.replayMaxBytes,
        },
        deliverCommentsChanged: (documentId, revision) => void notifyHere(documentId, revision),
        applyAccessChange: (change) => accessChanged(change),
      })
    : undefined;
  const registry = new RoomRegistry({
    store,
    documents,
    logger,
    idleUnloadMs: limits.idleUnloadMs,
    compactAfterBytes: limits.compactAfterBytes,
    compactAfterRecords: limits.compactAfterRecords,
    maxBacklogBytes: 2 * limits.maxMessageBytes,
    epochOf: async (id) => (await documents.get(id))?.epoch ?? 1,
    pulls: new PullLimiter({
      fullSyncsPerMinutePerConnection: limits.fullSyncsPerMinutePerConnection ?? FullSyncDefaults.perMinutePerConnection,
      fullSyncsPerMinutePerIp: limits.fullSyncsPerMinutePerIp ?? FullSyncDefaults.perMinutePerIp,
    }),
    presence: {
      ...(limits.presenceMaxBytes !== undefined && { maxStateBytes: limits.presenceMaxBytes }),
      ...(limits.presenceUpdatesPerSecond !== undefined && { updatesPerSecond: limits.presenceUpdatesPerSecond }),
      ...(limits.presenceReplayMaxBytes !== undefined && { replayMaxBytes: limits.presenceReplayMaxBytes }),
      ...(limits.presenceTimeoutMs !== undefined && { timeoutMs: limits.presenceTimeoutMs }),
    },
    retiredClientsOf: async (id) => (await documents.get(id))?.retiredClients ?? [],
    ...(options.onStored && { onStored: options.onStored }),
    ...(options.roots && { roots: new Set(options.roots) }),
    ...(relay && { cluster: relay }),
  });
  const addresses = new AddressLoad({ maxSocketsPerIp: limits.maxSocketsPerIp ?? 200, maxUpgradesPerIp: limits.maxUpgradesPerIp ?? 20 });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
  /** Every accepted socket, with its liveness flag and a promise of its end. */
  const sockets = new Map<WebSocket, { alive: boolean; closed: Promise<void> }>();
  const upgrades = new Set<Promise<void>>();
  let closing: Promise<void> | null = null;
  // A broadcast sends one buffer to every socket in a row: frame it once for all of them.
  let lastPayload: Uint8Array | null = null;
  let lastFrame: Buffer | null = null;
  const framed = (payload: Uint8Array): Buffer => {
    if (payload !== lastPayload || lastFrame === null) {
      lastPayload = payload;
      lastFrame = wsFrame(payload);
    }
    return lastFrame;
  };

  const pingTimer = setInterval(() => {
    for (const [ws, state] of sockets) {
      if (!state.alive) {
        logger.info({}, 'sync socket missed a pong; terminating');
        ws.terminate();
        continue;
      }
      state.alive = false;
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, limits.pingIntervalMs);
  pingTimer.unref();

  const documentExists = async (id: string): Promise<boolean> => (await documents.get(id)) !== null;
  const authorizeDeps: AuthorizeSyncDeps = {
    secret,
    resolveSession,
    ...(options.resolveSessionByHash ? { resolveSessionByHash: options.resolveSessionByHash } : {}),
    ...(apiKeys ? { apiKeyActive: (id: string) => apiKeys.isActive(id) } : {}),
    documentResource: (id) => documents.resource(id),
    documentCreatedBy: async (id) => (await documents.get(id))?.createdBy ?? null,
  };

  /**
   * Counts re-checks (every revocation and access change starts one). An upgrade decided before one
   * and connected after it missed it, so it is judged again once it is connected.
   */
  let accessChanges = 0;

  /** The one decision again for a live connection, from what it was admitted with (never a token's expired claims). */
  function judgeAgain(documentId: string, actor: SyncActor): Promise<SyncDecision> {
    const { session, token } = actor;
    if (token) return authorizeEmbedToken(documentId, { sub: actor.id, name: actor.name, ...token }, authorizeDeps);
    // A signed-out reader as signed out; a cookie connection by its cookie again; a token one by its session.
    if (!session) return authorizeSync({ documentId }, authorizeDeps);
    if (session.id !== undefined) return authorizeSync({ documentId, cookieHeader: `${SESSION_COOKIE}=${session.id}` }, authorizeDeps);
    return authorizeSessionToken(documentId, session.idHash, session.personId, session.maxAccess ?? 'edit', authorizeDeps);
  }

  /**
   * Whether a browser's token connection is held below what its person may now do: the token caps
   * the access it was minted with, so a raised grant leaves the re-check's decision unchanged. Such a
   * connection is closed with Close.accessRaised; the editor reconnects with a fresh token (which
   * carries the new access) and opens for writing without a reload. Only in re-checks.
   */
  async function mayNowDoMore(connection: Connection): Promise<boolean> {
    const { session } = connection.info.actor;
    if (!session || session.id !== undefined || connection.info.access === 'edit') return false;
    const uncapped = await authorizeSessionToken(connection.info.documentId, session.idHash, session.personId, 'edit', authorizeDeps);
    return (
      uncapped.ok &&
      uncapped.access !== connection.info.access &&
      lesserAccess(uncapped.access, connection.info.access) === connection.info.access
    );
  }

  /**
   * Asks the one decision again for live connections (sessions, signed-out readers and other platforms'
   * tokens alike), and closes those whose access is gone or changed (a downgraded editor reconnects
   * as what they are now, after a reload; on a published document, writers of every kind get
   * Close.published and come back as readers).
   */
  async function recheck(connections: readonly Connection[], revokedSessions?: readonly string[]): Promise<void> {
    accessChanges++;
    for (const connection of connections) {
      const { session } = connection.info.actor;
      if (session && revokedSessions?.includes(session.idHash)) {
        connection.close(Close.unauthenticated);
        continue;
      }
      try {
        const decision = await judgeAgain(connection.info.documentId, connection.info.actor);
        if (!decision.ok) connection.close(decision.close);
        // The document it may create exists by now; if it is gone again, so is the connection's ground.
        else if (decision.create) connection.close(Close.notFound);
        else if (decision.access !== connection.info.access) {
          const resource = await documents.resource(connection.info.documentId);
          connection.close(downgradeClose(connection.info.access, decision.access, resource?.state ?? null));
        } else if (await mayNowDoMore(connection)) connection.close(Close.accessRaised);
        // No longer acting for the organisation it connected for (it was removed, or they left it):
        // the editor reconnects with a fresh token, and what they write next is stamped as themselves.
        else if ((decision.actor.session?.organisationId ?? null) !== (connection.info.actor.session?.organisationId ?? null))
          connection.close(Close.accessRaised);
      } catch (error) {
        logger.error({ doc: connection.info.documentId, err: error }, 'could not re-check a sync connection; closing it');
        connection.close(Close.internalError);
      }
    }
  }
  /**
   * When each document's access last changed (ms), kept as long as a browser token minted before it
   * could still connect: a token minted before a grant and connecting after its re-check carries
   * the old access, so such a connection is judged again once connected (then Close.accessRaised).
   */
  const documentAccessChangedAt = new Map<string, number>();
  function noteDocumentAccessChange(documentId: string): void {
    const now = Date.now();
    for (const [id, at] of documentAccessChangedAt) if (now - at > TOKEN_AGE_MS) documentAccessChangedAt.delete(id);
    documentAccessChangedAt.set(documentId, now);
  }

  /** Re-checks the live connections an access change affects, whether it was made here or on another node. */
  function accessChanged(change: ClusterAccessChange): void {
    if (change.kind === 'sessions') {
      const affected = registry.connectionsWhere(
        (c) => c.info.actor.session?.personId === change.personId && c.info.actor.session.idHash !== change.keptSessionIdHash,
      );
      if (affected.length > 0)
        logger.info({ reason: change.reason, connections: affected.length }, 'access revoked: re-checking connections');
      void recheck(affected, change.sessionIdHashes);
    } else if (change.kind === 'document') {
      noteDocumentAccessChange(change.documentId);
      void recheck(registry.connectionsWhere((c) => c.info.documentId === change.documentId));
    } else if (change.kind === 'reset') {
      // Reset on another node: this node's copy holds the old history; its clients reload (4409).
      logger.info({ doc: change.documentId }, 'releasing a document reset on another node');
      registry
        .whileReleased(change.documentId, Close.staleEpoch, async () => undefined)
        .catch((error: unknown) => {
          logger.error({ doc: change.documentId, err: error }, 'could not release a document reset on another node');
        });
    } else {
      const affected = registry.connectionsWhere((c) => c.info.actor.token?.kid === change.keyId);
      if (affected.length > 0) logger.info({ connections: affected.length }, "API key revoked: re-checking its tokens' connections");
      void recheck(affected);
    }
  }
  /** A change made on this node: re-checked here, then on every other node. */
  const changedHere = (change: ClusterAccessChange) => {
    accessChanged(change);
    relay?.publishAccessChange(change);
  };
  const unsubscribe = [
    options.accessEvents?.onAccessRevoked((event: AccessRevoked) => changedHere({ kind: 'sessions', ...event })),
    documents.onAccessChanged((documentId) => changedHere({ kind: 'document', documentId })),
    apiKeys?.onRevoked((keyId) => changedHere({ kind: 'apiKey', keyId })),
    () => relay?.close(),
    // A history reset: live connections end with 4409 and the body is rewritten while the room is unloaded.
    documents.attachLiveBodies({
      whileReleased: async (documentId, close, work) => {
        logger.info({ doc: documentId, code: close.code }, 'releasing a document for a reset');
        try {
          return await registry.whileReleased(documentId, close, work);
        } finally {
          // The other nodes release theirs once the new history is stored (their rooms then load it).
          relay?.publishAccessChange({ kind: 'reset', documentId });
        }
      },
    }),
  ];

  async function ensureCreated(id: string, actor: SyncActor, title: string | undefined): Promise<void> {
    try {
      await documents.create({ id, title: title ?? DEFAULT_TITLE, template: 'blank', createdBy: { id: actor.id, name: actor.name } });
      logger.info({ doc: id }, 'created document for an edit token');
    } catch (error) {
      // Another connection (or the app) created it first: the decision after this judges whose it is.
      if (!(await documentExists(id))) throw error;
    }
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, documentId: string, params: URLSearchParams): Promise<void> {
    // The client may hang up while we decide; an 'error' without a listener would end the process.
    const onEarlyError = () => socket.destroy();
    const changesBefore = accessChanges;
    socket.on('error', onEarlyError);
    const doc = isValidDocumentId(documentId) ? documentId : undefined;
    let decision: SyncDecision;
    try {
      const token = params.get('token');
      // A page on another origin may open a socket here, and the browser may attach the cookie
      // (same-site subdomains, old browsers): from there the cookie counts for nothing.
      const cookieHeader = sameOrigin(req) ? req.headers.cookie : undefined;
      const request = { documentId, cookieHeader, token: token ?? undefined };
      decision = await authorizeSync(request, authorizeDeps);
      if (decision.ok && decision.create) {
        await ensureCreated(documentId, decision.actor, decision.create.title);
        // Someone else may have created the id meanwhile (another key's platform, or its token sharing
        // the creation): the token is judged again against the document that exists now.
        decision = await authorizeSync(request, authorizeDeps);
        if (decision.ok && decision.create) decision = { ok: false, close: Close.notFound };
      }
    } catch (error) {
      logger.error({ doc, err: error }, 'could not authorize or create for a sync connection');
      decision = { ok: false, close: Close.internalError };
    }
    socket.off('error', onEarlyError);
    if (socket.destroyed) return;
    // Accept, then close with the decided code: a y-websocket client sees 44xx and stops retrying,
    // where an HTTP 401 on the upgrade would look like a network error it retries forever.
    // A browser token minted before the document's access last changed carries the access of then.
    const changedAt = documentAccessChangedAt.get(documentId);
    const stale = changedAt !== undefined && decision.ok && decision.access !== 'edit' && issuedAtMs(params.get('token')) <= changedAt;
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, decision, documentId, params, clientIp(req), stale ? -1 : changesBefore));
  }

  function accept(
    ws: WebSocket,
    decision: SyncDecision,
    documentId: string,
    params: URLSearchParams,
    ip: string,
    changesBefore: number,
  ): void {
    let closed!: () => void;
    const state = { alive: true, closed: new Promise<void>((resolve) => (closed = resolve)) };
    sockets.set(ws, state);
    const removeSocket = addresses.addSocket(ip);
    ws.on('close', () => {
      sockets.delete(ws);
      removeSocket();
      closed();
    });
    ws.on('pong', () => (state.alive = true));
    const doc = isValidDocumentId(documentId) ? documentId : undefined;
    ws.on('error', (error: Error & { code?: string }) => {
      // Protocol violations and oversized frames; ws closes the socket itself.
      logger.warn({ doc, error: error.code ?? 'socket-error' }, 'sync socket error');
    });
    // ws closes a frame over maxPayload with 1009; Samskriv's contract says 4413, which also
    // ends y-websocket's reconnect loop (a client that sends it once would send it again).
    const close = ws.close.bind(ws);
    ws.close = (code?: number, data?: string | Buffer) =>
      code === 1009 ? close(Close.tooLarge.code, Close.tooLarge.reason) : close(code, data);

    if (!decision.ok) {
      logger.info({ doc, code: decision.close.code }, 'sync connection refused');
      return ws.close(decision.close.code, decision.close.reason);
    }
    if (closing) return ws.close(Close.goingAway.code, Close.goingAway.reason);
    const epoch = parseEpoch(params.get(EPOCH_QUERY_PARAM));
    if (epoch === 'invalid') {
      logger.info({ doc, code: Close.badEpoch.code }, 'sync connection refused: invalid epoch');
      return ws.close(Close.badEpoch.code, Close.badEpoch.reason);
    }

    // Only uncompressed frames may bypass ws (perMessageDeflate is off; this checks it stayed off).
    const rawStream = ws.extensions === '' ? streamOf(ws) : undefined;
    const syncSocket: SyncSocket = {
      send(data) {
        if (ws.readyState !== WebSocket.OPEN) return;
        // A client that stopped reading must not make the server hold everyone's edits for it.
        if ((rawStream ? rawStream.writableLength : ws.bufferedAmount) > maxBufferedBytes) {
          logger.warn({ doc, error: 'slow-reader' }, 'sync socket not reading; dropping it');
          ws.close(Close.tooSlow.code, Close.tooSlow.reason);
          ws.terminate();
          return;
        }
        // Safe beside ws's own writes (pings, close): without compression its Sender writes
        // each frame synchronously, so whole frames interleave in order on the stream.
        if (rawStream) rawStream.write(framed(data));
        else ws.send(data);
      },
      close(code, reason) {
        ws.close(code, reason);
      },
      onMessage(listener) {
        ws.on('message', (data: RawData, isBinary: boolean) => {
          state.alive = true;
          if (!isBinary || !Buffer.isBuffer(data)) {
            logger.warn({ doc, error: 'text-frame' }, 'malformed message; closing connection');
            return ws.close(Close.badMessage.code, Close.badMessage.reason);
          }
          // A plain view (no copy): Buffer#slice would not copy, and the core expects Uint8Array semantics.
          listener(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        });
      },
      onClose(listener) {
        ws.on('close', listener);
      },
      // ws has no public cork; its own send corks the same stream around each frame (nesting
      // is counted), so frames sent while we hold the cork leave in one writev.
      cork: () => rawStream?.cork(),
      uncork: () => rawStream?.uncork(),
    };
    const connection = registry.connect(syncSocket, {
      documentId,
      actor: decision.actor,
      access: decision.access,
      ack: params.get(ACK_QUERY_PARAM) === '1',
      ip,
      ...(epoch !== null && { epoch }),
    });
    logger.debug({ doc, conn: connection.id, actor: decision.actor.id, access: decision.access }, 'sync connection accepted');
    if (accessChanges !== changesBefore) void recheck([connection]);
  }

  /** Tells this node's `?ack=1` connections of the document that its comments are at `revision`. */
  function notifyHere(documentId: string, revision: number): number {
    const notice = encodeCommentsChanged(revision);
    const sent = registry.sendTo(documentId, notice, (connection) => connection.info.ack);
    if (sent > 0) logger.debug({ doc: documentId, revision, connections: sent }, 'comments changed: notified connections');
    return sent;
  }

  return {
    handleUpgrade(req, socket, head) {
      const url = req.url ?? '';
      const query = url.indexOf('?');
      const path = query === -1 ? url : url.slice(0, query);
      if (!path.startsWith(SYNC_PATH_PREFIX)) return false;
      if (closing) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return true;
      }
      const params = new URLSearchParams(query === -1 ? '' : url.slice(query + 1));
      // Per address: beyond the socket cap the socket is accepted and closed with a code (cheap: no
      // authorization); a flood beyond that, or too many upgrades at once, gets a bare 429.
      const ip = clientIp(req);
      const admission = addresses.admit(ip);
      if (admission === 'reject') {
        logger.debug({ code: 429 }, 'sync upgrade refused: too many from one address');
        socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return true;
      }
      if (admission === 'refuse') {
        wss.handleUpgrade(req, socket, head, (ws) =>
          accept(ws, { ok: false, close: Close.tooManyConnections }, '', params, ip, accessChanges),
        );
        return true;
      }
      const upgraded = addresses.startUpgrade(ip);
      const work = upgrade(req, socket, head, path.slice(SYNC_PATH_PREFIX.length), params).catch((error: unknown) => {
        // A bug, not a client's doing: this one socket goes, the process stays.
        logger.error({ err: error }, 'sync upgrade failed');
        socket.destroy();
      });
      upgrades.add(work);
      void work.finally(() => {
        upgrades.delete(work);
        upgraded();
      });
      return true;
    },

    close() {
      closing ??= (async () => {
        clearInterval(pingTimer);
        for (const stop of unsubscribe) stop?.();
        // Upgrades being authorized finish first; they see `closing` and close with 1001.
        await Promise.allSettled([...upgrades]);
        await registry.close();
        const ends = [...sockets.values()].map((s) => s.closed);
        for (const ws of sockets.keys()) ws.close(Close.goingAway.code, Close.goingAway.reason);
        let grace: NodeJS.Timeout | undefined;
        await Promise.race([Promise.all(ends), new Promise<void>((resolve) => (grace = setTimeout(resolve, CLOSE_GRACE_MS)))]);
        clearTimeout(grace);
        for (const ws of sockets.keys()) ws.terminate();
        // A terminated socket still reports its 'close'; after this, stats() shows none.
        await Promise.all(ends);
        wss.close();
      })();
      return closing;
    },

    stats: () => ({ ...registry.stats(), sockets: sockets.size }),
    isUp: () => closing === null,
    readDocumentState: (documentId) => registry.readState(documentId),
    applyServerUpdate: (documentId, update, by) => registry.applyServerUpdate(documentId, update, by),
    readAuthorship: (documentId) => registry.readAuthorship(documentId),
    notifyCommentsChanged(documentId, revision) {
      const sent = notifyHere(documentId, revision);
      relay?.publishCommentsChanged(documentId, revision);
      return sent;
    },
  };
}

/** How long a browser sync token lasts, with room to spare: older access changes cannot concern a token that still connects. */
const TOKEN_AGE_MS = 10 * 60_000;

/** When a (verified) token was issued, in ms: 0 when it names none (judged again to be safe); Infinity without a token (a cookie is judged now). */
function issuedAtMs(token: string | null): number {
  if (!token) return Number.POSITIVE_INFINITY;
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat?: unknown };
    return typeof payload.iat === 'number' ? payload.iat * 1000 : 0;
  } catch {
    return 0;
  }
}
