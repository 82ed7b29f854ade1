/**
 * What crosses processes when several server nodes serve the same documents (scale-out). The
 * durable truth stays in the shared document store; the bus only tells the other nodes:
 * - document updates, on one ordered stream per document, read from a position (so a node that
 *   missed messages catches up by position, or learns it must reload from the store);
 * - notices per document (presence, comment revisions), fire-and-forget;
 * - access changes (revocations, a document's access), fire-and-forget, to every node.
 * A bus never hands a node what that node published itself (echo suppression by node id).
 * Implementations: `server/scaleout/RedisClusterBus.ts` (Redis Streams and pub/sub) and
 * `LocalClusterBus` (one process: several nodes in memory, for tests and a single-process setup).
 */

/** A position in a document's update stream. Opaque to callers; `START` is before everything. */
export type StreamPosition = string;

/** The position before any update. */
export const STREAM_START: StreamPosition = '0-0';

export interface StreamFollower {
  /** Updates other nodes stored, in stream order (this node's own are left out). */
  updates(updates: readonly Uint8Array[]): void;
  /**
   * Updates after the follower's position were dropped from the stream before it read them (it
   * fell too far behind). The bus has already moved the position to the stream's end; the
   * follower reloads the document from the store, which holds everything published up to there.
   */
  gap(): void;
}

export type DocumentNotice =
  /** A y-protocols awareness update a node relayed to its own clients. */
  | { readonly kind: 'presence'; readonly update: Uint8Array }
  /** The document's comments are now at this revision (MessageType.commentsChanged). */
  | { readonly kind: 'commentsChanged'; readonly revision: number };

/** Access changed somewhere in the cluster: every node re-checks the affected live connections. */
export type ClusterAccessChange =
  /** Sessions of a person were revoked or their access shrank (server/people/accessEvents.ts AccessRevoked). */
  | {
      readonly kind: 'sessions';
      readonly personId: string;
      readonly reason: string;
      readonly sessionIdHashes?: readonly string[];
      readonly keptSessionIdHash?: string;
    }
  /** A document's grants, visibility or phase changed. */
  | { readonly kind: 'document'; readonly documentId: string }
  /** A document's history was reset: every node ends its connections (4409) and reloads its room. */
  | { readonly kind: 'reset'; readonly documentId: string }
  /** An API key was revoked: its tokens' connections end. */
  | { readonly kind: 'apiKey'; readonly keyId: string };

export interface ClusterBus {
  /** This node's id: what it publishes carries it, and it never receives its own. */
  readonly nodeId: string;

  /**
   * Appends an update this node has made durable in the shared store to the document's stream.
   * Resolves once the bus holds it (the sender is acknowledged only after that).
   */
  publishUpdate(documentId: string, update: Uint8Array): Promise<void>;

  /**
   * Where the document's stream ends now. Take it BEFORE reading the document from the store: the
   * store then holds every update up to it, and following from it misses nothing after.
   */
  streamEnd(documentId: string): Promise<StreamPosition>;

  /** Delivers the document's updates after `from` to `follower` until the returned function is called. */
  follow(documentId: string, from: StreamPosition, follower: StreamFollower): () => void;

  publishNotice(documentId: string, notice: DocumentNotice): void;
  /** Notices other nodes publish for the document, until the returned function is called. */
  onNotice(documentId: string, listener: (notice: DocumentNotice) => void): () => void;

  publishAccessChange(change: ClusterAccessChange): void;
  onAccessChange(listener: (change: ClusterAccessChange) => void): () => void;

  /** Stops reading and closes connections; publishes still queued are sent first where possible. */
  close(): Promise<void>;
}
