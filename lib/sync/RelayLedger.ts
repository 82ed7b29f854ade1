/**
 * Scale-out on a shared store: which stored updates the other nodes have been told of. A node
 * stores an update, then publishes it on the bus; if it dies (or cannot reach the bus) in between,
 * the update is durable but no room open on another node ever hears of it. The ledger remembers
 * every update stored and not yet published, so the live nodes publish it instead once it has
 * waited long enough (ClusterRelay sweeps). Publishing twice is harmless (Yjs skips what it has).
 * Implemented by server/postgres/PgDocumentStore.ts (a flag on each stored update).
 */

/** An update some node stored and nobody marked published. */
export interface UnrelayedUpdate {
  readonly documentId: string;
  readonly update: Uint8Array;
}

export interface RelayLedger {
  /** This node published `update`, the very object it appended: nobody needs to publish it again. */
  relayed(documentId: string, update: Uint8Array): void;
  /**
   * Claims up to `limit` updates stored at least `olderThanMs` ago and never marked published (a
   * lease of another `olderThanMs`: no other node gets the same ones meanwhile), hands them to
   * `publish` in the order they were stored, and marks them published once it resolves (if it
   * throws, they are claimed again after the lease). Resolves with how many were published.
   */
  publishStale(olderThanMs: number, limit: number, publish: (updates: readonly UnrelayedUpdate[]) => Promise<void>): Promise<number>;
}
