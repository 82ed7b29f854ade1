import type { AttributedLoad, DocumentStore, LogStats } from '../../lib/storage/DocumentStore';

interface Stored {
  readonly update: Uint8Array;
  readonly attribution: Uint8Array | null;
}

interface Entry {
  snapshot: Stored | null;
  log: Stored[];
  bytes: number;
}

const stored = (update: Uint8Array, attribution: Uint8Array | undefined): Stored => ({
  update: update.slice(),
  attribution: attribution && attribution.byteLength > 0 ? attribution.slice() : null,
});

/** In-memory DocumentStore for fast unit tests. Same contract as FileDocumentStore, no durability. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly docs = new Map<string, Entry>();
  /** What `load` read with the updates it returned, for `loadAttributed`. */
  private readonly attributionOf = new WeakMap<Uint8Array[], Uint8Array[]>();

  async load(documentId: string): Promise<Uint8Array[] | null> {
    const entry = this.docs.get(documentId);
    if (!entry) return null;
    const all = [...(entry.snapshot ? [entry.snapshot] : []), ...entry.log];
    const updates = all.map((s) => s.update.slice());
    this.attributionOf.set(
      updates,
      all.flatMap((s) => (s.attribution ? [s.attribution.slice()] : [])),
    );
    return updates;
  }

  /** Through `load` (which subclasses in tests gate), from the same read. */
  async loadAttributed(documentId: string): Promise<AttributedLoad | null> {
    const updates = await this.load(documentId);
    return updates && { updates, attribution: this.attributionOf.get(updates) ?? [] };
  }

  async readAttribution(documentId: string): Promise<Uint8Array[]> {
    const entry = this.docs.get(documentId);
    if (!entry) return [];
    return [...(entry.snapshot ? [entry.snapshot] : []), ...entry.log].flatMap((s) => (s.attribution ? [s.attribution.slice()] : []));
  }

  async exists(documentId: string): Promise<boolean> {
    return this.docs.has(documentId);
  }

  async append(documentId: string, update: Uint8Array, attribution?: Uint8Array): Promise<void> {
    // As FileDocumentStore, whose log format cannot hold an empty record.
    if (update.byteLength === 0) throw new RangeError('cannot append an empty update');
    const entry = this.entry(documentId);
    entry.log.push(stored(update, attribution));
    entry.bytes += update.byteLength;
  }

  // Parameters kept (unused) so subclasses can pass them on through `super`.
  async flush(_documentId?: string): Promise<void> {}

  async compact(documentId: string, snapshot: Uint8Array, attribution?: Uint8Array): Promise<void> {
    // Everything appended before this call is covered by the snapshot.
    const entry = this.entry(documentId);
    entry.snapshot = stored(snapshot, attribution);
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
