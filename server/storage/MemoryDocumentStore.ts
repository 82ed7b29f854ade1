import type { DocumentStore, LogStats } from '../../lib/storage/DocumentStore';

interface Entry {
  snapshot: Uint8Array | null;
  log: Uint8Array[];
  bytes: number;
}

/** In-memory DocumentStore for fast unit tests. Same contract as FileDocumentStore, no durability. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly docs = new Map<string, Entry>();

  async load(documentId: string): Promise<Uint8Array[] | null> {
    const entry = this.docs.get(documentId);
    if (!entry) return null;
    return [...(entry.snapshot ? [entry.snapshot] : []), ...entry.log].map((u) => u.slice());
  }

  async exists(documentId: string): Promise<boolean> {
    return this.docs.has(documentId);
  }

  async append(documentId: string, update: Uint8Array): Promise<void> {
    // As FileDocumentStore, whose log format cannot hold an empty record.
    if (update.byteLength === 0) throw new RangeError('cannot append an empty update');
    const entry = this.entry(documentId);
    entry.log.push(update.slice());
    entry.bytes += update.byteLength;
  }

  // Parameters kept (unused) so subclasses can pass them on through `super`.
  async flush(_documentId?: string): Promise<void> {}

  async compact(documentId: string, snapshot: Uint8Array): Promise<void> {
    // Everything appended before this call is covered by the snapshot.
    const entry = this.entry(documentId);
    entry.snapshot = snapshot.slice();
    entry.log = [];
    entry.bytes = 0;
  }

  stats(documentId: string): LogStats {
    const entry = this.docs.get(documentId);
    return { records: entry?.log.length ?? 0, bytes: entry?.bytes ?? 0 };
  }

  /** Nothing to free: in memory, the data IS what is held. */
  async release(_documentId: string): Promise<void> {}

  async close(): Promise<void> {}

  private entry(documentId: string): Entry {
    let entry = this.docs.get(documentId);
    if (!entry) {
      entry = { snapshot: null, log: [], bytes: 0 };
      this.docs.set(documentId, entry);
    }
    return entry;
  }
}
