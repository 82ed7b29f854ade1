/**
 * Test doubles for the outbox's surroundings: a clock with timers the test advances by hand, a
 * fetch that records requests and answers as each test scripts it, and an in-process Web Locks
 * manager (the browser's `navigator.locks` is missing in Node 20).
 */
import type { OutboxLocks } from '../../../lib/offline/Outbox';

export class FakeClock {
  now = Date.UTC(2026, 10, 20, 12, 0, 0);
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  readonly nowFn = () => this.now;
  readonly setTimer = (callback: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, callback });
    return id;
  };
  readonly clearTimer = (handle: unknown) => {
    this.timers.delete(handle as number);
  };

  /** Earliest pending timer, or null. */
  nextTimerAt(): number | null {
    let earliest: number | null = null;
    for (const { at } of this.timers.values()) earliest = earliest === null ? at : Math.min(earliest, at);
    return earliest;
  }

  /** Moves the clock and runs, in order, every timer that is due. */
  advanceTo(at: number): void {
    this.now = Math.max(this.now, at);
    for (;;) {
      const due = [...this.timers.entries()].filter(([, timer]) => timer.at <= this.now).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) return;
      this.timers.delete(due[0]);
      due[1].callback();
    }
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.now + ms);
  }
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly credentials: RequestCredentials | undefined;
}

type Answer = Response | Error | Promise<Response>;
type Handler = (request: RecordedRequest, signal: AbortSignal | undefined) => Answer;

/** A fetch double: every call is recorded; `handler` decides the answer (a Response, or an Error to throw like a network failure). */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  handler: Handler = () => json(201, { ok: true });

  readonly fetch: typeof fetch = async (input, init) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init?.credentials,
    };
    this.requests.push(request);
    const answer = await this.handler(request, init?.signal ?? undefined);
    if (answer instanceof Error) throw answer;
    return answer;
  };

  urls(): string[] {
    return this.requests.map((request) => request.url);
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function refusal(status: number, code: string, message: string): Response {
  return json(status, { error: { code, message } });
}

export const networkDown = () => new TypeError('fetch failed');

/** A fetch answer that never comes unless the request is aborted. */
export function hang(signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}

/** Resolvable promise. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Exclusive locks by name, granted in request order, like navigator.locks. */
export class FakeLocks implements OutboxLocks {
  private readonly queues = new Map<string, Promise<void>>();
  granted = 0;

  request<T>(name: string, options: { signal?: AbortSignal }, callback: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    this.queues.set(
      name,
      previous.then(() => mine),
    );
    return previous.then(async () => {
      try {
        if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
        this.granted++;
        return await callback();
      } finally {
        release();
      }
    });
  }
}

let counter = 0;
/** A person key no other test uses (fake-indexeddb and BroadcastChannel are shared by the whole file). */
export function freshPerson(label = 'p'): string {
  counter += 1;
  return `${label}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Lets IndexedDB and promise callbacks run until `condition` holds (bounded by turns of the event loop, not by time). */
export async function eventually(condition: () => boolean, turns = 2000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('The condition did not come true');
}
