/**
 * Where the load generator puts what it made: `storeWriter` writes through the store interfaces
 * in lib (the embedded stores of a data dir or the PostgreSQL stores, each write one bounded act).
 */
import type { ModerationLogEntry, StoredComment } from '../../lib/comments/model';
import type { Membership, Organisation, Person, Workspace } from '../../lib/people/AccountStore';
import type { CoAuthorRequest } from '../../lib/sharing/SharingStore';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';

export interface SeedDocument {
  readonly meta: DocumentMeta;
  /** The body as one Yjs update (what DocumentStore.append stores). */
  readonly body: Uint8Array;
}

export interface SeedWriter {
  /** What the target holds already (people, documents); 0 and 0 for an empty one. */
  holds(): Promise<{ people: number; documents: number }>;
  people(batch: readonly Person[]): Promise<void>;
  organisations(organisations: readonly Organisation[], memberships: readonly Membership[]): Promise<void>;
  workspaces(workspaces: readonly Workspace[]): Promise<void>;
  /** The body first, then the metadata, as the document service creates a document. */
  document(document: SeedDocument): Promise<void>;
  /** One document's comments and moderation log entries, as one write. */
  comments(documentId: string, comments: readonly StoredComment[], log: readonly ModerationLogEntry[]): Promise<void>;
  /** A pending "ask to co-author" request. */
  request(request: CoAuthorRequest): Promise<void>;
  /** Makes everything durable and closes the stores. */
  close(): Promise<void>;
}
