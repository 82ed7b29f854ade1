/**
 * The automerge-paper trace (259,778 edits) replayed keystroke by keystroke through a server:
 * ingest edits/s, bytes on disk after compaction vs. the encoded document, and a fresh client's
 * first full sync (cold, right after a restart).
 */
import * as Y from 'yjs';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BODY_FRAGMENT, SyncStep } from '../lib/protocol';
import { applyPatch, loadTrace } from '../lib/traces/loadTrace';
import { encodeSyncMessage, EMPTY_STATE_VECTOR, openClient, peekDelivery } from './lib/rawClient';
import type { ServerProcess } from './lib/serverProcess';
import { syncUrl } from './lib/urls';

export interface RecordedTrace {
  readonly updates: Uint8Array[];
  readonly encodedBytes: number;
  readonly endContent: string;
}

/** Each trace edit as its own Yjs update, generated once, before any timing. */
export function recordTrace(path: string): RecordedTrace {
  const trace = loadTrace(path);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  // A text in the body (the server accepts no other root), inserted by the first update.
  const text = new Y.XmlText();
  doc.getXmlFragment(BODY_FRAGMENT).insert(0, [text]);
  for (const txn of trace.txns) for (const patch of txn.patches) applyPatch(text, patch, true);
  if (text.toString() !== trace.endContent) throw new Error('trace replay diverged from endContent');
  const encodedBytes = Y.encodeStateAsUpdate(doc).byteLength;
  doc.destroy();
  return { updates, encodedBytes, endContent: trace.endContent };
}

/** Sends every update, then a sync step 1; the server answers it only after everything before it on the connection. */
export async function ingest(
  server: ServerProcess,
  room: string,
  trace: RecordedTrace,
): Promise<{ seconds: number; editsPerSecond: number }> {
  let answered: () => void = () => {};
  const done = new Promise<void>((resolve) => (answered = resolve));
  let armed = false;
  const ws = await openClient(await syncUrl(server.port, room, 'replayer'), (data) => {
    const delivery = peekDelivery(data);
    if (armed && delivery?.step === SyncStep.step2) answered();
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const started = performance.now();
  for (let i = 0; i < trace.updates.length; i++) {
    ws.send(encodeSyncMessage(SyncStep.update, trace.updates[i]!));
    if (i % 2000 === 1999) await new Promise((resolve) => setImmediate(resolve));
  }
  armed = true;
  ws.send(encodeSyncMessage(SyncStep.step1, EMPTY_STATE_VECTOR));
  await done;
  const seconds = (performance.now() - started) / 1000;
  ws.close();
  return { seconds, editsPerSecond: trace.updates.length / seconds };
}

/** Time from connecting to the full document arriving (sync step 2), for a fresh client. */
export async function firstSyncMs(server: ServerProcess, room: string, expectBytesAtLeast: number): Promise<number> {
  const started = performance.now();
  let resolveSynced: (ms: number) => void = () => {};
  const synced = new Promise<number>((resolve) => (resolveSynced = resolve));
  const ws = await openClient(await syncUrl(server.port, room, 'reader'), (data) => {
    const delivery = peekDelivery(data);
    if (delivery?.step === SyncStep.step2 && data.byteLength >= expectBytesAtLeast) resolveSynced(performance.now() - started);
  });
  ws.send(encodeSyncMessage(SyncStep.step1, EMPTY_STATE_VECTOR));
  const ms = await synced;
  ws.close();
  return ms;
}

export function bytesOnDisk(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? bytesOnDisk(path) : statSync(path).size;
  }
  return total;
}
