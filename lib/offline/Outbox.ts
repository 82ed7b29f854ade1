/**
 * The browser outbox for server-checked actions (comments, replies, suggestions, supports, …): a
 * per-person queue in IndexedDB, sent strictly in order when the server can be reached.
 *
 * - Network failure, timeout, 408, 425, 429 and 5xx: the entry stays first in line and is retried with
 *   exponential back-off and jitter (1 s up to 60 s) or after the server's Retry-After; the
 *   `online` event and `retryNow()` retry at once.
 * - Any other 4xx: the entry becomes `refused` with the server's `{ code, message }` and stays until
 *   the person dismisses it (their text is kept, to copy); later entries go on, except those that
 *   depend on it (they are refused with `depends_on_refused`).
 * - 2xx: the entry is removed and `onSent` listeners get the server's JSON.
 *
 * Idempotency: the entry id goes out as `clientKey` in POST bodies and as the `Idempotency-Key`
 * header, so a request the server handled but whose answer was lost is not applied twice.
 *
 * Several instances for one person (two tabs, or a tab and a reload racing) never send at the same
 * time: sending happens under the Web Lock `samskriv-outbox:<personKey>`. Where Web Locks are
 * missing (insecure http origins, old browsers) a lease record in the outbox database takes the
 * lock's place (taken and renewed in one IndexedDB transaction, released when the queue is
 * drained, expiring after a minute if the tab died); it is best effort: a tab frozen longer than
 * the lease while a request is in flight could let another tab send the same entry, which the
 * idempotency key then absorbs. Tabs tell each other about changes over a BroadcastChannel.
 */
import { outboxDbName, type PersonKey } from './localNames';
import { registerConnection } from './openConnections';
import {
  DEPENDS_ON_UNRESOLVED,
  OutboxError,
  validateEnqueue,
  type EnqueueInput,
  type OutboxEntry,
  type OutboxRefusal,
} from './OutboxEntry';
import { backoffDelay, BACKOFF_BASE_MS, isTransientStatus, retryAfterMs } from './OutboxRetry';
import { OutboxStore } from './OutboxStore';

export type OutboxListener = (entries: readonly OutboxEntry[]) => void;
export type OutboxSentListener = (entry: OutboxEntry, result: unknown) => void;

/** The part of the Web Locks API the outbox uses (navigator.locks in browsers). */
export interface OutboxLocks {
  request<T>(name: string, options: { signal?: AbortSignal }, callback: () => Promise<T>): Promise<T>;
}

/** Where the `online` event fires (window in browsers). */
export interface OnlineEvents {
  addEventListener(type: 'online', listener: () => void): void;
  removeEventListener(type: 'online', listener: () => void): void;
}

export interface OutboxOptions {
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Prefix for the entries' paths: '' (same origin) in browsers; `http://127.0.0.1:port` in Node tests. */
  readonly baseUrl?: string;
  readonly now?: () => number;
  /** In [0, 1): the back-off jitter. */
  readonly random?: () => number;
  /** New entry ids (random UUIDs by default, also on insecure origins). */
  readonly randomId?: () => string;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** A request without an answer after this long counts as a network failure. Default 30 s. */
  readonly requestTimeoutMs?: number;
  /** Defaults to navigator.locks when present; null forces the lease fallback. */
  readonly locks?: OutboxLocks | null;
  /** Defaults to window; null: no online listener. */
  readonly onlineEvents?: OnlineEvents | null;
  /** Tell other tabs about changes (default: when BroadcastChannel exists). */
  readonly broadcast?: boolean;
  readonly indexedDB?: IDBFactory;
  readonly onChange?: OutboxListener;
  readonly onSent?: OutboxSentListener;
}

/** What useSyncExternalStore and the panel read. */
export interface OutboxSnapshot {
  readonly entries: readonly OutboxEntry[];
  /** The entry whose request is in flight in this tab, if any. */
  readonly sendingId: string | null;
  /** False once closed (explicitly, or because the person's local data was cleared). */
  readonly open: boolean;
}

const LEASE_MS = 60_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const MAX_MESSAGE_LENGTH = 1000;

/** Status → catalogue code, for refusals whose body is not our JSON error shape (a proxy's page). */
const STATUS_CODES: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'body_too_large',
  415: 'unsupported_media_type',
};

