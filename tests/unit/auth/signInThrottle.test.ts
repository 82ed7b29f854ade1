import { describe, expect, it } from 'vitest';
import { SignInThrottle, type SignInKeys, type SignInThrottleOptions } from '../../../lib/auth/signInThrottle';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A throttle on a clock that moves only when told to. */
function setup(options: Omit<SignInThrottleOptions, 'now'> = {}) {
  let time = 1_700_000_000_000;
  const throttle = new SignInThrottle({ ...options, now: () => time });
  return {
    throttle,
    advance: (ms: number) => {
      time += ms;
    },
    failTimes: (keys: SignInKeys, n: number) => {
      for (let i = 0; i < n; i++) throttle.recordFailure(keys);
    },
  };
}

const karen: SignInKeys = { account: 'karen@eksempel.dk', ip: '192.0.2.10' };

describe('SignInThrottle: per account', () => {
  it('allows four failures and locks for one minute at the fifth within 15 minutes', () => {
    const { throttle, failTimes, advance } = setup();
    expect(throttle.check(karen)).toEqual({ allowed: true });
    failTimes(karen, 4);
    expect(throttle.check(karen)).toEqual({ allowed: true });
    expect(throttle.recordFailure(karen)).toEqual({ allowed: false, retryAfterMs: MINUTE });
    advance(20 * SECOND);
    expect(throttle.check(karen)).toEqual({ allowed: false, retryAfterMs: 40 * SECOND });
    advance(40 * SECOND - 1);
    expect(throttle.check(karen)).toEqual({ allowed: false, retryAfterMs: 1 });
    advance(1);
    expect(throttle.check(karen)).toEqual({ allowed: true });
  });

  it('locks the account from that address only: failures from five addresses do not lock out a sixth', () => {
    const { throttle, failTimes } = setup();
    for (let i = 0; i < 5; i++) throttle.recordFailure({ account: karen.account, ip: `198.51.100.${i}` });
    expect(throttle.check({ account: karen.account, ip: '203.0.113.99' })).toEqual({ allowed: true });
    failTimes(karen, 5);
    expect(throttle.check(karen).allowed).toBe(false);
    expect(throttle.check({ account: karen.account, ip: '203.0.113.99' })).toEqual({ allowed: true });
    expect(throttle.check({ account: 'someone@else.dk', ip: karen.ip })).toEqual({ allowed: true });
  });
  it('doubles each further lock, 1, 2, 4 … minutes, up to one hour', () => {
    const { throttle, failTimes, advance } = setup();
    const locks: number[] = [];
    for (let i = 0; i < 9; i++) {
      failTimes(karen, 4);
      const verdict = throttle.recordFailure(karen);
      if (verdict.allowed) throw new Error('expected a lock');
      locks.push(verdict.retryAfterMs / MINUTE);
      advance(verdict.retryAfterMs);
    }
    expect(locks).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('counts failures in a sliding 15-minute window, so slow mistakes never lock', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 50; i++) {
      expect(throttle.recordFailure(karen)).toEqual({ allowed: true });
      advance((15 * MINUTE) / 4);
    }
  });

  it('drops a failure once it is exactly 15 minutes old', () => {
    const { throttle, failTimes, advance } = setup();
    throttle.recordFailure(karen); // t = 0
    advance(MINUTE);
    failTimes(karen, 3); // t = 1 min
    advance(14 * MINUTE); // t = 15 min: the first has left the window
    expect(throttle.recordFailure(karen)).toEqual({ allowed: true });
    advance(MINUTE - 1); // just before the second batch leaves it
    expect(throttle.recordFailure(karen).allowed).toBe(false);
  });

  it('does not count or extend on failures recorded during a lock', () => {
    const { throttle, failTimes, advance } = setup();
    failTimes(karen, 5);
    advance(30 * SECOND);
    failTimes(karen, 10);
    expect(throttle.check(karen)).toEqual({ allowed: false, retryAfterMs: 30 * SECOND });
    advance(30 * SECOND);
    // The next lock still needs five fresh failures, and is the second (two minutes).
    failTimes(karen, 4);
    expect(throttle.check(karen)).toEqual({ allowed: true });
    expect(throttle.recordFailure(karen)).toEqual({ allowed: false, retryAfterMs: 2 * MINUTE });
  });

  it('clears the account on success: failures and back-off start again from nothing', () => {
    const { throttle, failTimes, advance } = setup();
    failTimes(karen, 5);
    advance(MINUTE);
    failTimes(karen, 3);
    throttle.recordSuccess(karen.account);
    failTimes(karen, 4);
    expect(throttle.check(karen).allowed).toBe(true);
    expect(throttle.recordFailure(karen)).toEqual({ allowed: false, retryAfterMs: MINUTE });
  });

  it('forgets the back-off after an hour without failures', () => {
    const { throttle, failTimes, advance } = setup();
    failTimes(karen, 5);
    advance(MINUTE);
    failTimes(karen, 5); // the second lock: 2 minutes
    advance(2 * MINUTE + 60 * MINUTE);
    failTimes(karen, 4);
    expect(throttle.recordFailure(karen)).toEqual({ allowed: false, retryAfterMs: MINUTE });
  });

  it('remembers the back-off for less than an hour without failures', () => {
    const { throttle, failTimes, advance } = setup();
    failTimes(karen, 5);
    advance(MINUTE + 59 * MINUTE);
    failTimes(karen, 5);
    expect(throttle.check(karen)).toEqual({ allowed: false, retryAfterMs: 2 * MINUTE });
  });
});

