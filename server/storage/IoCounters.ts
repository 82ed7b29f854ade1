/** I/O counts of a FileDocumentStore, for tests and benchmarks that check coalescing. */
export interface IoCounters {
  /** Durable writes of log records (one per group commit). */
  logWrites: number;
  /** Syncs those writes carried (O_DSYNC: the same count; kept apart for what it means). */
  logSyncs: number;
  /** Directory fsyncs (new segments, snapshots). */
  dirSyncs: number;
  /** Durable zero-fills that made room ahead in a log segment (alone or with a batch). */
  preallocations: number;
}
