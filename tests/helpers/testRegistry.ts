/** A RoomRegistry over a memory (or controlled) store with in-memory clients, cleaned up by `close()`. */
import * as Y from 'yjs';
import type { DocumentStore } from '../../lib/storage/DocumentStore';
import { MemoryDocumentStore } from '../../server/storage/MemoryDocumentStore';
import { RoomRegistry, type RoomRegistryOptions } from '../../server/sync/RoomRegistry';
import { MemoryClient, type MemoryClientOptions } from './memoryClient';
import { recordingLogger, type RecordingLogger } from './recordingLogger';
import { settle } from './tick';
import { ControlledStore } from './controlledStore';
import { PROTOCOL_TEST_ROOTS } from './protocolTestRoots';

export interface TestRegistry<S extends DocumentStore> {
  readonly registry: RoomRegistry;
  readonly store: S;
  readonly logger: RecordingLogger;
  /** Document ids passed to documents.touch(). */
  readonly touched: string[];
  client(documentId: string, options?: MemoryClientOptions): MemoryClient;
  /** The document as stored: what a restart would load. */
  stored(documentId: string): Promise<Y.Doc>;
  close(): Promise<void>;
}

export function createTestRegistry<S extends DocumentStore = MemoryDocumentStore>(
  options: { store?: S } & Partial<Omit<RoomRegistryOptions, 'store' | 'logger' | 'documents'>> = {},
): TestRegistry<S> {
  const store = (options.store ?? new MemoryDocumentStore()) as S;
  const logger = recordingLogger();
  const touched: string[] = [];
  const registry = new RoomRegistry({
    idleUnloadMs: 60_000,
    compactAfterBytes: 1 << 20,
    compactAfterRecords: 1000,
    maxBacklogBytes: 1 << 20,
    roots: new Set(PROTOCOL_TEST_ROOTS),
    ...options,
    store,
    logger,
    documents: { touch: (id) => void touched.push(id) },
  });
  const clients: MemoryClient[] = [];
  return {
    registry,
    store,
    logger,
    touched,
    client(documentId, clientOptions) {
      const client = new MemoryClient(registry, documentId, clientOptions);
      clients.push(client);
      return client;
    },
    async stored(documentId) {
      const doc = new Y.Doc();
      for (const update of (await store.load(documentId)) ?? []) Y.applyUpdate(doc, update);
      return doc;
    },
    async close() {
      for (const client of clients) client.close();
      // A failed test may leave appends or gates held; shutdown would wait for them forever.
      if (store instanceof ControlledStore) {
        store.holding = false;
        store.releaseAll();
        store.loadGate?.open();
        store.flushGate?.open();
      }
      await settle();
      await registry.close();
    },
  };
}

/** A stored document with some text in Y.Text 't'. */
export function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}
