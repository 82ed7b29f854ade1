/**
 * One Outbox per person per tab, shared by every component that needs it and closed when the last
 * one lets go. The close is deferred a moment, so React StrictMode's mount → unmount → mount (and a
 * quick navigation between two pages that both use the outbox) reuses the open instance.
 */
import { Outbox } from '../../lib/offline/Outbox';

interface Shared {
  readonly promise: Promise<Outbox>;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
  current: Outbox | null;
}

const CLOSE_DELAY_MS = 1000;
const shared = new Map<string, Shared>();

export interface OutboxHandle {
  readonly promise: Promise<Outbox>;
  /** Lets go of this handle; the last release closes the outbox. Safe to call twice. */
  release(): void;
}

export function acquireOutbox(personKey: string): OutboxHandle {
  let entry = shared.get(personKey);
  // Closed underneath us (the person's local data was cleared): start over.
  if (entry?.current && !entry.current.isOpen) {
    if (entry.closeTimer) clearTimeout(entry.closeTimer);
    shared.delete(personKey);
    entry = undefined;
  }
  if (!entry) {
    const created: Shared = { promise: Outbox.open(personKey), refs: 0, closeTimer: null, current: null };
    created.promise.then(
      (outbox) => {
        created.current = outbox;
      },
      () => {
        // Failed to open (no IndexedDB): forget it so a later mount can try again.
        if (shared.get(personKey) === created) shared.delete(personKey);
      },
    );
    shared.set(personKey, created);
    entry = created;
  }
  const mine = entry;
  mine.refs += 1;
  if (mine.closeTimer) {
    clearTimeout(mine.closeTimer);
    mine.closeTimer = null;
  }
  let released = false;
  return {
    promise: mine.promise,
    release() {
      if (released) return;
      released = true;
      mine.refs -= 1;
      if (mine.refs > 0) return;
      mine.closeTimer = setTimeout(() => {
        if (mine.refs > 0 || shared.get(personKey) !== mine) return;
        shared.delete(personKey);
        mine.promise.then((outbox) => outbox.close()).catch(() => undefined);
      }, CLOSE_DELAY_MS);
    },
  };
}
