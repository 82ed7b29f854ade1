/**
 * The editor's token handling, against a stand-in for y-websocket's provider (the fields that
 * y-websocket reads: params, shouldConnect, shouldReconnect, connect, emit): a fresh token before
 * every connect, a refresh after an expired token, and a final close when the app says no.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { connectWithFreshTokens, retryDelay, type TokenResult, type Wake } from '../../../app/_editor/connectWithFreshTokens';
import { Close } from '../../../lib/protocol';

class FakeProvider {
  params: Record<string, string> = { ack: '1' };
  shouldConnect = false;
  wsUnsuccessfulReconnects = 0;
  maxBackoffTime = 2500;
  shouldReconnect: (event: { code: number; reason?: string }) => boolean = () => true;
  readonly connectedWith: string[] = [];
  readonly closedEvents: { code: number; reason: string }[] = [];
  connect() {
    this.shouldConnect = true;
    this.connectedWith.push(this.params.token ?? '');
  }
  emit(name: string, args: [{ code: number; reason: string }, unknown]) {
    if (name === 'closed') this.closedEvents.push(args[0]);
  }
  /** What y-websocket does when the server closes: ask shouldReconnect, count the failure. */
  serverCloses(code: number, reason = ''): boolean {
    this.wsUnsuccessfulReconnects += 1;
    const again = this.shouldReconnect({ code, reason });
    if (!again) this.shouldConnect = false;
    return again;
  }
}

/** The page's visibility and its `online`/visible events, driven by the test. */
class FakeWake implements Wake {
  shown = true;
  private readonly listeners = new Set<() => void>();
  visible = () => this.shown;
  subscribe(retry: () => void) {
    this.listeners.add(retry);
    return () => this.listeners.delete(retry);
  }
  fire() {
    for (const listener of this.listeners) listener();
  }
  get subscribers() {
    return this.listeners.size;
  }
}

function setup(results: (TokenResult | Error)[], options: Parameters<typeof connectWithFreshTokens>[2] = {}) {
  const provider = new FakeProvider();
  let calls = 0;
  const fetchToken = vi.fn(async () => {
    const next = results[Math.min(calls++, results.length - 1)]!;
    if (next instanceof Error) throw next;
    return next;
  });
  const wake = new FakeWake();
  const stop = connectWithFreshTokens(provider as unknown as WebsocketProvider, fetchToken, { wake, ...options });
  return { provider, fetchToken, stop, wake };
}

const token = (value: string): TokenResult => ({ ok: true, token: value });

