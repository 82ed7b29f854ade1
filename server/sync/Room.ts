/**
 * One loaded document: its Y.Doc, presence, connections and persistence. An update from an
 * editor is validated, applied, appended to the store, and relayed to the others only once the
 * append is durable (persist before broadcast), in arrival order. No sockets in here: see
 * SyncSocket and Connection.
 */
import * as Y from 'yjs';
import { Close, DOCUMENT_ROOTS, FullSyncDefaults, PresenceDefaults } from '../../lib/protocol';
import type { DocumentService } from '../../lib/documents/DocumentService';
import type { DocumentStore } from '../../lib/storage/DocumentStore';
import type { Connection, ConnectionSink } from './Connection';
import { decodeMessage } from './decodeMessage';
import { encodeAwarenessEntries, rewriteAwarenessUpdate } from './awarenessRewrite';
import { encodeAwareness, encodeSaved, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './encodeMessage';
import { endClocks, namesRetired, OUT_OF_SCOPE, validateUpdate, type UpdateScope } from './validateUpdate';
import { OrderedOutbox } from './OrderedOutbox';
import { RoomAwareness } from './RoomAwareness';
import type { SyncLogger } from './SyncLogger';
import { LatestOnlyGate } from './LatestOnlyGate';
import { PullLimiter } from './PullLimiter';
import { TokenBucket } from './TokenBucket';
import type { ClusterRoom, RoomCluster } from './RoomCluster';
import { mergeInSlices, type SliceOptions } from './mergeInSlices';
import { AuthorshipTable } from '../../lib/authorship/AuthorshipTable';
import { DeliveryLedger, grownRanges, offeredRanges, rangesOfUpdate } from '../../lib/authorship/deliveries';
import { authorKeyOf } from '../../lib/authorship/authorKeyOf';
import { SERVER_AUTHOR, type AuthorKey } from '../../lib/authorship/model';
import { encodeRecordAttribution } from '../../lib/authorship/stampCodec';
import { AttributionBacklog } from './foldAttributionInSlices';
import { isEmptyUpdate, stateVectorOfUpdates } from '../../lib/sync/stateVectorCodec';
import { concatInSlices } from './concatInSlices';
import { diffStoredUpdate, stateVectorOfStored } from '../../lib/sync/diffStoredUpdate';

/** What a client with `stateVector` lacks of stored bytes: read at the byte level, else by Yjs (which throws on bad bytes). */
const diffStored = (update: Uint8Array, stateVector: Uint8Array): Uint8Array =>
  diffStoredUpdate(update, stateVector) ?? Y.diffUpdate(update, stateVector);

/** Presence limits (lib/protocol.ts PresenceDefaults has the defaults and what each means). */
export interface PresenceLimits {
  readonly maxStateBytes: number;
  readonly updatesPerSecond: number;
  readonly replayMaxBytes: number;
  readonly timeoutMs: number;
}

export interface RoomDeps {
  readonly store: DocumentStore;
  readonly documents: Pick<DocumentService, 'touch'>;
  readonly logger: SyncLogger;
  readonly compactAfterBytes: number;
  readonly compactAfterRecords: number;
  readonly presence?: Partial<PresenceLimits>;
  /** Full-sync limits shared by every room (per IP); without it, only the per-connection default applies. */
  readonly pulls?: PullLimiter;
  /** The root shared types a document may have; default DOCUMENT_ROOTS. */
  readonly roots?: ReadonlySet<string>;
  /** Client ids whose history the document's resets retired (read when the room loads). */
  readonly retiredClientsOf?: (documentId: string) => Promise<readonly number[]>;
  /** Scale-out: the other nodes serving the same documents (absent: this process is alone). */
  readonly cluster?: RoomCluster;
  /** How a room merges many stored records when it loads (see mergeInSlices); tests observe the slices. */
  readonly loadSlices?: SliceOptions;
  /** The clock stamped on stored updates (attributed history); Date.now by default. */
  readonly now?: () => number;
  /**
   * Told after an edit of the body is durable: by whom (the connection's author key, as stamped:
   * `person:<id>`, `key:<kid>`, `platform`, `guest`; null for the server's own writes) and the update
   * stored (the same bytes, not a copy: read only). Must not throw; it is called after the relay is queued.
   */
  readonly onStored?: (documentId: string, by: AuthorKey | null, update: Uint8Array) => void;
}

/** A connection's rate gates in this room. */
interface Gates {
  readonly presence: LatestOnlyGate<Uint8Array>;
  readonly presenceBucket: TokenBucket;
  readonly pull: LatestOnlyGate<Uint8Array>;
  /** Logged once per connection each: an oversized presence state, a slowed full sync. */
  warnedOversized: boolean;
  warnedPull: boolean;
}

const DEFAULT_ROOTS: ReadonlySet<string> = new Set(DOCUMENT_ROOTS);
/** Transaction origin of updates from other nodes. */
const REMOTE = Symbol('remote');
/** Transaction origin of updates the server itself writes (a restored version). */
const SERVER = Symbol('server');

export interface RoomEvents {
  /** The last connection left. */
  onEmpty(room: Room): void;
  /** A write failed, or the stored state could not be applied: the room closed its connections and must be forgotten. */
  onFailed(room: Room): void;
}

export type RoomState = 'loading' | 'ready' | 'unloading' | 'closed' | 'failed';

export class Room implements ConnectionSink, ClusterRoom {
  state: RoomState = 'loading';
  /** Body updates dropped from read-only connections, for stats and tests. */
  droppedReadOnly = 0;
  private doc = new Y.Doc();
  private readonly connections = new Set<Connection>();
  private readonly awareness: RoomAwareness;
  private readonly presence: PresenceLimits;
  private readonly pulls: PullLimiter;
  private readonly gates = new Map<Connection, Gates>();
  private expiryTimer: NodeJS.Timeout | undefined;
  private readonly outbox: OrderedOutbox;
  /** The update the doc emitted for the transaction just applied (set by the doc's 'update' listener). */
  private emitted: Uint8Array | null = null;
  /** Sync step 2 for a client with nothing, kept until the doc changes: many fresh joins, one encoding. */
  private fullStateReply: Uint8Array | null = null;
  private compacting: Promise<void> | null = null;
  /** Settles once every update stored so far has been handed to the cluster bus (in a cluster). */
  private publishing: Promise<void> = Promise.resolve();
  private destroyed = false;
  /** The stored state while it is not yet applied to the doc (see load). */
  private unapplied: Uint8Array | null = null;
  /** The log records stored after `unapplied`, merged, while not yet applied (see load). */
  private unappliedTail: Uint8Array | null = null;
  /** The state vector of `unapplied` and `unappliedTail` together, once asked for (see storedStateVector). */
  private unappliedStateVector: Uint8Array | null = null;
  /** `unappliedTail` as an update message, sent right after `fullStateReply` while it is unapplied. */
  private fullStateTail: Uint8Array | null = null;
  /** Connections that joined before the doc was applied: they get our sync step 1 then. */
  private readonly ungreeted = new Set<Connection>();
  /** What client updates may touch: set by load(), once the retired clients are known. */
  private scope: UpdateScope;
  /** Who first delivered what (lib/authorship): folded from the stored attribution, then from each stamp stored. */
  private authorship = new AuthorshipTable();
  /** The stored attribution not yet folded into `authorship` (see table()). */
  private attributionBacklog: AttributionBacklog | null = null;
  /** Items Yjs held back, with who offered them, until they integrate. */
  private readonly deliveries = new DeliveryLedger();

  constructor(
    readonly id: string,
    private readonly deps: RoomDeps,
    private readonly events: RoomEvents,
  ) {
    this.presence = { ...PresenceDefaults, ...deps.presence };
    this.awareness = new RoomAwareness(this.presence);
    this.pulls =
      deps.pulls ??
      new PullLimiter({
        fullSyncsPerMinutePerConnection: FullSyncDefaults.perMinutePerConnection,
        fullSyncsPerMinutePerIp: FullSyncDefaults.perMinutePerIp,
      });
    this.outbox = new OrderedOutbox(
      (error) => deps.logger.error({ doc: id, err: error }, 'sync step failed'),
      (run) => this.corked(run),
    );
    this.scope = { roots: deps.roots ?? DEFAULT_ROOTS, retired: new Set() };
  }

  /** Whether the stored state has been applied to the doc (a cold room answers from the stored bytes until something needs it). */
  get isApplied(): boolean {
    return this.unapplied === null;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Appends issued and not yet relayed, plus replies waiting behind them. */
  get pendingSteps(): number {
    return this.outbox.size;
  }

  /** Resolves once everything queued so far has been persisted and sent. For tests and shutdown. */
  settled(): Promise<void> {
    return this.outbox.drained().then(() => this.publishing);
  }

  /**
   * Reads the stored updates. Throws when the store cannot be read or its updates cannot be
   * applied (the files stay as they are; the next connection tries again).
   *
   * A document stored as one record (a snapshot: the usual case after an unload or a restart) is
   * applied to the Y.Doc only when something needs the doc: an edit, or a client that already
   * has part of it. A fresh client's first sync is answered with the stored bytes themselves,
   * so readers of a large document do not wait the tens of milliseconds it takes to apply (nor
   * does their reply wait behind it: a large frame needs the event loop to finish writing).
   */
  async load(): Promise<void> {
    const store = this.deps.store;
    const [loaded, retired] = await Promise.all([
      store.loadAttributed ? store.loadAttributed(this.id) : store.load(this.id).then((updates) => updates && { updates, attribution: [] }),
      this.deps.retiredClientsOf?.(this.id),
    ]);
    const stored = loaded?.updates ?? null;
    if (loaded && loaded.attribution.length > 0) {
      // Folded in the background once the room is ready (see table()). Malformed attribution is
      // left out (that text shows as unknown); the body loads all the same.
      this.attributionBacklog = new AttributionBacklog(loaded.attribution, (error) =>
        this.deps.logger.warn({ doc: this.id, err: error }, 'left out unreadable stored attribution'),
      );
    }
    if (retired && retired.length > 0) this.scope = { ...this.scope, retired: new Set(retired) };
    if (stored && stored.length > 0) {
      this.unapplied = stored[0] as Uint8Array;
      this.fullStateReply = encodeSyncStep2(this.unapplied);
    }
    const log = stored && stored.length > 1 ? this.withoutRetired(stored.slice(1)) : [];
    if (log.length > 0) {
      // The log since the last snapshot (long after a crash), as one update, never merged with the
      // snapshot here (that costs as much as applying it). Usually each client's records follow on
      // from each other and joining their bytes is enough (concatUpdates: milliseconds for ten
      // thousand records, not a hundred); else they are merged. Either a slice at a time, so other
      // rooms keep relaying meanwhile. A fresh client gets this as one update, then the snapshot as step 2.
      const tail =
        log.length === 1
          ? (log[0] as Uint8Array)
          : ((await concatInSlices(log, this.deps.loadSlices)) ?? (await mergeInSlices(log, this.deps.loadSlices)));
      if (this.destroyed) return;
      this.unappliedTail = tail;
      this.fullStateTail = encodeSyncUpdate(tail);
    }
    this.doc.on('update', (update: Uint8Array) => {
      this.emitted = update;
    });
    this.state = 'ready';
    if (this.attributionBacklog) void this.foldAttributionInBackground();
  }

  /** Folds the stored attribution a slice per turn, until done or until something needed it all (table()). */
  private async foldAttributionInBackground(): Promise<void> {
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const backlog = this.attributionBacklog;
      if (backlog === null || this.destroyed) return;
      if (backlog.foldSlice()) {
        this.authorship = backlog.finish();
        this.attributionBacklog = null;
        return;
      }
    }
  }

  /** Who first delivered what, with every stored stamp folded in (the rest at once if the background fold is not done). */
  private table(): AuthorshipTable {
    if (this.attributionBacklog) {
      this.authorship = this.attributionBacklog.finish();
      this.attributionBacklog = null;
    }
    return this.authorship;
  }

  /**
   * Records after the snapshot that carry a retired client's edits: only another node's room that
   * still held the old history in the moment between a reset and its release can have stored them
   * (this node refuses them). Left out, so the old history never comes back.
   */
  private withoutRetired(records: Uint8Array[]): Uint8Array[] {
    const retired = this.scope.retired;
    if (retired.size === 0) return records;
    const kept = records.filter((record) => {
      for (const client of Y.parseUpdateMeta(record).from.keys()) if (retired.has(client)) return false;
      return true;
    });
    if (kept.length < records.length)
      this.deps.logger.warn({ doc: this.id, records: records.length - kept.length }, 'left out stored edits from before a history reset');
    return kept;
  }

  join(connection: Connection): void {
    this.connections.add(connection);
    this.gates.set(connection, this.createGates(connection));
    connection.attach(this, () => {
      // Our sync step 1 asks the client for what we lack. It needs the doc, so a cold room sends it
      // once applied; a client with content of its own makes that happen with its own step 1 or edits.
      if (this.unapplied) this.ungreeted.add(connection);
      else connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
      const presence = this.awareness.encodeAll();
      if (presence) connection.send(presence);
      const remote = this.deps.cluster?.remotePresence(this.id);
      if (remote) connection.send(remote);
    });
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.ungreeted.delete(connection);
    this.disposeGates(connection);
    const removed = this.awareness.removeConnection(connection);
    if (removed.length > 0) this.relayPresence(encodeAwarenessEntries(removed, removed.length), null);
    if (this.connections.size === 0) this.events.onEmpty(this);
  }

  receive(connection: Connection, data: Uint8Array): void {
    if (this.state !== 'ready' || connection.closed) return;
    const decoded = decodeMessage(data);
    if (!decoded.ok) return this.reject(connection, decoded.error, data.byteLength);
    const message = decoded.message;
    const gates = this.gates.get(connection);
    if (!gates) return;
    switch (message.type) {
      case 'syncStep1':
        gates.pull.offer(message.stateVector);
        if (gates.pull.waiting && !gates.warnedPull) {
          gates.warnedPull = true;
          this.deps.logger.info({ doc: this.id, conn: connection.id, ip: connection.info.ip }, 'full syncs over the limit; slowing them');
        }
        return;
      case 'syncStep2':
      case 'update':
        if (connection.readOnly) return this.dropReadOnly(connection);
        return this.applyClientUpdate(connection, message.update);
      case 'awareness':
        return gates.presence.offer(message.update);
      case 'queryAwareness': {
        // Counted as a presence update: each answer is up to the replay limit. Stock clients never ask.
        if (gates.presenceBucket.waitMs() > 0) return;
        gates.presenceBucket.take();
        const presence = this.awareness.encodeAll();
        if (presence) connection.send(presence);
        return;
      }
    }
  }

  /**
   * Flushes, compacts when the log has grown since the last snapshot, releases the store's
   * handles and destroys the doc. The caller makes sure no connection is left.
   */
  async unload(): Promise<void> {
    this.state = 'unloading';
    try {
      await this.outbox.drained();
      await this.publishing;
      await this.compacting;
      if ((this.state as RoomState) === 'failed') return;
      await this.deps.store.flush(this.id);
      // One record is a seed or a single edit: not worth rewriting the snapshot for.
      if (this.deps.store.stats(this.id).records > 1) {
        this.materialize();
        if ((this.state as RoomState) === 'failed') return;
        await this.deps.store.compact(this.id, Y.encodeStateAsUpdate(this.doc), this.table().encode());
      }
      await this.deps.store.release?.(this.id);
    } finally {
      this.destroy();
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.state !== 'failed') this.state = 'closed';
    this.outbox.clear();
    this.fullStateReply = null;
    this.unapplied = null;
    this.unappliedTail = null;
    this.fullStateTail = null;
    this.attributionBacklog = null;
    this.ungreeted.clear();
    for (const connection of [...this.gates.keys()]) this.disposeGates(connection);
    clearInterval(this.expiryTimer);
    this.expiryTimer = undefined;
    this.doc.destroy();
  }

  /**
   * The document as it is in this room now, as one update: the stored bytes themselves while they
   * are not applied yet (nothing to encode), else the doc's state. Readers of the body outside the
   * sync protocol (the comment service) use this, so one Y.Doc stays the truth for a loaded document.
   */
  currentState(): Uint8Array {
    if (this.unapplied) return this.unappliedTail ? Y.mergeUpdates([this.unapplied, this.unappliedTail]) : this.unapplied;
    return Y.encodeStateAsUpdate(this.doc);
  }

  /** Test hook: the room's current state as one update. */
  encodeState(): Uint8Array {
    this.materialize();
    return Y.encodeStateAsUpdate(this.doc);
  }

  /** Applies the stored state to the doc if load() left it for later, then greets who waited. */
  /** The state vector of the stored bytes while they are not applied (both parts), kept until they are. */
  private storedStateVector(): Uint8Array {
    const parts = this.unappliedTail ? [this.unapplied as Uint8Array, this.unappliedTail] : [this.unapplied as Uint8Array];
    return (this.unappliedStateVector ??= stateVectorOfStored(parts) ?? stateVectorOfUpdates(parts));
  }

  private materialize(): void {
    const state = this.unapplied;
    const tail = this.unappliedTail;
    if (state === null || this.destroyed) return;
    this.unapplied = null;
    this.unappliedTail = null;
    this.unappliedStateVector = null;
    this.fullStateTail = null;
    // The cached reply was the snapshot alone, the tail went beside it: encode afresh when next asked.
    if (tail) this.fullStateReply = null;
    try {
      // One transaction: observers and the emitted update see the stored state once.
      Y.transact(this.doc, () => {
        Y.applyUpdate(this.doc, state);
        if (tail) Y.applyUpdate(this.doc, tail);
      });
    } catch (error) {
      // The files stay as they are for an operator; the next connection tries again.
      return this.fail(error, 'stored state cannot be applied; closing the document');
    }
    if (this.ungreeted.size === 0) return;
    const step1 = encodeSyncStep1(Y.encodeStateVector(this.doc));
    for (const connection of this.ungreeted) connection.send(step1);
    this.ungreeted.clear();
  }

  private createGates(connection: Connection): Gates {
    const rate = this.presence.updatesPerSecond;
    const presenceBucket = new TokenBucket(rate, rate * 60);
    return {
      presenceBucket,
      presence: new LatestOnlyGate(
        () => presenceBucket.waitMs(),
        (update) => {
          presenceBucket.take();
          this.applyAwareness(connection, update);
        },
      ),
      pull: new LatestOnlyGate(
        () => this.pulls.waitMs(connection),
        (stateVector) => this.answerStep1(connection, stateVector),
      ),
      warnedOversized: false,
      warnedPull: false,
    };
  }

  private disposeGates(connection: Connection): void {
    const gates = this.gates.get(connection);
    if (!gates) return;
    gates.presence.dispose();
    gates.pull.dispose();
    this.gates.delete(connection);
  }

  private answerStep1(connection: Connection, stateVector: Uint8Array): void {
    // A slowed step 1 runs later: the room or the connection may be gone by then.
    if (this.state !== 'ready' || connection.closed) return;
    // A copy with pre-reset history gets nothing: our step 2 would merge the fresh body into it.
    if (namesRetired(stateVector, this.scope.retired)) return this.reject(connection, OUT_OF_SCOPE.retired, stateVector.byteLength);
    let reply: Uint8Array;
    // The log tail of a room not applied yet, sent with the stored snapshot (see load).
    let tail: Uint8Array | null = null;
    // [0]: a state vector with no clients; the client has nothing yet.
    if (stateVector.length === 1 && stateVector[0] === 0) {
      reply = this.fullStateReply ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
      tail = this.fullStateTail;
    } else if (this.unapplied) {
      // A client holding part of a cold room: what it lacks, cut from the stored bytes themselves
      // (applying a large document to diff against it costs several times as much, and a reader
      // never needs it applied). Our step 1 comes from the stored bytes too.
      try {
        reply = encodeSyncStep2(diffStored(this.unapplied, stateVector));
        const lacking = this.unappliedTail ? diffStored(this.unappliedTail, stateVector) : null;
        tail = lacking && !isEmptyUpdate(lacking) ? encodeSyncUpdate(lacking) : null;
      } catch {
        return this.reject(connection, 'bad-state-vector', stateVector.byteLength);
      }
      if (this.ungreeted.delete(connection)) connection.send(encodeSyncStep1(this.storedStateVector()));
    } else {
      this.materialize();
      if (this.state !== 'ready') return;
      try {
        reply = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
      } catch {
        return this.reject(connection, 'bad-state-vector', stateVector.byteLength);
      }
    }
    this.pulls.charge(connection, reply.byteLength + (tail?.byteLength ?? 0));
    // Queued behind the appends in flight: the reply may contain their content, so it leaves
    // only once they are durable. With nothing in flight it is sent right away.
    // The tail goes first, as an update: the client holds it pending (it builds on the snapshot)
    // until step 2 brings the snapshot, so when it counts itself synced (on step 2) it has both.
    this.outbox.push(() => {
      if (tail) connection.send(tail);
      connection.send(reply);
    }, true);
  }

  private applyClientUpdate(connection: Connection, update: Uint8Array): void {
    const valid = validateUpdate(update, this.scope);
    if (!valid.ok) return this.reject(connection, valid.error, update.byteLength);
    // Nothing in it (a returning client's step 2 when it has nothing we lack): a cold room stays
    // cold. A client that asked for acks still gets one (of nothing), as for any other update.
    if (isEmptyUpdate(update) && this.unapplied) {
      if (connection.info.ack) this.outbox.push(() => connection.send(encodeSaved(new Map())), true);
      return;
    }
    this.materialize();
    if (this.state !== 'ready') return;

    // Structs waiting for a missing dependency may integrate now, and then the sender lacks them too.
    const store = this.doc.store;
    const hadPending = store.pendingStructs !== null;
    const relayToSender = hadPending || store.pendingDs !== null;
    // What this connection brings first (compared with the state before applying): attributed to it.
    const offered = offeredRanges(valid.structs, (client) => Y.getState(store, client));
    this.emitted = null;
    let failure: unknown = null;
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      failure = error;
    }
    // What the doc took in (only the new part: a reconnecting client's full state is mostly known).
    const stored = this.emitted as Uint8Array | null;
    this.emitted = null;
    const ack = connection.info.ack && failure === null ? encodeSaved(this.durableClocks(valid.structs)) : null;

    if (stored !== null) {
      this.fullStateReply = null;
      const except = relayToSender ? null : connection;
      const entry = this.outbox.push(() => {
        this.broadcast(encodeSyncUpdate(stored), except);
        if (ack) connection.send(ack);
      }, false);
      const integrated = hadPending ? rangesOfUpdate(stored) : grownRanges(offered.before, (client) => Y.getState(store, client));
      const by = authorKeyOf(connection.info.actor);
      const attribution = this.stamp(by, integrated, offered.ranges);
      this.persist(stored, attribution).then(
        () => {
          this.outbox.markReady(entry);
          this.stored(by, stored);
        },
        (error: unknown) => this.fail(error, 'could not store an update; closing the document'),
      );
      this.deps.documents.touch(this.id);
      this.maybeCompact();
    } else {
      // Nothing integrated: what it offered waits (held back by Yjs) with its deliverer.
      if (offered.ranges.length > 0)
        this.deliveries.settle([], offered.ranges, authorKeyOf(connection.info.actor), this.now(), (client) => Y.getState(store, client));
    }
    if (stored === null && ack) {
      // Nothing new, but what it sent may sit in appends still in flight: ack behind them.
      this.outbox.push(() => connection.send(ack), true);
    }

    if (failure !== null) {
      // Validated updates should apply; if one still throws, whatever it did apply is stored above.
      this.deps.logger.error({ doc: this.id, conn: connection.id, err: failure }, 'update passed validation but failed to apply');
      this.reject(connection, 'apply-failed', update.byteLength);
    }
  }

  /**
   * An update the server itself writes into the live document (a restored version): checked like
   * a client's, applied, stored and (in a cluster) published, and only then relayed to every
   * connection, in order with the clients' updates. Resolves once it is durable; rejects when it is
   * invalid (nothing applied) or cannot be stored (the room fails, as for a client's update).
   */
  applyServerUpdate(update: Uint8Array, by: AuthorKey = SERVER_AUTHOR): Promise<void> {
    if (this.state !== 'ready') return Promise.reject(new Error(`the room is ${this.state}`));
    const valid = validateUpdate(update, this.scope);
    if (!valid.ok) return Promise.reject(new Error(`invalid server update: ${valid.error}`));
    this.materialize();
    if (this.state !== 'ready') return Promise.reject(new Error('the stored state cannot be applied'));
    const store = this.doc.store;
    const hadPending = store.pendingStructs !== null;
    const offered = offeredRanges(valid.structs, (client) => Y.getState(store, client));
    this.emitted = null;
    try {
      Y.applyUpdate(this.doc, update, SERVER);
    } catch (error) {
      // Whatever it did apply is stored below, as for a client's update that fails half-way.
      this.deps.logger.error({ doc: this.id, err: error }, 'server update passed validation but failed to apply');
    }
    const stored = this.emitted as Uint8Array | null;
    this.emitted = null;
    // Nothing new: durable once the appends already in flight are (it may sit in one of them).
    if (stored === null) return this.outbox.drained();
    this.fullStateReply = null;
    const entry = this.outbox.push(() => this.broadcast(encodeSyncUpdate(stored), null), false);
    const integrated = hadPending ? rangesOfUpdate(stored) : grownRanges(offered.before, (client) => Y.getState(store, client));
    const durable = this.persist(stored, this.stamp(by, integrated, offered.ranges));
    durable.then(
      () => {
        this.outbox.markReady(entry);
        this.stored(null, stored);
      },
      (error: unknown) => this.fail(error, 'could not store a server update; closing the document'),
    );
    this.deps.documents.touch(this.id);
    this.maybeCompact();
    return durable;
  }

  /** Tells the onStored hook (mentions, changed passages); its failure never touches the room. */
  private stored(by: AuthorKey | null, update: Uint8Array): void {
    try {
      this.deps.onStored?.(this.id, by, update);
    } catch (error) {
      this.deps.logger.error({ doc: this.id, err: error }, 'the stored-update hook failed');
    }
  }

  /**
   * The attribution stored with an update just applied: who first delivered each range it
   * integrated (lib/authorship/deliveries.ts). Folded into the room's table at once, in the order
   * the updates are appended, so a compaction's table covers every append issued before it.
   */
  private stamp(
    deliverer: AuthorKey | null,
    integrated: ReturnType<typeof grownRanges>,
    offered: ReturnType<typeof grownRanges>,
  ): Uint8Array {
    const at = this.now();
    const attributed = this.deliveries.settle(integrated, offered, deliverer ?? SERVER_AUTHOR, at, (client) =>
      Y.getState(this.doc.store, client),
    );
    // No deliverer (held items released by a remote update): the record is theirs who delivered them.
    const by = deliverer ?? attributed[0]?.by ?? SERVER_AUTHOR;
    const bytes = encodeRecordAttribution(by, at, attributed);
    // Folded as a load will fold the stored bytes (a stamp is folded directly, without decoding it again).
    const table = this.table();
    if (attributed.every((range) => range.by === by && range.at === at)) table.add({ by, at, ranges: attributed });
    else table.foldStored(bytes);
    return bytes;
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** The document as it is now and who wrote what (a copy of the table), for the authorship read. */
  authorshipState(): { readonly state: Uint8Array; readonly attribution: Uint8Array } {
    return { state: this.currentState(), attribution: this.table().encode() };
  }

  /**
   * Durable in the store (with its attribution, in the same record): only then relayed to this
   * node's clients and acknowledged. In a cluster it is published to the other nodes from then on,
   * in append order (durable appends resolve in order), without holding this node's relay back: a
   * node that dies before publishing leaves it in the shared store's ledger, which another node's
   * sweep publishes, so nothing acknowledged is lost to the other nodes either.
   */
  private persist(update: Uint8Array, attribution: Uint8Array): Promise<void> {
    const durable = this.deps.store.append(this.id, update, attribution);
    const cluster = this.deps.cluster;
    if (cluster) {
      // published() never rejects; the chain only tells unload when the bus has everything.
      const publishing = durable.then(
        () => cluster.published(this.id, update),
        () => undefined,
      );
      this.publishing = this.publishing.then(() => publishing);
    }
    return durable;
  }

  /**
   * Updates another node validated, stored and published (in stream order): applied and relayed to
   * this node's clients at once (they are durable already), never stored again. Checked like a
   * client's all the same, since they came over the network. Relayed corked: one write per socket.
   *
   * One exception: items this node's clients sent that Yjs held back (a missing dependency) may
   * integrate with a remote update. Nobody has stored those yet, so such a transaction is stored
   * (and published) here like a client's update, attributed to whoever delivered the held items,
   * and relayed once durable: the remote part is stored twice, which applying tolerates.
   */
  applyRemote(updates: readonly Uint8Array[]): void {
    if (this.state !== 'ready') return;
    this.materialize();
    const frames: Uint8Array[] = [];
    for (const update of updates) {
      if (this.state !== 'ready') return;
      const valid = validateUpdate(update, this.scope);
      if (!valid.ok) {
        this.deps.logger.warn({ doc: this.id, error: valid.error, bytes: update.byteLength }, 'refused an update from another node');
        continue;
      }
      const store = this.doc.store;
      const held = { structs: store.pendingStructs, ds: store.pendingDs };
      this.emitted = null;
      try {
        Y.applyUpdate(this.doc, update, REMOTE);
      } catch (error) {
        this.deps.logger.error({ doc: this.id, err: error }, 'an update from another node failed to apply');
      }
      const fresh = this.emitted as Uint8Array | null;
      this.emitted = null;
      if (fresh === null) continue;
      const releasedHeld =
        (held.structs !== null && store.pendingStructs !== held.structs) || (held.ds !== null && store.pendingDs !== held.ds);
      if (releasedHeld) this.storeReleased(fresh);
      else frames.push(encodeSyncUpdate(fresh));
    }
    if (frames.length === 0) return;
    this.fullStateReply = null;
    this.corked(() => {
      for (const frame of frames) this.broadcast(frame, null);
    });
  }

  /** A remote update let held-back local items integrate: stored, then relayed (see applyRemote). */
  private storeReleased(update: Uint8Array): void {
    this.fullStateReply = null;
    const entry = this.outbox.push(() => this.broadcast(encodeSyncUpdate(update), null), false);
    // Only the held offers are attributed here (offered: none); the remote part has its own record.
    const attribution = this.stamp(null, rangesOfUpdate(update), []);
    this.persist(update, attribution).then(
      () => {
        this.outbox.markReady(entry);
        this.stored(null, update);
      },
      (error: unknown) => this.fail(error, 'could not store held-back updates; closing the document'),
    );
    this.deps.documents.touch(this.id);
    this.maybeCompact();
  }

  relayRemotePresence(frame: Uint8Array): void {
    if (this.state === 'ready') this.broadcast(frame, null);
  }

  /** Presence changes go to this node's connections and, in a cluster, to the other nodes'. */
  private relayPresence(update: Uint8Array, except: Connection | null): void {
    this.broadcast(encodeAwareness(update), except);
    this.deps.cluster?.presenceChanged(this.id, update);
  }

  /** Per client in the update: the clock up to which it is now in the doc (not pending). */
  private durableClocks(structs: Parameters<typeof endClocks>[0]): Map<number, number> {
    const clocks = endClocks(structs);
    for (const [client, end] of clocks) {
      const integrated = Math.min(end, Y.getState(this.doc.store, client));
      if (integrated > 0) clocks.set(client, integrated);
      else clocks.delete(client);
    }
    return clocks;
  }

  private applyAwareness(connection: Connection, update: Uint8Array): void {
    if (this.state !== 'ready' || connection.closed) return;
    // Far over the limit for the one client a connection may speak for: not worth parsing.
    if (update.byteLength > 2 * this.presence.maxStateBytes + 1024) return this.refuseOversized(connection, update.byteLength);
    const rewritten = rewriteAwarenessUpdate(update, connection.info.actor);
    if (!rewritten.ok) return this.reject(connection, rewritten.error, update.byteLength);
    const { accepted, oversized } = this.awareness.apply(connection, rewritten.entries);
    if (oversized > 0) this.refuseOversized(connection, update.byteLength);
    if (accepted.length === 0) return;
    this.relayPresence(encodeAwarenessEntries(accepted, accepted.length), connection);
    if (this.expiryTimer === undefined) {
      // Checked a few times per timeout: a silent state goes between one and 1.25 timeouts after its last renewal.
      this.expiryTimer = setInterval(() => this.expirePresence(), Math.max(10, Math.floor(this.presence.timeoutMs / 4)));
      this.expiryTimer.unref();
    }
  }

  private refuseOversized(connection: Connection, bytes: number): void {
    const gates = this.gates.get(connection);
    if (!gates || gates.warnedOversized) return;
    gates.warnedOversized = true;
    this.deps.logger.warn(
      { doc: this.id, conn: connection.id, error: 'presence-too-large', bytes, limit: this.presence.maxStateBytes },
      'presence state too large; dropped',
    );
  }

  /** Relays the removal of presence states nobody renewed (sockets open but silent), to everyone, owners included. */
  private expirePresence(): void {
    const removed = this.awareness.expire(this.presence.timeoutMs);
    if (removed.length > 0) {
      this.deps.logger.debug({ doc: this.id, states: removed.length }, 'presence timed out');
      this.relayPresence(encodeAwarenessEntries(removed, removed.length), null);
    }
    if (!this.awareness.hasLive()) {
      clearInterval(this.expiryTimer);
      this.expiryTimer = undefined;
    }
  }

  private dropReadOnly(connection: Connection): void {
    this.droppedReadOnly++;
    // Once per connection: a viewer's editor may keep trying on every keystroke.
    if (connection.droppedUpdates++ === 0) {
      this.deps.logger.debug(
        { doc: this.id, conn: connection.id, access: connection.info.access },
        'dropped body update from read-only connection',
      );
    }
  }

  /** Runs `run` with every socket corked: relays of one group commit leave in one write per socket. */
  private corked(run: () => void): void {
    const corked = [...this.connections];
    for (const connection of corked) connection.cork();
    try {
      run();
    } finally {
      for (const connection of corked) connection.uncork();
    }
  }

  private broadcast(data: Uint8Array, except: Connection | null): void {
    for (const connection of this.connections) if (connection !== except) connection.send(data);
  }

  private reject(connection: Connection, error: string, bytes: number): void {
    // Sizes and codes only: never the frame, which holds document text.
    const fields = { doc: this.id, conn: connection.id, error, bytes };
    if (error === OUT_OF_SCOPE.retired) {
      // Not malformed: a client that kept its copy across a reset. 4409 tells it to start afresh.
      this.deps.logger.info(fields, 'sync connection refused: state from before a history reset');
      return connection.close(Close.staleEpoch);
    }
    if (error === OUT_OF_SCOPE.unknownRoot) {
      this.deps.logger.warn(fields, 'update creates a shared type the document does not have; closing connection');
      return connection.close(Close.unknownSharedType);
    }
    this.deps.logger.warn(fields, 'malformed message; closing connection');
    connection.close(Close.badMessage);
  }

  private maybeCompact(): void {
    if (this.compacting) return;
    const { records, bytes } = this.deps.store.stats(this.id);
    if (records < this.deps.compactAfterRecords && bytes < this.deps.compactAfterBytes) return;
    let compacted = false;
    this.compacting = new Promise<void>((resolve) => {
      // Off the current message's path; snapshot and compact() stay in the same tick, so the
      // snapshot holds every append issued before compact() (the store's contract).
      setImmediate(() => {
        if (this.state !== 'ready') return resolve();
        this.deps.store.compact(this.id, Y.encodeStateAsUpdate(this.doc), this.table().encode()).then(
          () => {
            compacted = true;
            resolve();
          },
          (error: unknown) => {
            this.deps.logger.warn({ doc: this.id, err: error }, 'compaction failed; the log stays as it is');
            resolve();
          },
        );
      });
    }).finally(() => {
      this.compacting = null;
      // A burst (a client back from offline) can append past the bound again while this ran; the
      // log since the snapshot is what a crash makes the next load merge, so it is bounded now,
      // not at the next edit, which may never come. Not after a failure: that would retry in a loop.
      if (compacted && this.state === 'ready') this.maybeCompact();
    });
  }

  /** A write or the stored state failed: the doc may hold what is not durable, so drop the room. */
  private fail(error: unknown, message: string): void {
    if (this.state === 'failed' || this.state === 'closed') return;
    this.deps.logger.error({ doc: this.id, err: error }, message);
    this.state = 'failed';
    this.outbox.clear();
    for (const connection of [...this.connections]) connection.close(Close.internalError);
    this.events.onFailed(this);
  }
}
