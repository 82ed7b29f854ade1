/**
 * The wire protocol's one home: y-websocket message types, Samskriv's opt-in extensions,
 * close codes and limits, shared by the browser, the sync server, tests and benchmarks.
 */

/** y-websocket message types (first varuint of every frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Samskriv extension, server → client, only for connections that opted in with `?ack=1`:
   * "the updates you sent, up to these clocks, are durably stored". Stock clients never receive it.
   * Frame: varuint 100, then a varUint8Array holding a state vector in `Y.encodeStateVector`
   * format (varuint count, then client/clock pairs), readable with `Y.decodeStateVector`.
   * - Exactly one `saved` per sync step 2 or update message of an edit connection, in the order
   *   they were sent, once everything that message brought (and every update before it) is durable.
   * - The clocks are, per client with content in that message, the clock up to which that
   *   client's content is in the stored document; a message that only deletes gets an empty
   *   vector. (Not `Y.encodeStateVectorFromUpdate`: it ignores updates that start above clock 0.)
   * - View and comment connections get none: their body updates are dropped, never saved.
   */
  saved: 100,
  /**
   * Samskriv extension, server → client, only for connections that opted in with `?ack=1`:
   * "the document's comments changed; they are now at this revision". Frame: varuint 101, then the
   * revision as a varuint (the `revision` of GET /api/documents/<id>/comments). Sent to every such
   * connection of the document after each change to its comments (a comment, reply, suggestion,
   * support, resolution, answer, decision, report or moderation act), in the order of the changes.
   * Clients refetch the comments when the revision is newer than the one they hold. Stock clients
   * never receive it. Nothing is sent when a client connects: it fetches the comments itself.
   */
  commentsChanged: 101,
} as const;
export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType];

/** y-protocols sync sub-types. */
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

/** A close code with the reason text sent alongside it. 4400–4499 end y-websocket's reconnect loop. */
export interface CloseReason {
  readonly code: number;
  readonly reason: string;
}

export const Close = {
  goingAway: { code: 1001, reason: 'server shutting down' },
  badMessage: { code: 4400, reason: 'malformed message' },
  badDocumentId: { code: 4400, reason: 'invalid document id' },
  badEpoch: { code: 4400, reason: 'invalid epoch' },
  unauthenticated: { code: 4401, reason: 'authentication required' },
  invalidToken: { code: 4401, reason: 'invalid or expired token' },
  forbidden: { code: 4403, reason: 'forbidden' },
  /** The person's access changed while connected (revoked, downgraded): reload to continue as what they are now. */
  accessChanged: { code: 4403, reason: 'access changed' },
  wrongDocument: { code: 4403, reason: 'token is for another document' },
  /**
   * The person may now do more than this connection allows (a grant raised: a reader became a
   * commenter or editor). Not 44xx: the client reconnects, and the app's editor fetches a fresh
   * sync token first, which carries the new access (the editor then opens for writing without a
   * reload). A stock client with a fixed token reconnects as what its token says. Sent only by the
   * re-check that follows an access change, never on the per-update path.
   */
  accessRaised: { code: 4303, reason: 'access raised' },
  /**
   * The document was published (moved to final) while connected, so this connection lost its edit
   * or comment access: nothing is wrong with who the person is. The client stops editing at once,
   * keeps its unsent changes in its local copy, and reconnects as a reader (a fresh connection is
   * judged again and gets view access). Sent instead of `accessChanged` whenever a re-check finds a
   * connection downgraded and the document is final (cookie and token connections alike). 4423
   * ("locked", after HTTP 423): 44xx, so stock y-websocket clients stop their reconnect loop.
   */
  published: { code: 4423, reason: 'document published' },
  notFound: { code: 4404, reason: 'document not found' },
  tooLarge: { code: 4413, reason: 'message too large' },
  /**
   * The document's history was reset on the server (its epoch changed): the client's copy belongs to
   * an older epoch and must not be merged. Sent at connect (before any sync message) to a client whose
   * `?epoch=` differs, and to every live connection when the history is reset.
   */
  staleEpoch: { code: 4409, reason: 'document history was reset' },
  /**
   * Too many sockets or upgrades at once from one address. In y-websocket's "try again later"
   * range (4500–4599), not 44xx: a person behind a busy shared address gets in once a slot frees,
   * and every connection that closes before syncing doubles the client's wait (its back-off).
   */
  tooManyConnections: { code: 4529, reason: 'too many connections from this address' },
  /**
   * An update would create a shared type the document does not have (anything but DOCUMENT_ROOTS, or
   * map entries on the body): it would be stored and replayed to everyone, yet shown nowhere.
   */
  unknownSharedType: { code: 4422, reason: 'unknown shared type' },
  internalError: { code: 1011, reason: 'internal error' },
  /**
   * The document's stored files are damaged or unreadable: it is refused (never served cut short)
   * until an operator fixes them. 1011, not 44xx: the client retries, and gets in once they are.
   */
  storageFailed: { code: 1011, reason: 'document storage damaged' },
  /** Not 44xx: a client that fell behind (a stalled network) should reconnect and catch up. */
  tooSlow: { code: 1013, reason: 'not reading fast enough' },
} as const satisfies Record<string, CloseReason>;

