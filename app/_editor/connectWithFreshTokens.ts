/**
 * Connects a WebsocketProvider with a fresh short-lived sync token before every connect: the
 * first one, each reconnect after a dropped connection, and after a 4401 for an expired token.
 * The provider's own reconnect is turned into "fetch a token, then connect" (y-websocket reads
 * `provider.params` anew for each socket). When the app refuses a token (signed out, access
 * gone), the provider reports a final close like the server would, so the editor says why.
 */
import type { WebsocketProvider } from 'y-websocket';
import { Close, type CloseReason } from '../../lib/protocol';
import type { Access } from '../../lib/auth/syncToken';
import { DOCUMENT_STATES, type DocumentState } from '../../lib/access/model';

export type TokenResult =
  | {
      readonly ok: true;
      readonly token: string;
      /** The document's epoch now (absent from older servers). */
      readonly epoch?: number;
      /** The access the token carries and the document's phase now (absent from older servers). */
      readonly access?: Access;
      readonly state?: DocumentState;
    }
  | { readonly ok: false; readonly close: CloseReason };

export interface ConnectOptions {
  /**
   * Runs with each fresh token, just before connecting; false: do not connect (and stop trying).
   * The place to set per-connection parameters (the epoch) on `provider.params`.
   */
  readonly beforeConnect?: (token: Extract<TokenResult, { ok: true }>) => boolean;
  /** The page's visibility and its reasons to try again at once (browserWake by default). */
  readonly wake?: Wake;
}

/**
 * What tells a disconnected editor to try again now rather than after its back-off: the browser's
 * `online` event and the page becoming visible. `visible()` also sets the back-off's cap: short
 * while someone is looking at the page (a failed attempt against a server that is down costs it
 * nothing: the connection is refused), long while the tab is hidden.
 */
export interface Wake {
  visible(): boolean;
  /** Calls `retry` on each reason to try at once; returns the unsubscribe. */
  subscribe(retry: () => void): () => void;
}

export const browserWake: Wake = {
  visible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  subscribe(retry) {
    if (typeof window === 'undefined') return () => undefined;
    const onVisible = () => {
      if (document.visibilityState === 'visible') retry();
    };
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', onVisible);
    };
  },
};

/**
 * The longest wait between attempts while the page is visible. The server being back is noticed
 * within this (plus a token request and the sync handshake): edits that waited reach it within 2 s.
 * The attempt is itself the probe: the sync-token request (not /healthz, whose every answer costs
 * the server a durable write).
 */
export const VISIBLE_MAX_RETRY_MS = 750;

/** syncToken.ts's ACCESS_LEVELS, not imported: that module brings the JWT library into the browser. */
const ACCESS_LEVELS: readonly Access[] = ['view', 'comment', 'edit'];

/** A 4401 this soon after a fresh token is not an expiry: stop instead of looping. */
const FRESH_TOKEN_MS = 10_000;
/** The longest wait between attempts while the tab is hidden. */
const HIDDEN_MAX_RETRY_MS = 10_000;

/**
 * The wait before attempt number `failures + 1`: doubling from 250 ms, capped by the page's
 * visibility, with jitter (between half and all of it) so that the editors a restart disconnected
 * do not all come back in the same instant.
 */
export function retryDelay(failures: number, visible: boolean, random: () => number = Math.random): number {
  const cap = visible ? VISIBLE_MAX_RETRY_MS : HIDDEN_MAX_RETRY_MS;
  const delay = Math.min(cap, 250 * 2 ** Math.max(0, failures - 1));
  return Math.round(delay * (0.5 + random() / 2));
}

/** Fetches a browser token for `path`, mapping the app's refusals to the sync close codes. */
export async function fetchBrowserToken(path: string): Promise<TokenResult> {
  const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
  if (response.ok) {
    const body = (await response.json()) as { token: string; epoch?: unknown; access?: unknown; state?: unknown };
    return {
      ok: true,
      token: body.token,
      ...(typeof body.epoch === 'number' && { epoch: body.epoch }),
      ...(ACCESS_LEVELS.includes(body.access as Access) && { access: body.access as Access }),
      ...(DOCUMENT_STATES.includes(body.state as DocumentState) && { state: body.state as DocumentState }),
    };
  }
  if (response.status === 401) return { ok: false, close: Close.unauthenticated };
  if (response.status === 403) return { ok: false, close: Close.forbidden };
  if (response.status === 404) return { ok: false, close: Close.notFound };
  // 5xx and the like: a network-ish failure, retried.
  throw new Error(`sync token request failed with ${response.status}`);
}

