/**
 * Full-state syncs (answers to sync step 1) per connection and per client IP. A reply costs one
 * token per MiB begun, so pulling a large document again and again is slowed to the configured
 * rate, while a reconnecting editor (one step 1 per connect) never notices. Incremental updates
 * are not counted.
 */
import type { Connection } from './Connection';
import { TokenBucket } from './TokenBucket';

export interface PullLimits {
  readonly fullSyncsPerMinutePerConnection: number;
  readonly fullSyncsPerMinutePerIp: number;
}

const MiB = 1024 * 1024;
/** Past this many remembered IPs, forget the ones whose bucket is full again. */
const PRUNE_AT = 10_000;

export class PullLimiter {
  private readonly connections = new WeakMap<Connection, TokenBucket>();
  private readonly ips = new Map<string, TokenBucket>();

  constructor(
    private readonly limits: PullLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** 0 when the connection may be answered now, else the milliseconds until it may. */
  waitMs(connection: Connection): number {
    const ip = this.ipBucket(connection, false);
    return Math.max(this.connectionBucket(connection).waitMs(), ip?.waitMs() ?? 0);
  }

  /** Charges a reply of `bytes` to the connection and its IP. */
  charge(connection: Connection, bytes: number): void {
    const cost = Math.max(1, Math.ceil(bytes / MiB));
    this.connectionBucket(connection).take(cost);
    this.ipBucket(connection, true)?.take(cost);
  }

  private connectionBucket(connection: Connection): TokenBucket {
    let bucket = this.connections.get(connection);
    if (!bucket) {
      const rate = this.limits.fullSyncsPerMinutePerConnection;
      bucket = new TokenBucket(rate, rate, this.clock);
      this.connections.set(connection, bucket);
    }
    return bucket;
  }

  private ipBucket(connection: Connection, create: boolean): TokenBucket | undefined {
    const ip = connection.info.ip;
    if (ip === undefined) return undefined;
    let bucket = this.ips.get(ip);
    if (!bucket && create) {
      if (this.ips.size >= PRUNE_AT) for (const [key, old] of this.ips) if (old.isFull()) this.ips.delete(key);
      const rate = this.limits.fullSyncsPerMinutePerIp;
      bucket = new TokenBucket(rate, rate, this.clock);
      this.ips.set(ip, bucket);
    }
    return bucket;
  }
}
