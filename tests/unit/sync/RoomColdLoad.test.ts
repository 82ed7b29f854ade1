/**
 * Loading a document never blocks the process (issue 11, item 2): a room whose store holds a long
 * log (after a crash, or from a data dir written before the log was bounded) merges it in slices,
 * and other rooms keep relaying meanwhile. Real files (FileDocumentStore), in-memory connections.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../../lib/protocol';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { createTestRegistry, type TestRegistry } from '../../helpers/testRegistry';
import type { MemoryClient } from '../../helpers/memoryClient';
import { waitUntil } from '../../helpers/waitUntil';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';

const tempDir = tempDirsRemovedAfterAll('coldload');
let current: TestRegistry<FileDocumentStore> | undefined;
const stores: FileDocumentStore[] = [];
afterEach(async () => {
  await current?.close();
  current = undefined;
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

/** A store whose load() tells when a document's files have been read (the merge starts after it). */
class WatchedStore extends FileDocumentStore {
  onLoaded: (documentId: string) => void = () => undefined;

  override async load(documentId: string): Promise<Uint8Array[] | null> {
    const updates = await super.load(documentId);
    this.onLoaded(documentId);
    return updates;
  }
}

/**
 * Writes `snapshotEdits` one-character edits compacted into a snapshot, then `logEdits` more as
 * separate log records (what a kill -9 leaves when nothing compacted them); returns the text.
 */
async function storeLongLog(dir: string, documentId: string, snapshotEdits: number, logEdits: number): Promise<string> {
  const store = new FileDocumentStore({ dir, groupCommitMs: 0 });
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const appended: Promise<void>[] = [];
  doc.on('update', (update: Uint8Array) => appended.push(store.append(documentId, update)));
  const type = (count: number) => {
    for (let i = 0; i < count; i++) text.insert((i * 7) % (text.length + 1), String.fromCharCode(97 + (i % 26)));
  };
  type(snapshotEdits);
  if (snapshotEdits > 0) await store.compact(documentId, Y.encodeStateAsUpdate(doc));
  type(logEdits);
  await Promise.all(appended);
  await store.close();
  expect(store.stats(documentId).records).toBe(0);
  return text.toString();
}