/**
 * Presence (awareness) limits. A connection speaks for one awareness client (the first one it
 * announced: a y-websocket provider has exactly one); states of others are dropped.
 */
export const PRESENCE_CLIENTS_PER_CONNECTION = 1;
/** The presence limits' defaults (configurable: SYNC_PRESENCE_*). */
export const PresenceDefaults = {
  /** Largest presence state relayed (its JSON, after the server set the name and colour); larger ones are dropped. */
  maxStateBytes: 4096,
  /** Presence updates per connection per second (a burst of as many); beyond it only the latest is kept and sent later. */
  updatesPerSecond: 20,
  /** What a joiner (or a query) is sent of the others' presence at most, in bytes of state. */
  replayMaxBytes: 128 * 1024,
  /**
   * A presence not renewed for this long is removed and the removal relayed. y-protocols clients
   * renew every ~15 s (their own timeout is 30 s), so only silent or stuck sockets lose it.
   */
  timeoutMs: 60_000,
} as const;

/** Full-state syncs (answers to sync step 1; one per MiB begun) per minute; defaults of SYNC_FULL_SYNCS_PER_MINUTE_*. */
export const FullSyncDefaults = { perMinutePerConnection: 6, perMinutePerIp: 120 } as const;

/** Path prefix of the sync endpoint: ws(s)://host/sync/<documentId>. */
export const SYNC_PATH_PREFIX = '/sync/';

/** Query parameter by which a client opts into `MessageType.saved` acknowledgements. */
export const ACK_QUERY_PARAM = 'ack';

/**
 * Query parameter by which a client names the epoch its copy of the document belongs to (opt-in;
 * clients without it are not checked). A decimal integer ≥ 1; anything else is refused with 4400.
 */
export const EPOCH_QUERY_PARAM = 'epoch';

/** Name of the Y.XmlFragment that holds the document body (Tiptap's Collaboration default). */
export const BODY_FRAGMENT = 'default';

/**
 * Name of the Y.Map that holds a document's workshop state (issue 14, lib/workshop): ticked good
 * questions and the facilitator's workshop mode. Only keyed plain values (no nested types, no list
 * items); never part of a published version, an export or a reset's fresh body.
 */
export const WORKSHOP_MAP = 'workshop';

/** Every root shared type a document has; updates that create any other are refused (Close.unknownSharedType). */
export const DOCUMENT_ROOTS: readonly string[] = [BODY_FRAGMENT, WORKSHOP_MAP];

/**
 * The body schema's version (lib/editor/bodyExtensions.ts); 2 added the `mention` node, 3 tables,
 * 4 the toolbox's paragraph guides and impact chain (issue 14). An editor
 * whose schema lacks a node deletes it from the shared document when it meets one, so the app's
 * editor names its version when it asks for a sync token (`?schema=`), and a browser editor that
 * names an older one gets a read-only token. Clients that name none (stock y-websocket clients,
 * tests, other platforms) render no ProseMirror and are not affected.
 */
export const BODY_SCHEMA_VERSION = 4;

/** Query parameter of GET /api/documents/<id>/sync-token by which the app's editor names its body schema version. */
export const SCHEMA_QUERY_PARAM = 'schema';
