/**
 * Every local database connection this tab holds, by database name, so that clearing a person's
 * local data can close them first (a deletion waits for open connections). Outbox and LocalCache
 * register themselves; other holders (the y-indexeddb local copies) call `registerConnection` too.
 */

type Closer = () => void | Promise<void>;

const open = new Map<string, Set<Closer>>();

/** Registers a connection to database `name`; returns the function that unregisters it. */
export function registerConnection(name: string, close: Closer): () => void {
  let closers = open.get(name);
  if (!closers) {
    closers = new Set();
    open.set(name, closers);
  }
  closers.add(close);
  return () => {
    const set = open.get(name);
    set?.delete(close);
    if (set && set.size === 0) open.delete(name);
  };
}

/** Names of databases with a registered connection in this tab. */
export function openConnectionNames(): string[] {
  return [...open.keys()];
}

/** Closes every registered connection to a database whose name matches, and waits for them. */
export async function closeConnections(matches: (name: string) => boolean): Promise<void> {
  const closing: Promise<void>[] = [];
  for (const [name, closers] of [...open]) {
    if (!matches(name)) continue;
    open.delete(name);
    for (const close of closers) closing.push(Promise.resolve().then(close));
  }
  const results = await Promise.allSettled(closing);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
