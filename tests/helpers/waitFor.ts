/**
 * Event-based waiting: re-check a condition whenever something that could change it happens,
 * never on a clock. The timeout is only a safety net that turns a hang into a readable failure.
 */
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';

export interface WaitOptions {
  /** Says what was awaited when it times out. */
  readonly what?: string;
  readonly timeoutMs?: number;
}

/**
 * Resolves with the first truthy value of `check()`, checked now and after every notification
 * that `subscribe` wires up (it returns its unsubscribe).
 */
export function waitFor<T>(
  check: () => T | null | undefined | false,
  subscribe: (recheck: () => void) => () => void,
  options: WaitOptions = {},
): Promise<T> {
  const { what = 'a condition', timeoutMs = 20_000 } = options;
  return new Promise<T>((resolve, reject) => {
    let unsubscribe: () => void = () => {};
    let done = false;
    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      outcome();
    };
    const recheck = () => {
      try {
        const value = check();
        if (value) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    unsubscribe = subscribe(recheck);
    recheck();
  });
}

/** Waits until a Y.Doc satisfies `predicate`, re-checking on each of its updates. */
export function waitForDoc(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean, options?: WaitOptions): Promise<true> {
  return waitFor(
    () => predicate(doc),
    (recheck) => {
      doc.on('update', recheck);
      return () => doc.off('update', recheck);
    },
    options,
  );
}

/**
 * Waits until a condition over several Y.Docs holds, re-checking on an update of ANY of them (a
 * condition that compares two docs can turn true on either's update: waiting on one alone can miss it).
 */
export function waitForDocs(docs: readonly Y.Doc[], predicate: () => boolean, options?: WaitOptions): Promise<true> {
  return waitFor(
    predicate,
    (recheck) => {
      for (const doc of docs) doc.on('update', recheck);
      return () => {
        for (const doc of docs) doc.off('update', recheck);
      };
    },
    options,
  );
}

/** Waits until the provider has finished its first sync (received sync step 2). */
export function waitForSynced(provider: WebsocketProvider, options?: WaitOptions): Promise<true> {
  return waitFor(
    () => provider.synced,
    (recheck) => {
      provider.on('sync', recheck);
      return () => provider.off('sync', recheck);
    },
    { what: `${provider.roomname} to sync`, ...options },
  );
}

/** Waits until an awareness instance satisfies `predicate`, re-checking on each change. */
export function waitForAwareness(
  awareness: Awareness,
  predicate: (states: Map<number, Record<string, unknown>>) => boolean,
  options?: WaitOptions,
): Promise<true> {
  return waitFor(
    () => predicate(awareness.getStates() as Map<number, Record<string, unknown>>),
    (recheck) => {
      awareness.on('change', recheck);
      return () => awareness.off('change', recheck);
    },
    { what: 'awareness', ...options },
  );
}