describe('SignInThrottle: the account as a whole', () => {
  it('locks an account guessed at from many addresses after 50 failures, except for a known device', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 49; i++) throttle.recordFailure({ account: karen.account, ip: `198.51.${i >> 2}.${i}` });
    expect(throttle.check({ account: karen.account, ip: '203.0.113.99' })).toEqual({ allowed: true });
    throttle.recordFailure({ account: karen.account, ip: '198.51.200.1' });
    expect(throttle.check({ account: karen.account, ip: '203.0.113.99' })).toEqual({ allowed: false, retryAfterMs: MINUTE });
    expect(throttle.check({ account: karen.account, ip: '203.0.113.99', knownDevice: true })).toEqual({ allowed: true });
    // A known device is still held by its own address's and its own pair's locks.
    const pair = { account: karen.account, ip: '203.0.113.7', knownDevice: true };
    for (let i = 0; i < 5; i++) throttle.recordFailure(pair);
    expect(throttle.check(pair).allowed).toBe(false);
    advance(MINUTE);
    expect(throttle.check({ account: karen.account, ip: '203.0.113.99' })).toEqual({ allowed: true });
  });

  it('clears the account-wide count and the pair on success, and every pair after a reset', () => {
    const { throttle } = setup({ accountWide: { threshold: 6 } });
    for (let i = 0; i < 5; i++) throttle.recordFailure({ account: karen.account, ip: '198.51.100.1' });
    throttle.recordSuccess(karen.account, karen.ip);
    expect(throttle.check({ account: karen.account, ip: '198.51.100.1' }).allowed).toBe(false);
    throttle.recordFailure(karen);
    expect(throttle.check({ account: karen.account, ip: '203.0.113.1' })).toEqual({ allowed: true });
    throttle.recordSuccess(karen.account);
    expect(throttle.check({ account: karen.account, ip: '198.51.100.1' })).toEqual({ allowed: true });
  });
});

describe('SignInThrottle: per IP', () => {
  it('locks an address after 20 failures across accounts, none of which reached its own limit', () => {
    const { throttle } = setup();
    for (let i = 0; i < 19; i++) throttle.recordFailure({ account: `person${i % 10}@eksempel.dk`, ip: karen.ip });
    expect(throttle.check({ account: 'new@eksempel.dk', ip: karen.ip })).toEqual({ allowed: true });
    throttle.recordFailure({ account: 'person0@eksempel.dk', ip: karen.ip });
    expect(throttle.check({ account: 'new@eksempel.dk', ip: karen.ip })).toEqual({ allowed: false, retryAfterMs: MINUTE });
    // The same accounts from another address are fine.
    expect(throttle.check({ account: 'person1@eksempel.dk', ip: '203.0.113.5' })).toEqual({ allowed: true });
  });

  it("keeps the IP's count when an account signs in successfully", () => {
    const { throttle } = setup();
    for (let i = 0; i < 19; i++) throttle.recordFailure({ account: `person${i}@eksempel.dk`, ip: karen.ip });
    throttle.recordSuccess(karen.account);
    throttle.recordFailure({ account: 'person99@eksempel.dk', ip: karen.ip });
    expect(throttle.check(karen).allowed).toBe(false);
  });

  it('answers with the longer wait when both the account and the IP are locked', () => {
    const { throttle, failTimes, advance } = setup({ ip: { threshold: 5, baseLockMs: 10 * MINUTE, maxLockMs: 10 * MINUTE } });
    failTimes(karen, 5);
    expect(throttle.check(karen)).toEqual({ allowed: false, retryAfterMs: 10 * MINUTE });
    advance(MINUTE);
    // The account's lock is over, the address's is not.
    expect(throttle.check({ account: 'other@eksempel.dk', ip: karen.ip })).toEqual({ allowed: false, retryAfterMs: 9 * MINUTE });
    expect(throttle.check({ account: karen.account, ip: '203.0.113.5' })).toEqual({ allowed: true });
  });

  it('keeps account keys and IP keys apart, even when they are the same string', () => {
    const { throttle, failTimes } = setup();
    failTimes({ account: 'same', ip: '192.0.2.1' }, 5);
    expect(throttle.check({ account: 'x@eksempel.dk', ip: 'same' })).toEqual({ allowed: true });
  });
});

