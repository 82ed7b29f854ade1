/**
 * What a room and the registry tell the other nodes of a cluster, and what they take from them
 * (server/scaleout/ClusterRelay implements it). Without a cluster (no REDIS_URL) nothing is
 * passed and rooms do exactly what they did before: no call, no allocation on the relay path.
 */

/** A loaded room, as the cluster sees it. */
export interface ClusterRoom {
  readonly id: string;
  /** Updates another node stored, in order: applied and relayed to this node's clients, never stored again. */
  applyRemote(updates: readonly Uint8Array[]): void;
  /** An awareness frame (MessageType.awareness) from another node's clients, relayed to this node's. */
  relayRemotePresence(frame: Uint8Array): void;
}

export interface RoomCluster {
  /** Before the room reads the store: remembers where the document's update stream ends now. */
  opening(room: ClusterRoom): Promise<void>;
  /** The room is loaded: from now on it gets what other nodes publish after that position. */
  opened(room: ClusterRoom): void;
  /** The room left the registry (unloaded, or failed): stop following its document. */
  closed(room: ClusterRoom): void;
  /** An update this node made durable: published to the others; resolves once the bus has it (never rejects). */
  published(documentId: string, update: Uint8Array): Promise<void>;
  /** An awareness update (the payload, not the frame) this node relayed to its own clients. */
  presenceChanged(documentId: string, update: Uint8Array): void;
  /** A frame with what other nodes' clients show now, for a joiner; null when there is none. */
  remotePresence(documentId: string): Uint8Array | null;
}
