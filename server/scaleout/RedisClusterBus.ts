/**
 * The cluster bus on Redis (ioredis), three connections per node:
 * - commands: XADD (with MAXLEN ~ and an idle expiry), stream ends, gap checks, PUBLISH;
 * - reader: one blocking XREAD over every followed document's stream at once (plus this node's
 *   wake stream, which a new follow writes to so the blocked read starts again with it);
 * - subscriber: pub/sub, one channel per held document (presence, comment revisions) and one for
 *   access changes.
 * Each stream entry holds the publishing node's id (`n`) and one or more updates (`u`, repeated, in
 * order); a node skips its own. The updates a node publishes to one document in the same turn (one
 * group commit's, which the store resolves together) go out as ONE entry: one XADD, and one XREAD
 * wake-up on every other node, instead of one per update (see `publishUpdate`).
 *
 * Catching up by id: a follower's position is the id it last read, so after a dropped connection
 * the next XREAD simply continues from there. Streams are capped (MAXLEN ~ N keeps at least N
 * entries), so a follower that fell more than N entries behind would skip some. A position also
 * counts the entries up to it (`<id>@<count>`, the count from XINFO's entries-added); trimming
 * drops the oldest `entries-added - length` entries, so entries after a position were dropped
 * exactly when that exceeds its count. Only a read that returns a full batch can have skipped
 * any (with N ≥ the batch size, a gap leaves at least N entries after the position), so only
 * then is XINFO asked; after a gap the follower is moved to the stream's end and told to reload
 * from the store (which holds everything published up to there).
 */
import { randomBytes } from 'node:crypto';
// Loaded by connect(): a server without REDIS_URL never loads ioredis (start time, memory).
import type { Redis } from 'ioredis';
import type { ClusterAccessChange, ClusterBus, DocumentNotice, StreamFollower, StreamPosition } from '../../lib/sync/ClusterBus';
import { STREAM_START } from '../../lib/sync/ClusterBus';
import type { SyncLogger } from '../sync/SyncLogger';
import { decodeNotice, encodeNotice } from './noticeCodec';
import { decodeAccessChange, encodeAccessChange } from './accessChangeCodec';

export interface RedisClusterBusOptions {
  /** `redis://[user:password@]host:port[/db]` (REDIS_URL). */
  readonly url: string;
  readonly logger: SyncLogger;
  /** Defaults to a random id per process. */
  readonly nodeId?: string;
  /** Prefix of every key and channel (several installations, or tests, on one Redis). */
  readonly prefix?: string;
  /** Entries a document's stream keeps at least (XADD MAXLEN ~). Not below `readCount`. */
  readonly streamMaxLength?: number;
  /** Entries read per stream per XREAD. */
  readonly readCount?: number;
  /** A stream nobody wrote to for this long is deleted by Redis (a follower then continues on a fresh one). */
  readonly streamIdleMs?: number;
  /** Longest one blocked XREAD waits (it is restarted at once by a new follow or a close). */
  readonly blockMs?: number;
}

export const RedisBusDefaults = {
  prefix: 'samskriv:',
  streamMaxLength: 1000,
  readCount: 100,
  streamIdleMs: 24 * 60 * 60 * 1000,
  blockMs: 10_000,
} as const;

/** Pause before reading again after a read failed on a live connection (a reply it could not parse, say). */
const READ_RETRY_MS = 100;
/** Most updates one stream entry carries (a larger group commit goes out as several entries). */
export const MAX_ENTRY_UPDATES = 100;
/** Most bytes of updates one stream entry carries (one larger update goes alone). */
export const MAX_ENTRY_BYTES = 1024 * 1024;