/** A v4 UUID from getRandomValues (crypto.randomUUID exists only in secure contexts). */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function defaultLocks(): OutboxLocks | null {
  const nav = (globalThis as { navigator?: { locks?: OutboxLocks } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null;
}

function defaultOnlineEvents(): OnlineEvents | null {
  const target = globalThis as Partial<OnlineEvents> & { window?: unknown };
  return target.window !== undefined && typeof target.addEventListener === 'function' ? (target as OnlineEvents) : null;
}

/** The refusal from a non-transient error response. */
export function refusalFrom(status: number, payload: unknown): OutboxRefusal {
  const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' && /^[a-z0-9_]{1,64}$/.test(error.code) ? error.code : (STATUS_CODES[status] ?? 'refused');
  const serverMessage = typeof error?.message === 'string' && error.message.trim() !== '' ? error.message.trim() : null;
  // Without the server's sentence the reader's catalogue says it (app/_outbox/refusalMessage.ts), from the code.
  const message = serverMessage?.slice(0, MAX_MESSAGE_LENGTH) ?? '';
  return { status, code, message };
}

type Outcome =
  | { readonly kind: 'sent'; readonly result: unknown }
  | { readonly kind: 'refused'; readonly refusal: OutboxRefusal }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs: number | null }
  | { readonly kind: 'aborted' };

export class Outbox {
  private readonly fetchImpl: typeof fetch;
  private readonly baseUrl: string;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly randomId: () => string;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly requestTimeoutMs: number;
  private readonly locks: OutboxLocks | null;
  private readonly onlineEvents: OnlineEvents | null;
  private readonly channel: BroadcastChannel | null;
  private readonly listeners = new Set<OutboxListener>();
  private readonly sentListeners = new Set<OutboxSentListener>();
  private readonly owner: string;
  private readonly lifetime = new AbortController();
  private readonly unregister: () => void;

  private snapshot: OutboxSnapshot = { entries: [], sendingId: null, open: true };
  private closed = false;
  private pumpRequested = false;
  private pumping: Promise<void> | null = null;
  private wakeTimer: unknown = null;
  private inFlight: AbortController | null = null;

  private constructor(
    readonly personKey: PersonKey,
    private readonly store: OutboxStore,
    options: OutboxOptions,
  ) {
    const globalFetch = typeof fetch === 'function' ? fetch.bind(globalThis) : null;
    const chosenFetch = options.fetch ?? globalFetch;
    if (!chosenFetch) throw new Error('fetch is not available');
    this.fetchImpl = chosenFetch;
    this.baseUrl = options.baseUrl ?? '';
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.randomId = options.randomId ?? randomUuid;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.locks = options.locks === undefined ? defaultLocks() : options.locks;
    this.onlineEvents = options.onlineEvents === undefined ? defaultOnlineEvents() : options.onlineEvents;
    this.owner = this.randomId();
    if (options.onChange) this.listeners.add(options.onChange);
    if (options.onSent) this.sentListeners.add(options.onSent);
    const broadcast = options.broadcast ?? typeof BroadcastChannel === 'function';
    this.channel = broadcast ? new BroadcastChannel(`samskriv-outbox:${personKey}`) : null;
    // Another tab changed the queue: show it, and send (under the lock) what may now be ours to send.
    if (this.channel) this.channel.onmessage = () => this.refreshAndKick();
    this.onlineEvents?.addEventListener('online', this.onOnline);
    this.unregister = registerConnection(outboxDbName(personKey), () => this.close());
  }

  /** Opens the person's outbox and starts sending what is queued. */
  static async open(personKey: PersonKey, options: OutboxOptions = {}): Promise<Outbox> {
    if (typeof personKey !== 'string' || personKey === '') throw new Error('Outbox.open needs a personKey');
    let outbox: Outbox | null = null;
    const store = await OutboxStore.open(outboxDbName(personKey), {
      factory: options.indexedDB,
      // Someone is deleting this database (sign-out in this or another tab): stop at once.
      onVersionChange: () => void outbox?.close(),
    });
    try {
      outbox = new Outbox(personKey, store, options);
      await outbox.refresh();
    } catch (error) {
      if (outbox) await outbox.close();
      else store.close();
      throw error;
    }
    outbox.kick();
    return outbox;
  }

  // ---- reading ----

  /** Entries in send order, optionally of one document only. */
  list(documentId?: string): readonly OutboxEntry[] {
    const entries = this.snapshot.entries;
    return documentId === undefined ? entries : entries.filter((entry) => entry.documentId === documentId);
  }

  /** The current state; the same object until something changes (for useSyncExternalStore). */
  getSnapshot(): OutboxSnapshot {
    return this.snapshot;
  }

  /** Calls `listener` with the entries after every change (here or in another tab). Returns the unsubscribe function. */
  subscribe(listener: OutboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` with each entry this instance sent and the server's JSON answer (null if none). */
  subscribeSent(listener: OutboxSentListener): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  // ---- changing ----

  /**
   * Queues an action. POST bodies that are JSON objects get `clientKey: <entry id>`. To refer to
   * the server's answer to an earlier, still queued entry (a reply to a queued comment), put
   * `outboxRef(earlier.id)` in the url or body: the entry waits for that one and is filled in.
   */
  async enqueue(input: EnqueueInput): Promise<OutboxEntry> {
    this.assertOpen();
    const dependsOn = validateEnqueue(input);
    const id = this.randomId();
    const body =
      input.method === 'POST' && input.body !== null && typeof input.body === 'object' && !Array.isArray(input.body)
        ? { ...(input.body as Record<string, unknown>), clientKey: id }
        : input.body;
    const entry = await this.store.add(
      {
        id,
        documentId: input.documentId,
        kind: input.kind,
        method: input.method,
        url: input.url,
        body,
        label: input.label.trim(),
        text: input.text ?? '',
        createdAt: new Date(this.now()).toISOString(),
        attempts: 0,
        state: 'pending',
        dependsOn,
      },
      this.now(),
    );
    await this.changed();
    return entry;
  }

  /** Removes a refused entry (the person has read why, and copied their text if they wanted it). */
  async dismiss(id: string): Promise<void> {
    this.assertOpen();
    await this.store.remove(id, 'refused', this.snapshot.sendingId);
    await this.changed();
  }

  /**
   * The person withdraws a pending entry before it was sent. Refused when its request is in flight
   * in this tab. Pending entries that depend on it become refused (depends_on_cancelled).
   */
  async cancel(id: string): Promise<void> {
    this.assertOpen();
    await this.store.remove(id, 'pending', this.snapshot.sendingId);
    await this.changed();
  }

  /** Sends now, ignoring back-off (a "Prøv igen" button; the `online` event does the same). */
  async retryNow(): Promise<void> {
    if (this.closed) return;
    await this.store.clearBackoff();
    await this.changed();
  }

  /** Resolves when this instance has nothing more to do right now (queue empty, or waiting for back-off or another tab). */
  async whenIdle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  /** Stops sending (an in-flight request is aborted; its entry stays queued) and closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.lifetime.abort();
    this.inFlight?.abort();
    if (this.wakeTimer !== null) this.clearTimer(this.wakeTimer);
    this.wakeTimer = null;
    this.onlineEvents?.removeEventListener('online', this.onOnline);
    this.channel?.close();
    this.unregister();
    const pumping = this.pumping;
    this.store.close();
    this.setSnapshot({ entries: [], sendingId: null, open: false });
    if (pumping) await pumping.catch(() => undefined);
  }

  // ---- internals ----

  private readonly onOnline = () => void this.retryNow().catch(() => undefined);

  private assertOpen(): void {
    if (this.closed) throw new OutboxError('closed', 'The outbox is closed');
  }

  private setSnapshot(snapshot: OutboxSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of [...this.listeners]) {
      try {
        listener(snapshot.entries);
      } catch (error) {
        console.error('Outbox listener failed', error);
      }
    }
  }

  private async refresh(): Promise<void> {
    if (this.closed) return;
    const entries = await this.store.all();
    if (this.closed) return;
    this.setSnapshot({ ...this.snapshot, entries });
  }

  private refreshAndKick(): void {
    this.kick();
    this.refresh().catch((error: unknown) => {
      if (!this.closed) console.error('Outbox refresh failed', error);
    });
  }

  /** After a change made here: update the snapshot, tell other tabs, and send. */
  private async changed(): Promise<void> {
    await this.refresh();
    this.channel?.postMessage('changed');
    this.kick();
  }

  /** Starts the send loop unless it runs; if it runs, makes it look again when done. */
  private kick(): void {
    if (this.closed) return;
    this.pumpRequested = true;
    if (this.pumping) return;
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
    });
  }

  private async pump(): Promise<void> {
    while (this.pumpRequested && !this.closed) {
      this.pumpRequested = false;
      let wakeAt: number | null = null;
      try {
        wakeAt = await this.withSendLock(() => this.drain());
      } catch (error) {
        if (this.closed) return;
        console.error('Outbox send loop failed', error);
        wakeAt = this.now() + BACKOFF_BASE_MS * 5;
      }
      if (wakeAt !== null && !this.closed) this.wakeAt(wakeAt);
    }
  }

  private wakeAt(at: number): void {
    if (this.wakeTimer !== null) this.clearTimer(this.wakeTimer);
    this.wakeTimer = this.setTimer(
      () => {
        this.wakeTimer = null;
        this.kick();
      },
      Math.max(0, at - this.now()),
    );
  }

  /** Runs `drain` while holding the person's send lock; returns when to look again (null: when told). */
  private async withSendLock(drain: () => Promise<number | null>): Promise<number | null> {
    if (this.locks) {
      try {
        return await this.locks.request(`samskriv-outbox:${this.personKey}`, { signal: this.lifetime.signal }, drain);
      } catch (error) {
        if (this.closed) return null;
        throw error;
      }
    }
    const busyUntil = await this.store.tryLease(this.owner, this.now(), LEASE_MS);
    // Another tab is sending: it broadcasts when done; if it died, its lease runs out.
    if (busyUntil !== null) return busyUntil;
    try {
      return await drain();
    } finally {
      if (!this.closed) await this.store.releaseLease(this.owner).catch(() => undefined);
    }
  }

  /** Sends queued entries in order until the queue is empty or the first one must wait. */
  private async drain(): Promise<number | null> {
    for (;;) {
      if (this.closed) return null;
      const entries = await this.store.all();
      const head = entries.find((entry) => entry.state === 'pending');
      if (!head) {
        this.setSnapshot({ ...this.snapshot, entries });
        return null;
      }
      if (head.nextAttemptAt !== undefined && head.nextAttemptAt > this.now()) {
        this.setSnapshot({ ...this.snapshot, entries });
        return head.nextAttemptAt;
      }
      if (head.dependsOn.length > 0) {
        // Its parent is gone without an answer (another tab's bug or a cleared database): never send an unfilled reference.
        await this.store.recordRefusal(head, {
          status: 0,
          code: DEPENDS_ON_UNRESOLVED,
          message: '',
        });
        await this.changedWhileDraining();
        continue;
      }
      if (!this.locks) {
        const busyUntil = await this.store.tryLease(this.owner, this.now(), LEASE_MS);
        if (busyUntil !== null) return busyUntil;
      }
      this.setSnapshot({ entries, sendingId: head.id, open: true });
      const outcome = await this.send(head);
      if (this.closed || outcome.kind === 'aborted') return null;
      if (outcome.kind === 'sent') {
        await this.store.recordSuccess(head, outcome.result, this.now());
        this.snapshot = { ...this.snapshot, sendingId: null };
        await this.changedWhileDraining();
        for (const listener of [...this.sentListeners]) {
          try {
            listener(head, outcome.result);
          } catch (error) {
            console.error('Outbox onSent listener failed', error);
          }
        }
      } else if (outcome.kind === 'refused') {
        await this.store.recordRefusal(head, outcome.refusal);
        this.snapshot = { ...this.snapshot, sendingId: null };
        await this.changedWhileDraining();
      } else {
        const failures = head.attempts + 1;
        const delay = outcome.retryAfterMs !== null ? Math.max(BACKOFF_BASE_MS, outcome.retryAfterMs) : backoffDelay(failures, this.random);
        await this.store.recordFailure(head, this.now() + delay, outcome.reason);
        this.snapshot = { ...this.snapshot, sendingId: null };
        await this.changedWhileDraining();
      }
    }
  }

  private async changedWhileDraining(): Promise<void> {
    await this.refresh();
    this.channel?.postMessage('changed');
  }

  private async send(entry: OutboxEntry): Promise<Outcome> {
    const controller = new AbortController();
    this.inFlight = controller;
    let timedOut = false;
    const timer = this.setTimer(() => {
      timedOut = true;
      controller.abort();
    }, this.requestTimeoutMs);
    try {
      const headers: Record<string, string> = { Accept: 'application/json', 'Idempotency-Key': entry.id };
      if (entry.body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await this.fetchImpl(this.baseUrl + entry.url, {
        method: entry.method,
        headers,
        body: entry.body === undefined ? undefined : JSON.stringify(entry.body),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: controller.signal,
      });
      const text = await response.text();
      let payload: unknown = null;
      try {
        payload = text === '' ? null : JSON.parse(text);
      } catch {
        payload = null;
      }
      if (response.ok) return { kind: 'sent', result: payload };
      if (isTransientStatus(response.status)) {
        return {
          kind: 'retry',
          reason: `http_${response.status}`,
          retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), this.now()),
        };
      }
      return { kind: 'refused', refusal: refusalFrom(response.status, payload) };
    } catch {
      if (this.closed) return { kind: 'aborted' };
      return { kind: 'retry', reason: timedOut ? 'timeout' : 'network', retryAfterMs: null };
    } finally {
      this.clearTimer(timer);
      this.inFlight = null;
    }
  }
}
