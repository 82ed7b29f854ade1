/**
 * Where versions live. Implementations: MemoryVersionStore (unit tests), FileVersionStore (the data
 * dir) and PgVersionStore (PostgreSQL); one contract suite runs against all three.
 *
 * A version is stored whole or not at all (a crash while adding leaves no version or the whole one)
 * and is never changed or overwritten afterwards.
 */
import type { DocumentVersion, NewVersion, VersionSummary } from './model';

export type AddVersionResult = 'added' | 'number_taken' | 'key_taken';

export interface VersionStore {
  /** A document's versions, newest first (empty when it has none). */
  list(documentId: string): Promise<VersionSummary[]>;
  /** One version with its content; null when there is none with that number. */
  get(documentId: string, number: number): Promise<DocumentVersion | null>;
  /** The version an `Idempotency-Key` already made for this document, or null. */
  byIdempotencyKey(documentId: string, key: string): Promise<VersionSummary | null>;
  /**
   * Keeps a new version. Never overwrites: `number_taken` when the document already has a version
   * with that number, `key_taken` when its idempotency key already made one (nothing is stored then).
   */
  add(version: NewVersion): Promise<AddVersionResult>;
  /** The newest version of each of these documents that has one (for lists). */
  latestOf(documentIds: readonly string[]): Promise<Map<string, VersionSummary>>;
  /**
   * The newest versions of `kind` across documents, newest first, at most `limit` (for feeds); only
   * of `documentIds` when given (a workspace's feed: other documents' versions must not crowd its own out).
   */
  recent(kind: VersionSummary['kind'], limit: number, documentIds?: readonly string[]): Promise<VersionSummary[]>;
  close(): Promise<void>;
}