/** Starts connecting; returns the function that stops (call it before provider.destroy()). */
export function connectWithFreshTokens(
  provider: WebsocketProvider,
  fetchToken: () => Promise<TokenResult>,
  options: ConnectOptions = {},
): () => void {
  const wake = options.wake ?? browserWake;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A retry is scheduled (not running): a reason to try now may bring it forward. */
  let waiting = false;
  let fetchedAt = 0;
  let failures = 0;
  /** The server closed with Close.accessChanged; the next token answer decides what follows. */
  let afterAccessChange = false;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    waiting = true;
    timer = setTimeout(() => {
      waiting = false;
      void connect();
    }, ms);
  };
  const unsubscribeWake = wake.subscribe(() => {
    if (!stopped && waiting) schedule(0);
  });

  async function connect(): Promise<void> {
    if (stopped) return;
    let result: TokenResult;
    try {
      result = await fetchToken();
    } catch {
      failures += 1;
      if (!stopped) schedule(retryDelay(failures, wake.visible()));
      return;
    }
    if (stopped) return;
    failures = 0;
    if (!result.ok) {
      // After an access change, no token at all means the access was taken: say that, not "not found".
      const close = afterAccessChange && result.close !== Close.unauthenticated ? Close.accessChanged : result.close;
      provider.emit('closed', [{ code: close.code, reason: close.reason }, provider]);
      return;
    }
    afterAccessChange = false;
    fetchedAt = Date.now();
    provider.params = { ...provider.params, token: result.token };
    if (options.beforeConnect && !options.beforeConnect(result)) {
      stopped = true;
      return;
    }
    provider.connect();
  }

  provider.shouldReconnect = (event) => {
    // Access changed while connected (lowered, or taken): a fresh token tells which. Lowered goes on
    // reading (beforeConnect); taken ends here as before.
    if (event.code === Close.accessChanged.code && event.reason === Close.accessChanged.reason) {
      afterAccessChange = true;
      provider.shouldConnect = false;
      schedule(0);
      return true;
    }
    const expired = event.code === Close.invalidToken.code && Date.now() - fetchedAt > FRESH_TOKEN_MS;
    if (event.code >= 4400 && event.code < 4500 && !expired) return false;
    // y-websocket schedules its own reconnect with the old token; make that a no-op and connect
    // with a fresh token after the same back-off instead.
    provider.shouldConnect = false;
    schedule(Math.min(2 ** provider.wsUnsuccessfulReconnects * 100, wake.visible() ? VISIBLE_MAX_RETRY_MS : provider.maxBackoffTime));
    return true;
  };

  schedule(0);
  return () => {
    stopped = true;
    waiting = false;
    clearTimeout(timer);
    unsubscribeWake();
  };
}

/**
 * Connects a provider whose token is fixed (embeds) on the next task, with y-websocket's own
 * reconnect, kept short while the page is visible and brought forward by `wake`. Returns the stop.
 */
export function connectWithFixedToken(provider: WebsocketProvider, wake: Wake = browserWake): () => void {
  const hiddenMax = provider.maxBackoffTime;
  const cap = () => {
    provider.maxBackoffTime = wake.visible() ? Math.min(hiddenMax, VISIBLE_MAX_RETRY_MS) : hiddenMax;
  };
  cap();
  const unsubscribeWake = wake.subscribe(() => {
    cap();
    // Disconnected and meant to be connected: a new socket now (the pending one becomes a no-op).
    if (provider.shouldConnect && provider.ws === null) provider.connect();
  });
  const timer = setTimeout(() => provider.connect(), 0);
  return () => {
    clearTimeout(timer);
    unsubscribeWake();
  };
}