function syncStep1Of(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

function connected(client: MemoryClient): Promise<void> {
  return waitUntil(() => client.synced, 'the client to sync');
}

describe('Room: loading a long log', () => {
  it('joins 10,000 records in slices, yielding to the event loop between them, and loads them whole', async () => {
    const dir = await tempDir();
    const expected = await storeLongLog(dir, 'big', 2000, 10_000);
    const store = new WatchedStore({ dir, groupCommitMs: 0 });
    stores.push(store);
    let slices = 0;
    // A chain of setImmediate callbacks started when the files are read: it advances only when the
    // load yields to the event loop, as other rooms' I/O callbacks do (joining the records is now
    // too quick for an fsync of the other room to be sure to finish meanwhile).
    let turns = 0;
    let turning = false;
    const turn = () => {
      turns += 1;
      if (turning) setImmediate(turn);
    };
    const turnsAtSlice: number[] = [];
    current = createTestRegistry({
      store,
      loadSlices: {
        sliceRecords: 64,
        onSlice: () => {
          slices += 1;
          turnsAtSlice.push(turns);
        },
      },
    });
    const { client } = current;

    // Another document, relaying edits one after another: each delivery triggers the next edit.
    const writer = client('small');
    const reader = client('small');
    await connected(writer);
    await connected(reader);
    let loading = false;
    let pinging = true;
    let deliveredWhileLoading = 0;
    reader.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== reader) return;
      if (loading) deliveredWhileLoading += 1;
      if (pinging) writer.doc.getText('t').insert(0, 'x');
    });
    writer.doc.getText('t').insert(0, 'x');

    store.onLoaded = (documentId) => {
      if (documentId !== 'big') return;
      loading = true;
      turning = true;
      setImmediate(turn);
    };
    const big = client('big');
    let deliveredWhenAnswered = -1;
    big.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== big || !loading) return;
      loading = false;
      deliveredWhenAnswered = deliveredWhileLoading;
    });
    await waitUntil(() => big.text === expected, 'the long document to arrive', 60_000);
    pinging = false;

    turning = false;
    // The records were joined a slice at a time, with the event loop turning between slices; the
    // other document's edits went on being relayed (all of them arrive).
    expect(deliveredWhenAnswered).toBeGreaterThanOrEqual(0);
    expect(slices).toBeGreaterThan(10_000 / 64);
    expect(turnsAtSlice.at(-1)! - turnsAtSlice[0]!).toBeGreaterThanOrEqual(slices - 1);
    await waitUntil(() => reader.text === writer.text, 'the small document to settle');
  }, 60_000);

  // Records that do not follow on from each other (here one stored twice, as a node that published
  // held-back items stores a remote update again) cannot be joined byte-wise: they are merged.
  it('merges a log whose records do not follow on, and loads it whole', async () => {
    const dir = await tempDir();
    const store = new FileDocumentStore({ dir, groupCommitMs: 0 });
    const doc = new Y.Doc();
    const records: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => records.push(update));
    for (let i = 0; i < 500; i++) doc.getText('t').insert(i, String.fromCharCode(97 + (i % 26)));
    for (const [i, record] of records.entries()) {
      await store.append('big', record);
      if (i === 250) await store.append('big', record);
    }
    await store.close();
    const reopened = new FileDocumentStore({ dir, groupCommitMs: 0 });
    stores.push(reopened);
    let slices = 0;
    current = createTestRegistry({ store: reopened, loadSlices: { sliceRecords: 64, onSlice: () => (slices += 1) } });
    const fresh = current.client('big');
    await connected(fresh);
    expect(fresh.text).toBe(doc.getText('t').toString());
    // Joining gave up at the duplicate (4 slices), then merging went through every record.
    expect(slices).toBeGreaterThan(501 / 64 + 4);
  });

  // The merged log goes as an update frame BEFORE step 2 (the client keeps it pending until the
  // snapshot arrives): a client that reads the document on `synced` has it all.
  it('gives a fresh client the whole document by the time it counts itself synced', async () => {
    const dir = await tempDir();
    const expected = await storeLongLog(dir, 'big', 500, 300);
    const store = new FileDocumentStore({ dir, groupCommitMs: 0 });
    stores.push(store);
    current = createTestRegistry({ store });
    const fresh = current.client('big');
    // A y-websocket client is "synced" on sync step 2 and reads the document then (the crash test
    // in serverProcess.test.ts does): whatever arrives after step 2 is missing at that moment.
    let textWhenSynced: string | null = null;
    const handle = fresh.socket.onServerFrame;
    fresh.socket.onServerFrame = (frame) => {
      handle?.(frame);
      if (fresh.synced && textWhenSynced === null) textWhenSynced = fresh.text;
    };
    await connected(fresh);
    expect(textWhenSynced).toBe(expected);
  });

  it('keeps the loaded content identical through an edit, an unload (compaction) and a reload', async () => {
    const dir = await tempDir();
    const expected = await storeLongLog(dir, 'big', 500, 3000);
    const store = new FileDocumentStore({ dir, groupCommitMs: 0 });
    stores.push(store);
    current = createTestRegistry({ store });
    const first = current.client('big');
    await waitUntil(() => first.text === expected, 'the stored document');
    // An edit needs the doc applied: snapshot and merged tail both.
    first.doc.getText('t').insert(0, '!');
    await waitUntil(async () => (await current!.stored('big')).getText('t').toString() === `!${expected}`, 'the edit to be stored');
    first.close();
    await current.registry.unloadIfIdle('big');
    expect(current.registry.room('big')).toBeUndefined();
    // Unloading compacted it: what a restart loads is one snapshot.
    expect(await store.load('big')).toHaveLength(1);

    const second = current.client('big');
    await waitUntil(() => second.text === `!${expected}`, 'the reloaded document');
    // A client that already holds part of it is answered from the applied doc.
    const partial = current.client('big');
    Y.applyUpdate(partial.doc, Y.encodeStateAsUpdate(second.doc));
    await waitUntil(() => partial.text === `!${expected}`, 'the partial client');
  }, 30_000);

  // A returning client (it holds part of the document) of a cold room: answered from the stored
  // bytes, without applying them; it still gets everything, and its own edits still arrive.
  it('answers a client holding part of a cold document without applying the stored state', async () => {
    const dir = await tempDir();
    const expected = await storeLongLog(dir, 'big', 800, 200);
    const store = new FileDocumentStore({ dir, groupCommitMs: 0 });
    stores.push(store);
    current = createTestRegistry({ store });
    const stored = (await store.load('big'))!;
    const partial = current.client('big', { silent: true, ack: true });
    // Its first part of the document, as a copy kept in the browser would hold it, then its step 1.
    Y.applyUpdate(partial.doc, stored[0]!, partial);
    partial.send(syncStep1Of(partial.doc));
    const offline = (partial.doc.getText('t').length / 2) | 0;
    await waitUntil(() => partial.synced && partial.text === expected, 'the partial client to get the rest');
    // Its step 2 (nothing we lack) is acknowledged like any update, and leaves the room cold.
    await waitUntil(() => partial.acks.length > 0, 'the ack of its empty step 2');
    expect(current.registry.room('big')?.isApplied).toBe(false);
    // An edit of its own needs the doc applied, and lands.
    partial.doc.getText('t').insert(offline, '†');
    const withEdit = partial.text;
    await waitUntil(async () => (await current!.stored('big')).getText('t').toString() === withEdit, 'the edit to be stored');
    expect(current.registry.room('big')?.isApplied).toBe(true);
    const other = current.client('big');
    await waitUntil(() => other.text === withEdit, 'a fresh client to see it');
  });

  it('compacts again when a burst of edits outran a compaction, without waiting for another edit', async () => {
    const dir = await tempDir();
    const store = new FileDocumentStore({ dir, groupCommitMs: 0 });
    stores.push(store);
    current = createTestRegistry({ store, compactAfterRecords: 40 });
    const writer = current.client('doc');
    const reader = current.client('doc');
    await connected(writer);
    await connected(reader);
    const text = writer.doc.getText('t');
    const type = (count: number) => {
      for (let i = 0; i < count; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
    };
    // A reconnecting client's backlog: hundreds of updates arriving while the first compaction runs.
    let burst: (() => void) | null = () => type(500);
    const compact = store.compact.bind(store);
    vi.spyOn(store, 'compact').mockImplementation((documentId, snapshot) => {
      const compacting = compact(documentId, snapshot);
      const during = burst;
      burst = null;
      during?.();
      return compacting;
    });
    type(100);
    await waitUntil(() => reader.text === writer.text, 'the burst to be relayed');
    // No edit follows: the log a crash would leave must still come back under the bound.
    await waitUntil(() => store.stats('doc').records < 40, 'the log to be compacted under the bound');
    expect((await current.stored('doc')).getText('t').toString()).toBe(writer.text);
  });

  it('keeps every append issued while a background compaction runs', async () => {
    const dir = await tempDir();
    const store = new FileDocumentStore({ dir, groupCommitMs: 0 });
    stores.push(store);
    const compact = vi.spyOn(store, 'compact');
    current = createTestRegistry({ store, compactAfterRecords: 40 });
    const writer = current.client('doc');
    const reader = current.client('doc');
    await connected(writer);
    await connected(reader);
    const text = writer.doc.getText('t');
    // Edits keep arriving while compactions (every 40 records) are written.
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 25; i++) text.insert(text.length, String.fromCharCode(97 + ((round + i) % 26)));
      await waitUntil(() => reader.text === writer.text, 'the round to be relayed');
    }
    expect(compact.mock.calls.length).toBeGreaterThan(3);
    await current.registry.room('doc')?.settled();
    expect((await current.stored('doc')).getText('t').toString()).toBe(writer.text);
  });
});
