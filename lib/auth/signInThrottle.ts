/**
 * Back-off for failed sign-ins, per (account, IP), per IP, and per account as a whole. After
 * `threshold` failures within `windowMs` a key is locked for `baseLockMs`, doubling with each further
 * lock up to `maxLockMs`. In memory (one process decides sign-ins) and bounded; time comes from an
 * injected clock, so tests need no sleeps.
 *
 * Guesses at one account from one address lock that pair only: someone who knows an e-mail cannot
 * lock its owner out by failing from a few addresses. The account-wide key has a much higher
 * threshold, against guessing spread over many addresses, and a browser the account signed in
 * from before (a known device) is exempt from it, so even such an attack does not lock the owner out.
 *
 * Callers record failures for unknown e-mails too, under the same account key they would use for a
 * real one, so the throttle behaves the same whether or not an account exists.
 */

export interface BackoffPolicy {
  /** Failures within `windowMs` that lock the key. */
  readonly threshold: number;
  readonly windowMs: number;
  /** The first lock; each further lock doubles, up to `maxLockMs`. */
  readonly baseLockMs: number;
  readonly maxLockMs: number;
}

const MINUTE = 60_000;
/** Per (account, IP). */
export const ACCOUNT_POLICY: BackoffPolicy = { threshold: 5, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE };
/** Per account from all addresses together; known devices are exempt. */
export const ACCOUNT_WIDE_POLICY: BackoffPolicy = { threshold: 50, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE };
// Higher: a school, a library or a town hall puts many people behind one address.
export const IP_POLICY: BackoffPolicy = { threshold: 20, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE };

export interface SignInThrottleOptions {
  readonly now?: () => number;
  /** Per (account, IP). */
  readonly account?: Partial<BackoffPolicy>;
  readonly accountWide?: Partial<BackoffPolicy>;
  readonly ip?: Partial<BackoffPolicy>;
  /** Keys kept per kind (accounts, IPs); beyond it the least recently failing are dropped first. */
  readonly maxEntries?: number;
  /** A key without failures or a lock for this long starts from nothing again, back-off included. */
  readonly forgetAfterMs?: number;
}

export interface SignInKeys {
  /** The normalised e-mail (or person id) being signed in to. */
  readonly account: string;
  readonly ip: string;
  /** The browser proved an earlier successful sign-in to this account: the account-wide lock does not apply. */
  readonly knownDevice?: boolean;
}

export type ThrottleVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

interface Entry {
  /** Times of the failures since the last lock, oldest first, within the window. */
  failures: number[];
  /** Locks so far: the next one lasts baseLockMs · 2^level. */
  level: number;
  lockedUntil: number;
  lastFailureAt: number;
}

/** One kind of key (accounts or IPs) under one policy. */
class KeyedBackoff {
  private readonly entries = new Map<string, Entry>(); // least recently failing first

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly maxEntries: number,
    private readonly forgetAfterMs: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  retryAfterMs(key: string, now: number): number {
    const entry = this.live(key, now);
    return entry !== undefined && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
  }

  fail(key: string, now: number): void {
    let entry = this.live(key, now);
    // During a lock the caller should not have tried; such a failure neither counts nor extends it.
    if (entry !== undefined && entry.lockedUntil > now) return;
    if (entry === undefined) {
      this.makeRoom(now);
      entry = { failures: [], level: 0, lockedUntil: 0, lastFailureAt: now };
    }
    this.entries.delete(key); // re-inserted below, keeping the map ordered by last failure
    const { threshold, windowMs, baseLockMs, maxLockMs } = this.policy;
    entry.failures = entry.failures.filter((at) => now - at < windowMs);
    entry.failures.push(now);
    entry.lastFailureAt = now;
    if (entry.failures.length >= threshold) {
      entry.lockedUntil = now + Math.min(baseLockMs * 2 ** entry.level, maxLockMs);
      entry.level += 1;
      entry.failures = [];
    }
    this.entries.set(key, entry);
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  forgetStartingWith(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || !this.isStale(entry, now)) return entry;
    this.entries.delete(key);
    return undefined;
  }

  private isStale(entry: Entry, now: number): boolean {
    return entry.lockedUntil <= now && now - Math.max(entry.lastFailureAt, entry.lockedUntil) >= this.forgetAfterMs;
  }

