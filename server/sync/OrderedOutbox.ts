/**
 * A room's outbound work in arrival order, where each step may only run once it is ready: a
 * relay once its update is durable, a sync step 2 reply once every update it contains is. Steps
 * become ready out of order (group commit) but always run in order, which is what makes
 * "persist before broadcast" hold per room.
 *
 * A group commit makes several appends durable at once; their steps then run together inside
 * `batch`, which lets the room cork its sockets so each socket gets one write for all of them.
 */
export interface OutboxEntry {
  ready: boolean;
  readonly run: () => void;
}

export class OrderedOutbox {
  private entries: OutboxEntry[] = [];
  private head = 0;
  private draining = false;
  private scheduled = false;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly onError: (error: unknown) => void,
    private readonly batch: (run: () => void) => void = (run) => run(),
  ) {}

  /** Steps queued and not yet run. */
  get size(): number {
    return this.entries.length - this.head;
  }

  push(run: () => void, ready: boolean): OutboxEntry {
    const entry: OutboxEntry = { ready, run };
    this.entries.push(entry);
    if (ready) this.drain();
    return entry;
  }

  /**
   * Marks a step ready; steps are run in a microtask, so appends that a group commit resolves
   * together are sent together.
   */
  markReady(entry: OutboxEntry): void {
    entry.ready = true;
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  /** Resolves once every step queued so far has run (or was cleared). */
  drained(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Forgets every queued step (the room failed); waiters are released. */
  clear(): void {
    this.entries = [];
    this.head = 0;
    this.release();
  }

  private drain(): void {
    // A step may queue another (a send that closes a socket); the running loop picks it up.
    if (this.draining || !this.entries[this.head]?.ready) return;
    this.draining = true;
    try {
      if (this.entries[this.head + 1]?.ready) this.batch(() => this.runReady());
      else this.runReady();
    } finally {
      this.draining = false;
    }
    if (this.head === this.entries.length) {
      this.entries = [];
      this.head = 0;
      this.release();
    } else if (this.head > 1024) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  private runReady(): void {
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head] as OutboxEntry;
      if (!entry.ready) break;
      this.head++;
      try {
        entry.run();
      } catch (error) {
        this.onError(error);
      }
    }
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