describe('connectWithFreshTokens', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fetches a token before the first connect and keeps the other params', async () => {
    const { provider } = setup([token('t1')]);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.connectedWith).toEqual(['t1']);
    expect(provider.params).toEqual({ ack: '1', token: 't1' });
  });

  it('fetches a fresh token before reconnecting after a dropped connection', async () => {
    const { provider } = setup([token('t1'), token('t2')]);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.serverCloses(1006)).toBe(true);
    // y-websocket's own reconnect (with the old token) is made a no-op.
    expect(provider.shouldConnect).toBe(false);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.connectedWith).toEqual(['t1', 't2']);
  });

  it('refreshes after a 4401 for an expired token instead of giving up', async () => {
    const { provider } = setup([token('t1'), token('t2')]);
    await vi.runOnlyPendingTimersAsync();
    vi.advanceTimersByTime(6 * 60_000);
    expect(provider.serverCloses(Close.invalidToken.code)).toBe(true);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.connectedWith).toEqual(['t1', 't2']);
    expect(provider.closedEvents).toEqual([]);
  });

  it('stops at a 4401 right after a fresh token, and at 4403 and 4404', async () => {
    const { provider } = setup([token('t1')]);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.serverCloses(Close.invalidToken.code)).toBe(false);
    expect(provider.serverCloses(Close.forbidden.code)).toBe(false);
    expect(provider.serverCloses(Close.notFound.code)).toBe(false);
  });

  it('reports a final close when the app refuses a token (signed out, access gone)', async () => {
    const { provider } = setup([token('t1'), { ok: false, close: Close.unauthenticated }]);
    await vi.runOnlyPendingTimersAsync();
    provider.serverCloses(1006);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.connectedWith).toEqual(['t1']);
    expect(provider.closedEvents).toEqual([{ code: 4401, reason: Close.unauthenticated.reason }]);
  });

  it('retries when the token request fails on the network, and stops when told to', async () => {
    const { provider, fetchToken, stop } = setup([new Error('offline'), token('t1')]);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.connectedWith).toEqual([]);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.connectedWith).toEqual(['t1']);
    provider.serverCloses(1006);
    stop();
    await vi.runOnlyPendingTimersAsync();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('lets beforeConnect set the epoch per connect, or stop before connecting', async () => {
    const seen: (number | undefined)[] = [];
    const { provider, fetchToken } = setup(
      [
        { ok: true, token: 't1', epoch: 1 },
        { ok: true, token: 't2', epoch: 2 },
      ],
      {
        beforeConnect: (result) => {
          seen.push(result.epoch);
          if (result.epoch !== 1) return false;
          provider.params = { ...provider.params, epoch: String(result.epoch) };
          return true;
        },
      },
    );
    await vi.runOnlyPendingTimersAsync();
    expect(provider.connectedWith).toEqual(['t1']);
    expect(provider.params.epoch).toBe('1');
    provider.serverCloses(1006);
    await vi.runOnlyPendingTimersAsync();
    expect(seen).toEqual([1, 2]);
    expect(provider.connectedWith).toEqual(['t1']);
    await vi.runAllTimersAsync();
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('tries again at once when the browser is back online or the page is shown, not after its back-off', async () => {
    const { provider, wake, fetchToken, stop } = setup([new Error('offline'), token('t1')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    // The retry waits at least 125 ms; a wake brings it forward to now.
    await vi.advanceTimersByTimeAsync(1);
    expect(provider.connectedWith).toEqual([]);
    wake.fire();
    await vi.advanceTimersByTimeAsync(1);
    expect(provider.connectedWith).toEqual(['t1']);
    // Connected (nothing waiting): a wake does not fetch again.
    wake.fire();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    stop();
    expect(wake.subscribers).toBe(0);
  });

  it('waits at most 750 ms between attempts while the page is visible, 10 s while hidden', async () => {
    expect(retryDelay(1, true, () => 0)).toBe(125);
    expect(retryDelay(1, true, () => 1)).toBe(250);
    expect(retryDelay(20, true, () => 1)).toBe(750);
    expect(retryDelay(20, false, () => 1)).toBe(10_000);
    const { provider, wake } = setup([token('t1'), token('t2')]);
    await vi.runOnlyPendingTimersAsync();
    provider.wsUnsuccessfulReconnects = 10;
    provider.serverCloses(1006);
    await vi.advanceTimersByTimeAsync(750);
    expect(provider.connectedWith).toEqual(['t1', 't2']);
    wake.shown = false;
    provider.serverCloses(1006);
    await vi.advanceTimersByTimeAsync(750);
    expect(provider.connectedWith).toEqual(['t1', 't2']);
  });

  it('reconnects with a fresh token when the server says the access was raised (4303)', async () => {
    const { provider } = setup([token('t1'), token('t2')]);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.serverCloses(Close.accessRaised.code)).toBe(true);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.connectedWith).toEqual(['t1', 't2']);
    expect(provider.closedEvents).toEqual([]);
  });
  it('after Close.accessChanged, asks for a fresh token: lowered access goes on with it', async () => {
    const lowered: TokenResult = { ok: true, token: 't2', access: 'view' };
    const seen: string[] = [];
    const { provider } = setup([token('t1'), lowered], { beforeConnect: (result) => (seen.push(result.access ?? 'none'), true) });
    await vi.runOnlyPendingTimersAsync();
    expect(provider.serverCloses(Close.accessChanged.code, Close.accessChanged.reason)).toBe(true);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.connectedWith).toEqual(['t1', 't2']);
    expect(seen).toEqual(['none', 'view']);
    expect(provider.closedEvents).toEqual([]);
  });

  it('after Close.accessChanged, no token means the access was taken: a final close saying so', async () => {
    const { provider } = setup([token('t1'), { ok: false, close: Close.notFound }]);
    await vi.runOnlyPendingTimersAsync();
    provider.serverCloses(Close.accessChanged.code, Close.accessChanged.reason);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.connectedWith).toEqual(['t1']);
    expect(provider.closedEvents).toEqual([{ code: Close.accessChanged.code, reason: Close.accessChanged.reason }]);
  });

  it('other 4403 closes stay final without asking again', async () => {
    const { provider, fetchToken } = setup([token('t1')]);
    await vi.runOnlyPendingTimersAsync();
    expect(provider.serverCloses(Close.forbidden.code, Close.forbidden.reason)).toBe(false);
    await vi.runOnlyPendingTimersAsync();
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });
});
