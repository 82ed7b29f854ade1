/**
 * Issue 11, item 2: after kill -9 of a server that was being typed into, the log it leaves since the
 * last snapshot is bounded by the compaction bound (not everything typed since the start), and
 * the restarted server loads it to exactly what was acknowledged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { BODY_FRAGMENT, MessageType, SyncStep } from '../../lib/protocol';
import { decodeRecords } from '../../lib/storage/logRecord';
import { spawnServer, type SpawnedServer } from '../helpers/spawnServer';
import { waitUntil } from '../helpers/waitUntil';

const SECRET = 'integration-secret-integration-secret-0123456789';
const EDITS = 3000;
const BOUND = 200;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(dataDir: string): Promise<SpawnedServer> {
  const server = await spawnServer({ env: { DATA_DIR: dataDir, AUTH_SECRET: SECRET, SYNC_COMPACT_AFTER_RECORDS: String(BOUND) } });
  cleanups.push(() => server.stop('SIGKILL'));
  return server;
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Opens a raw sync socket; `onSync` gets each sync message's step and payload. */
async function open(port: number, room: string, onSync: (step: number, payload: Uint8Array) => void): Promise<WebSocket> {
  const token = await mintSyncToken({ sub: 'typist', name: 'Typist', doc: room, access: 'edit' }, SECRET);
  const ws = new WebSocket(`ws://127.0.0.1:${port}/sync/${room}?token=${token}`);
  cleanups.push(() => ws.close());
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return;
    onSync(decoding.readVarUint(decoder), decoding.readVarUint8Array(decoder));
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}

function logRecords(dir: string): number {
  return readdirSync(dir)
    .filter((name) => /^log-\d+\.bin$/.test(name))
    .reduce((sum, name) => sum + decodeRecords(readFileSync(join(dir, name))).records.length, 0);
}

describe('loading after kill -9', () => {
  it('finds a log bounded by the compaction bound and loads exactly what was acknowledged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samskriv-coldload-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const writer = await start(dataDir);

    // One update per keystroke; a sync step 1 after them is answered once all of them are durable.
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const text = new Y.XmlText();
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [text]);
    for (let i = 0; i < EDITS; i++) text.insert((i * 13) % (text.length + 1), String.fromCharCode(97 + (i % 26)));
    let answered: () => void = () => undefined;
    const typist = await open(writer.port, 'crashed', (step) => {
      if (step === SyncStep.step2) answered();
    });
    // In rounds, as people type: each round is durable once the server answers the step 1 after it.
    for (let round = 0; round < updates.length; round += 250) {
      const durable = new Promise<void>((resolve) => (answered = resolve));
      for (const update of updates.slice(round, round + 250)) typist.send(syncMessage(SyncStep.update, update));
      typist.send(syncMessage(SyncStep.step1, new Uint8Array([0])));
      await durable;
    }
    // Compactions run in the background while typing goes on: the log since the snapshot stays far
    // below everything typed (a compaction still running would have left the previous snapshot).
    const documentDir = join(dataDir, 'docs', 'crashed');
    await waitUntil(
      () => readdirSync(documentDir).includes('snapshot.bin') && logRecords(documentDir) < EDITS / 2,
      'a compaction to bound the log',
      120_000,
    );
    await writer.stop('SIGKILL');

    const restarted = await start(dataDir);
    const copy = new Y.Doc();
    let synced: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => (synced = resolve));
    await open(restarted.port, 'crashed', (step, payload) => {
      if (step === SyncStep.step1) return;
      Y.applyUpdate(copy, payload);
      if (Y.getState(copy.store, doc.clientID) === Y.getState(doc.store, doc.clientID)) synced();
    }).then((reader) => reader.send(syncMessage(SyncStep.step1, new Uint8Array([0]))));
    await loaded;
    // The server seeded the document from its template before the first edit; the typed text follows it.
    expect(copy.getXmlFragment(BODY_FRAGMENT).toString()).toContain(text.toString());
  }, 300_000);
});
