/**
 * The cluster bus inside one process: several nodes (sync servers) that share a hub, with the
 * same semantics as the Redis bus (ordered capped streams read from a position, gaps reported,
 * notices and access changes to every other node, never back to the sender). For tests of the
 * cluster logic without Redis, and for running more than one sync server in a process. A single
 * node without REDIS_URL needs no bus at all: the sync server then makes no cluster calls.
 * Deliveries are asynchronous (a microtask), as they are over a network.
 */
import type { ClusterAccessChange, ClusterBus, DocumentNotice, StreamFollower, StreamPosition } from './ClusterBus';

interface Entry {
  readonly seq: number;
  readonly node: string;
  readonly update: Uint8Array;
}

interface Stream {
  entries: Entry[];
  /** Sequence number of the last entry added, and of the last one trimmed (0: none). */
  last: number;
  trimmed: number;
}

interface Follow {
  readonly node: string;
  readonly documentId: string;
  seq: number;
  readonly follower: StreamFollower;
}

export interface LocalCluster {
  /** A bus for one more node of this hub. */
  node(nodeId?: string): ClusterBus;
}

const position = (seq: number): StreamPosition => `0-${seq}`;
const seqOf = (at: StreamPosition): number => Number(at.slice(at.indexOf('-') + 1)) || 0;

/** A hub whose document streams keep at least `streamMaxLength` entries (default 1000). */
export function createLocalCluster(options: { streamMaxLength?: number } = {}): LocalCluster {
  const maxLength = options.streamMaxLength ?? 1000;
  const streams = new Map<string, Stream>();
  const follows = new Set<Follow>();
  const noticeListeners = new Map<string, Set<{ node: string; listener: (notice: DocumentNotice) => void }>>();
  const accessListeners = new Set<{ node: string; listener: (change: ClusterAccessChange) => void }>();
  let nodes = 0;

  const streamOf = (documentId: string): Stream => {
    let stream = streams.get(documentId);
    if (!stream) streams.set(documentId, (stream = { entries: [], last: 0, trimmed: 0 }));
    return stream;
  };

  /** Hands a follower what it has not seen, or tells it of a gap. */
  const catchUp = (follow: Follow) => {
    if (!follows.has(follow)) return;
    const stream = streamOf(follow.documentId);
    if (stream.trimmed > follow.seq) {
      follow.seq = stream.last;
      follow.follower.gap();
      return;
    }
    const fresh = stream.entries.filter((entry) => entry.seq > follow.seq);
    if (fresh.length === 0) return;
    follow.seq = stream.last;
    const updates = fresh.filter((entry) => entry.node !== follow.node).map((entry) => entry.update);
    if (updates.length > 0) follow.follower.updates(updates);
  };

  return {
    node(nodeId = `local-${++nodes}`) {
      let closed = false;
      const mine = new Set<() => void>();
      const track = (stop: () => void) => {
        mine.add(stop);
        return () => {
          mine.delete(stop);
          stop();
        };
      };
      return {
        nodeId,
        async publishUpdate(documentId, update) {
          if (closed) throw new Error('the cluster bus is closed');
          const stream = streamOf(documentId);
          stream.entries.push({ seq: ++stream.last, node: nodeId, update: update.slice() });
          if (stream.entries.length > maxLength) {
            const dropped = stream.entries.splice(0, stream.entries.length - maxLength);
            stream.trimmed = (dropped.at(-1) as Entry).seq;
          }
          for (const follow of follows) if (follow.documentId === documentId) queueMicrotask(() => catchUp(follow));
        },
        async streamEnd(documentId) {
          return position(streams.get(documentId)?.last ?? 0);
        },
        follow(documentId, from, follower) {
          const follow: Follow = { node: nodeId, documentId, seq: seqOf(from), follower };
          follows.add(follow);
          queueMicrotask(() => catchUp(follow));
          return track(() => follows.delete(follow));
        },
        publishNotice(documentId, notice) {
          if (closed) return;
          for (const { node, listener } of noticeListeners.get(documentId) ?? [])
            if (node !== nodeId) queueMicrotask(() => listener(notice));
        },
        onNotice(documentId, listener) {
          const subscription = { node: nodeId, listener: (notice: DocumentNotice) => listener(notice) };
          let listeners = noticeListeners.get(documentId);
          if (!listeners) noticeListeners.set(documentId, (listeners = new Set()));
          listeners.add(subscription);
          return track(() => listeners.delete(subscription));
        },
        publishAccessChange(change) {
          if (closed) return;
          for (const { node, listener } of accessListeners) if (node !== nodeId) queueMicrotask(() => listener(change));
        },
        onAccessChange(listener) {
          const subscription = { node: nodeId, listener: (change: ClusterAccessChange) => listener(change) };
          accessListeners.add(subscription);
          return track(() => accessListeners.delete(subscription));
        },
        async close() {
          closed = true;
          for (const stop of [...mine]) stop();
          mine.clear();
        },
      };
    },
  };
}
