/**
 * Sync sockets and upgrades per client IP address, so one address cannot hold the server's
 * sockets or keep it busy authorizing. Refused sockets count while they close, so a client that
 * ignores refusals runs into the harder limit (plain HTTP 429, nothing accepted).
 */
export interface AddressLimits {
  readonly maxSocketsPerIp: number;
  /** Upgrades being authorized at once. */
  readonly maxUpgradesPerIp: number;
}

/** What to do with an upgrade: go on, accept and close it with Close.tooManyConnections, or answer HTTP 429. */
export type Admission = 'admit' | 'refuse' | 'reject';

export class AddressLoad {
  private readonly upgrading = new Map<string, number>();
  private readonly open = new Map<string, number>();

  constructor(private readonly limits: AddressLimits) {}

  admit(ip: string): Admission {
    const upgrading = this.upgrading.get(ip) ?? 0;
    const open = this.open.get(ip) ?? 0;
    if (upgrading >= this.limits.maxUpgradesPerIp) return 'reject';
    if (open + upgrading < this.limits.maxSocketsPerIp) return 'admit';
    return open >= this.limits.maxSocketsPerIp + this.limits.maxUpgradesPerIp ? 'reject' : 'refuse';
  }

  /** Counts an upgrade in progress (or an accepted socket) until the returned function is called. */
  startUpgrade(ip: string): () => void {
    return this.count(this.upgrading, ip);
  }

  addSocket(ip: string): () => void {
    return this.count(this.open, ip);
  }

  private count(counts: Map<string, number>, ip: string): () => void {
    counts.set(ip, (counts.get(ip) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (counts.get(ip) ?? 1) - 1;
      if (left > 0) counts.set(ip, left);
      else counts.delete(ip);
    };
  }
}