  private makeRoom(now: number): void {
    if (this.entries.size < this.maxEntries) return;
    for (const [key, entry] of this.entries) if (this.isStale(entry, now)) this.entries.delete(key);
    // Still full (a flood of fresh keys): drop the least recently failing rather than grow.
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}

function policyOf(defaults: BackoffPolicy, overrides: Partial<BackoffPolicy> | undefined, name: string): BackoffPolicy {
  const policy = { ...defaults, ...overrides };
  const positive = (value: number) => Number.isFinite(value) && value > 0;
  if (!Number.isInteger(policy.threshold) || policy.threshold < 1) throw new RangeError(`${name}.threshold must be a positive integer`);
  if (!positive(policy.windowMs) || !positive(policy.baseLockMs)) throw new RangeError(`${name} durations must be positive`);
  if (!(policy.maxLockMs >= policy.baseLockMs)) throw new RangeError(`${name}.maxLockMs must be at least baseLockMs`);
  return policy;
}

// Cannot occur in a normalised e-mail, a person id or an address, so pairs never collide.
const pairKey = (account: string, ip?: string) => `${account}\n${ip ?? ''}`;

export class SignInThrottle {
  private readonly now: () => number;
  private readonly pairs: KeyedBackoff;
  private readonly accounts: KeyedBackoff;
  private readonly ips: KeyedBackoff;

  constructor(options: SignInThrottleOptions = {}) {
    const account = policyOf(ACCOUNT_POLICY, options.account, 'account');
    const accountWide = policyOf(ACCOUNT_WIDE_POLICY, options.accountWide, 'accountWide');
    const ip = policyOf(IP_POLICY, options.ip, 'ip');
    const maxEntries = options.maxEntries ?? 10_000;
    const forgetAfterMs = options.forgetAfterMs ?? 60 * MINUTE;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
    // Forgetting sooner than the window would drop failures that still count.
    if (!(forgetAfterMs >= Math.max(account.windowMs, accountWide.windowMs, ip.windowMs))) {
      throw new RangeError('forgetAfterMs must be at least the windows');
    }
    this.now = options.now ?? Date.now;
    this.pairs = new KeyedBackoff(account, maxEntries, forgetAfterMs);
    this.accounts = new KeyedBackoff(accountWide, maxEntries, forgetAfterMs);
    this.ips = new KeyedBackoff(ip, maxEntries, forgetAfterMs);
  }

  /** Whether a sign-in may be tried now; refused while the pair, the IP or (unless known device) the account is locked. */
  check(keys: SignInKeys): ThrottleVerdict {
    return this.verdict(keys, this.now());
  }

  /** Counts a failed sign-in against every key (a known device's too); answers what check() now says. */
  recordFailure(keys: SignInKeys): ThrottleVerdict {
    const now = this.now();
    this.pairs.fail(pairKey(keys.account, keys.ip), now);
    this.accounts.fail(keys.account, now);
    this.ips.fail(keys.ip, now);
    return this.verdict(keys, now);
  }

  private verdict(keys: SignInKeys, now: number): ThrottleVerdict {
    const wait = Math.max(
      this.pairs.retryAfterMs(pairKey(keys.account, keys.ip), now),
      keys.knownDevice === true ? 0 : this.accounts.retryAfterMs(keys.account, now),
      this.ips.retryAfterMs(keys.ip, now),
    );
    return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
  }

  /**
   * Clears the account's failures and back-off: account-wide, and from `ip` (from every address
   * when none is given, e.g. after a password reset). The IP's own stay: one correct password must
   * not reset the count of someone trying many accounts from that address.
   */
  recordSuccess(accountKey: string, ip?: string): void {
    this.accounts.forget(accountKey);
    if (ip === undefined) this.pairs.forgetStartingWith(pairKey(accountKey));
    else this.pairs.forget(pairKey(accountKey, ip));
  }

  /** Keys held in memory, for tests and metrics. */
  get size(): { readonly accounts: number; readonly pairs: number; readonly ips: number } {
    return { accounts: this.accounts.size, pairs: this.pairs.size, ips: this.ips.size };
  }
}