/** Updates published to one document in this turn, sent as one stream entry at its end. */
interface OutgoingEntry {
  readonly key: string;
  readonly fields: Array<string | Buffer>;
  updates: number;
  bytes: number;
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

interface Followed {
  readonly documentId: string;
  readonly key: string;
  /** The id last read (or where the stream ended when following began). */
  id: string;
  /** How many entries the stream had added up to `id`. */
  count: number;
  readonly follower: StreamFollower;
}

/** `<id>@<count>`; a bare id (STREAM_START) counts 0. */
function parsePosition(position: StreamPosition): { id: string; count: number } {
  const at = position.indexOf('@');
  if (at === -1) return { id: position, count: 0 };
  return { id: position.slice(0, at), count: Number(position.slice(at + 1)) || 0 };
}

type NoticeListener = (notice: DocumentNotice) => void;

interface StreamInfo {
  readonly lastId: string;
  readonly added: number;
  readonly length: number;
}

/** ioredis' reply to XREAD with Buffers: per stream, its key and entries (id, flat field list). */
type XReadReply = Array<[Buffer, Array<[Buffer, Buffer[]]>]> | null;

export class RedisClusterBus implements ClusterBus {
  readonly nodeId: string;
  private readonly prefix: string;
  private readonly maxLength: number;
  private readonly readCount: number;
  private readonly idleMs: number;
  private readonly blockMs: number;
  private readonly commands: Redis;
  private readonly reader: Redis;
  private readonly subscriber: Redis;
  private readonly followed = new Map<string, Followed>();
  private readonly noticeListeners = new Map<string, Set<NoticeListener>>();
  private readonly accessListeners = new Set<(change: ClusterAccessChange) => void>();
  /** Per stream key: the entry the updates published in this turn join. */
  private readonly outgoing = new Map<string, OutgoingEntry>();
  private readonly wakeKey: string;
  private wakePosition: StreamPosition = STREAM_START;
  private readLoop: Promise<void> | null = null;
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly options: RedisClusterBusOptions,
    RedisClient: typeof Redis,
  ) {
    this.nodeId = options.nodeId ?? randomBytes(8).toString('hex');
    this.prefix = options.prefix ?? RedisBusDefaults.prefix;
    this.readCount = options.readCount ?? RedisBusDefaults.readCount;
    this.maxLength = Math.max(options.streamMaxLength ?? RedisBusDefaults.streamMaxLength, this.readCount);
    this.idleMs = options.streamIdleMs ?? RedisBusDefaults.streamIdleMs;
    this.blockMs = options.blockMs ?? RedisBusDefaults.blockMs;
    this.wakeKey = `${this.prefix}wake:${this.nodeId}`;
    // No per-command retry limit: while Redis is away, publishes wait for it (an update is
    // acknowledged only once the other nodes can get it), and reads resume where they were.
    const shared = { lazyConnect: true, maxRetriesPerRequest: null } as const;
    // Auto-pipelining: the publishes of one group commit leave in one write, not several per command.
    this.commands = new RedisClient(options.url, {
      ...shared,
      enableAutoPipelining: true,
      connectionName: `samskriv-${this.nodeId}-commands`,
    });
    this.reader = new RedisClient(options.url, { ...shared, connectionName: `samskriv-${this.nodeId}-reader` });
    this.subscriber = new RedisClient(options.url, { ...shared, connectionName: `samskriv-${this.nodeId}-subscriber` });
    for (const [name, connection] of [
      ['commands', this.commands],
      ['reader', this.reader],
      ['subscriber', this.subscriber],
    ] as const) {
      let down = false;
      connection.on('error', (error: Error) => {
        // Once per outage: ioredis reports every failed reconnect attempt.
        if (down) return;
        down = true;
        options.logger.warn({ connection: name, err: error }, 'redis connection failed; retrying');
      });
      connection.on('ready', () => {
        if (!down) return;
        down = false;
        options.logger.info({ connection: name }, 'redis connection back');
      });
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
  }

  /** Connects all three connections (rejects if Redis cannot be reached at start) and starts reading. */
  static async connect(options: RedisClusterBusOptions): Promise<RedisClusterBus> {
    const { Redis: RedisClient } = await import('ioredis');
    const bus = new RedisClusterBus(options, RedisClient);
    try {
      await Promise.all([bus.commands.connect(), bus.reader.connect(), bus.subscriber.connect()]);
      await bus.subscriber.subscribe(bus.accessChannel());
    } catch (error) {
      bus.commands.disconnect();
      bus.reader.disconnect();
      bus.subscriber.disconnect();
      // Not the URL: it may hold a password.
      throw new Error(`could not connect to Redis (REDIS_URL): ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    bus.readLoop = bus.read();
    return bus;
  }

  /**
   * Joins the update to this turn's entry for the document (sent in a microtask, after every
   * update a group commit resolved together has joined it); resolves once Redis holds the entry.
   * Entries of one document leave in call order on one connection, so the stream keeps the order.
   */
  publishUpdate(documentId: string, update: Uint8Array): Promise<void> {
    const key = this.streamKey(documentId);
    const payload = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
    let entry = this.outgoing.get(key);
    if (entry && (entry.updates >= MAX_ENTRY_UPDATES || entry.bytes + payload.byteLength > MAX_ENTRY_BYTES)) {
      this.outgoing.delete(key);
      this.sendEntry(entry);
      entry = undefined;
    }
    if (!entry) {
      const opened = newEntry(key, this.nodeId);
      this.outgoing.set(key, opened);
      queueMicrotask(() => {
        if (this.outgoing.get(key) !== opened) return;
        this.outgoing.delete(key);
        this.sendEntry(opened);
      });
      entry = opened;
    }
    entry.fields.push('u', payload);
    entry.updates++;
    entry.bytes += payload.byteLength;
    return entry.done;
  }

  private sendEntry(entry: OutgoingEntry): void {
    const added = this.commands.xadd(entry.key, 'MAXLEN', '~', this.maxLength, '*', ...entry.fields);
    const expiry = this.commands.pexpire(entry.key, this.idleMs);
    Promise.all([added, expiry]).then(entry.resolve, entry.reject);
  }

  async streamEnd(documentId: string): Promise<StreamPosition> {
    const info = await this.streamInfo(this.streamKey(documentId));
    return info ? `${info.lastId}@${info.added}` : STREAM_START;
  }

  follow(documentId: string, from: StreamPosition, follower: StreamFollower): () => void {
    const followed: Followed = { documentId, key: this.streamKey(documentId), ...parsePosition(from), follower };
    this.followed.set(followed.key, followed);
    this.wake();
    return () => {
      if (this.followed.get(followed.key) === followed) this.followed.delete(followed.key);
    };
  }

  publishNotice(documentId: string, notice: DocumentNotice): void {
    const message = Buffer.from(encodeNotice(this.nodeId, notice));
    this.commands.publish(this.noticeChannel(documentId), message).catch((error: unknown) => this.publishFailed(error, 'notice'));
  }

  onNotice(documentId: string, listener: NoticeListener): () => void {
    const channel = this.noticeChannel(documentId);
    let listeners = this.noticeListeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.noticeListeners.set(channel, listeners);
      this.subscriber.subscribe(channel).catch((error: unknown) => this.publishFailed(error, 'subscribe'));
    }
    const subscription: NoticeListener = (notice) => listener(notice);
    listeners.add(subscription);
    return () => {
      const current = this.noticeListeners.get(channel);
      if (!current?.delete(subscription) || current.size > 0) return;
      this.noticeListeners.delete(channel);
      if (!this.closing) this.subscriber.unsubscribe(channel).catch((error: unknown) => this.publishFailed(error, 'unsubscribe'));
    };
  }

  publishAccessChange(change: ClusterAccessChange): void {
    this.commands
      .publish(this.accessChannel(), encodeAccessChange(this.nodeId, change))
      .catch((error: unknown) => this.publishFailed(error, 'access change'));
  }

  onAccessChange(listener: (change: ClusterAccessChange) => void): () => void {
    const subscription = (change: ClusterAccessChange) => listener(change);
    this.accessListeners.add(subscription);
    return () => this.accessListeners.delete(subscription);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.followed.clear();
      // Ends the blocked XREAD (it rejects), which ends the loop.
      this.reader.disconnect();
      await this.readLoop?.catch(() => undefined);
      this.subscriber.disconnect();
      // QUIT answers after every command sent before it: queued publishes go out first.
      await this.commands.del(this.wakeKey).catch(() => undefined);
      await this.commands.quit().catch(() => this.commands.disconnect());
    })();
    return this.closing;
  }

  private streamKey(documentId: string): string {
    return `${this.prefix}updates:${documentId}`;
  }

  private noticeChannel(documentId: string): string {
    return `${this.prefix}doc:${documentId}`;
  }

  private accessChannel(): string {
    return `${this.prefix}access`;
  }

  /** Restarts the blocked read, so it includes a stream followed since it began. */
  private wake(): void {
    if (this.closing) return;
    this.commands
      .pipeline()
      .xadd(this.wakeKey, 'MAXLEN', 1, '*', 'w', '1')
      .pexpire(this.wakeKey, this.idleMs)
      .exec()
      .catch((error: unknown) => this.publishFailed(error, 'wake'));
  }

  private async read(): Promise<void> {
    while (!this.closing) {
      const streams = [...this.followed.values()];
      let reply: XReadReply;
      try {
        reply = (await this.reader.xreadBuffer(
          'COUNT',
          this.readCount,
          'BLOCK',
          this.blockMs,
          'STREAMS',
          this.wakeKey,
          ...streams.map((s) => s.key),
          this.wakePosition,
          ...streams.map((s) => s.id),
        )) as XReadReply;
      } catch (error) {
        if (this.closing) return;
        this.options.logger.warn({ err: error }, 'redis stream read failed; reading again when connected');
        if (this.reader.status === 'ready') await new Promise((resolve) => setTimeout(resolve, READ_RETRY_MS));
        else await settled(this.reader);
        continue;
      }
      if (!reply) continue;
      const read = new Map(streams.map((s) => [s.key, s]));
      for (const [keyBuffer, entries] of reply) {
        const key = keyBuffer.toString();
        const last = entries.at(-1);
        if (!last) continue;
        if (key === this.wakeKey) {
          this.wakePosition = last[0].toString();
          continue;
        }
        const followed = read.get(key);
        // Unfollowed (the room closed) while the read was out: nobody wants these any more.
        if (!followed || this.followed.get(key) !== followed) continue;
        const from = followed.count;
        followed.id = last[0].toString();
        followed.count += entries.length;
        this.deliver(followed, entries);
        // A full batch: the follower may be far behind, and entries after `from` may be gone.
        if (entries.length >= this.readCount) await this.checkGap(followed, from);
      }
    }
  }

  private deliver(followed: Followed, entries: Array<[Buffer, Buffer[]]>): void {
    const updates: Uint8Array[] = [];
    for (const [, fields] of entries) {
      let node: string | undefined;
      const carried: Buffer[] = [];
      let empty = false;
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const name = (fields[i] as Buffer).toString();
        const value = fields[i + 1] as Buffer;
        if (name === 'n') node = value.toString();
        else if (name === 'u') {
          if (value.byteLength === 0) empty = true;
          carried.push(value);
        }
      }
      if (node === undefined || carried.length === 0 || empty) {
        this.options.logger.warn({ doc: followed.documentId }, 'malformed entry on a document stream; skipped');
        continue;
      }
      if (node === this.nodeId) continue;
      for (const update of carried) updates.push(new Uint8Array(update.buffer, update.byteOffset, update.byteLength));
    }
    if (updates.length === 0) return;
    try {
      followed.follower.updates(updates);
    } catch (error) {
      this.options.logger.error({ doc: followed.documentId, err: error }, 'applying updates from the stream failed');
    }
  }

  /** Entries after the `from`th were trimmed before this node read them: jump to the end, reload from the store. */
  private async checkGap(followed: Followed, from: number): Promise<void> {
    let info: StreamInfo | null;
    try {
      info = await this.streamInfo(followed.key);
    } catch (error) {
      this.options.logger.warn({ doc: followed.documentId, err: error }, 'could not check a stream for dropped entries');
      return;
    }
    if (!info || this.followed.get(followed.key) !== followed) return;
    const dropped = info.added - info.length;
    // Fewer added than counted: the stream was deleted and made anew, so entries may be missing too.
    if (dropped <= from && info.added >= followed.count) return;
    followed.id = info.lastId;
    followed.count = info.added;
    this.options.logger.warn({ doc: followed.documentId }, 'fell behind the document stream; reloading from the store');
    try {
      followed.follower.gap();
    } catch (error) {
      this.options.logger.error({ doc: followed.documentId, err: error }, 'reloading after a stream gap failed');
    }
  }

  /** The stream's last id, entries ever added, and entries now held; null when there is no stream. */
  private async streamInfo(key: string): Promise<StreamInfo | null> {
    let reply: unknown[];
    try {
      reply = (await this.commands.xinfo('STREAM', key)) as unknown[];
    } catch (error) {
      if (error instanceof Error && /no such key/i.test(error.message)) return null;
      throw error;
    }
    const info = flatPairs(reply);
    return {
      lastId: info.get('last-generated-id') ?? STREAM_START,
      added: Number(info.get('entries-added') ?? 0),
      length: Number(info.get('length') ?? 0),
    };
  }

  private receive(channel: string, message: Buffer): void {
    if (channel === this.accessChannel()) {
      const decoded = decodeAccessChange(message.toString());
      if (!decoded) return this.options.logger.warn({ channel }, 'malformed access change on the bus; ignored');
      if (decoded.nodeId === this.nodeId) return;
      for (const listener of [...this.accessListeners]) {
        try {
          listener(decoded.change);
        } catch (error) {
          this.options.logger.error({ err: error }, 'an access change listener threw');
        }
      }
      return;
    }
    const listeners = this.noticeListeners.get(channel);
    if (!listeners) return;
    const decoded = decodeNotice(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    if (!decoded) return this.options.logger.warn({ channel }, 'malformed notice on the bus; ignored');
    if (decoded.nodeId === this.nodeId) return;
    for (const listener of [...listeners]) {
      try {
        listener(decoded.notice);
      } catch (error) {
        this.options.logger.error({ channel, err: error }, 'a notice listener threw');
      }
    }
  }

  private publishFailed(error: unknown, what: string): void {
    if (this.closing) return;
    this.options.logger.warn({ err: error, what }, 'redis command failed');
  }
}

function newEntry(key: string, nodeId: string): OutgoingEntry {
  let settle!: Pick<OutgoingEntry, 'resolve' | 'reject'>;
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  return { key, fields: ['n', nodeId], updates: 0, bytes: 0, done, ...settle };
}

/** XINFO's flat `[name, value, …]` reply, as strings for the values that are strings or numbers. */
function flatPairs(reply: unknown[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (let i = 0; i + 1 < reply.length; i += 2) {
    const value = reply[i + 1];
    if (typeof value === 'string' || typeof value === 'number') pairs.set(String(reply[i]), String(value));
  }
  return pairs;
}

/** Resolves when the connection is ready again, or has ended for good (closed). */
function settled(connection: Redis): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      connection.off('ready', done);
      connection.off('end', done);
      resolve();
    };
    connection.on('ready', done);
    connection.on('end', done);
  });
}