describe('SignInThrottle: memory', () => {
  it('never grows beyond maxEntries per kind under a flood of new keys', () => {
    const { throttle, advance } = setup({ maxEntries: 100 });
    for (let i = 0; i < 5000; i++) {
      throttle.recordFailure({ account: `a${i}@eksempel.dk`, ip: `10.0.${i >> 8}.${i & 255}` });
      advance(SECOND);
      const { accounts, pairs, ips } = throttle.size;
      if (accounts > 100 || pairs > 100 || ips > 100) throw new Error(`grew to ${accounts}/${pairs}/${ips}`);
    }
    expect(throttle.size).toEqual({ accounts: 100, pairs: 100, ips: 100 });
  });

  it('drops forgotten keys before live ones when full', () => {
    const { throttle, failTimes, advance } = setup({ maxEntries: 3 });
    throttle.recordFailure({ account: 'old1', ip: 'ip' });
    throttle.recordFailure({ account: 'old2', ip: 'ip' });
    advance(61 * MINUTE);
    failTimes({ account: 'locked', ip: 'ip2' }, 5);
    throttle.recordFailure({ account: 'new', ip: 'ip2' });
    expect(throttle.size.pairs).toBe(2);
    expect(throttle.check({ account: 'locked', ip: 'ip2' }).allowed).toBe(false);
  });

  it('drops the least recently failing key when everything is live', () => {
    const { throttle, failTimes } = setup({ maxEntries: 2 });
    failTimes({ account: 'first', ip: 'ip1' }, 5);
    failTimes({ account: 'second', ip: 'ip2' }, 5);
    throttle.recordFailure({ account: 'third', ip: 'ip3' });
    expect(throttle.check({ account: 'first', ip: 'ip1' }).allowed).toBe(true);
    expect(throttle.check({ account: 'second', ip: 'ip2' }).allowed).toBe(false);
  });

  it('keeps nothing for keys that were only checked', () => {
    const { throttle } = setup();
    for (let i = 0; i < 100; i++) throttle.check({ account: `a${i}`, ip: `ip${i}` });
    expect(throttle.size).toEqual({ accounts: 0, pairs: 0, ips: 0 });
  });

  it('removes a forgotten key when it is next looked at', () => {
    const { throttle, advance } = setup();
    throttle.recordFailure(karen);
    advance(60 * MINUTE);
    throttle.check(karen);
    expect(throttle.size).toEqual({ accounts: 0, pairs: 0, ips: 0 });
  });
});

describe('SignInThrottle: options', () => {
  it.each<[string, Omit<SignInThrottleOptions, 'now'>]>([
    ['a zero threshold', { account: { threshold: 0 } }],
    ['a fractional threshold', { ip: { threshold: 2.5 } }],
    ['a zero window', { account: { windowMs: 0 } }],
    ['a negative lock', { ip: { baseLockMs: -1 } }],
    ['a maximum below the first lock', { account: { baseLockMs: 10 * MINUTE, maxLockMs: MINUTE } }],
    ['a NaN duration', { account: { windowMs: Number.NaN } }],
    ['no room at all', { maxEntries: 0 }],
    ['forgetting sooner than the window', { forgetAfterMs: 5 * MINUTE }],
  ])('refuses %s', (_what, options) => {
    expect(() => new SignInThrottle(options)).toThrow(RangeError);
  });

  it('uses the real clock when none is given', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 5; i++) throttle.recordFailure(karen);
    const verdict = throttle.check(karen);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.retryAfterMs).toBeGreaterThan(MINUTE - 5 * SECOND);
  });
});
