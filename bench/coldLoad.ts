/**
 * `npm run bench:load`: the first full sync of a document right after the server started, against
 * the same sync once the document is loaded (hot), and the worst delay another document's edits
 * see meanwhile (issue 11, item 2). One JSON line per figure. Cases:
 *   - crash:        a client types 10,000 edits (the automerge-paper trace), the server is killed
 *                   with SIGKILL once they are acknowledged, then started again (its configured
 *                   compaction bound decides how long the log it finds is);
 *   - log10k:       a data dir whose document has a 10,000-record log and no snapshot (written
 *                   by a version that compacted less often, or a crash with compaction off);
 *   - paper:        a plain restart of the whole automerge-paper document (311 KB), stored as a
 *                   clean stop leaves it (one snapshot): a fresh client, and a returning client
 *                   that holds the first 1,000 edits (its state vector is not empty).
 * Times are measured by a client over loopback from sending sync step 1 on an open socket to the
 * arrival of the last frame that completes its copy (so they include the server's whole work).
 * "Other document": a writer and a reader on another room pass one edit back and forth; the worst
 * edit-to-delivery time while the cold sync runs is the stall it saw (baseline: the same, idle).
 * Env: BENCH_LOAD_RUNS (3), BENCH_LOAD_CASES (crash,log10k,paper).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { BODY_FRAGMENT, MessageType, SyncStep } from '../lib/protocol';
import { FileDocumentStore } from '../server/storage/FileDocumentStore';
import { readDocumentFiles } from '../server/storage/readDocumentFiles';
import { recordTrace, type RecordedTrace } from './traceReplay';
import { encodeSyncMessage, EMPTY_STATE_VECTOR, openClient, peekDelivery } from './lib/rawClient';
import { startServerProcess } from './lib/serverProcess';
import { BENCH_SECRET, syncUrl } from './lib/urls';
import { fmt, median } from './lib/stats';

const runs = Number(process.env.BENCH_LOAD_RUNS ?? 3);
const cases = new Set((process.env.BENCH_LOAD_CASES ?? 'crash,log10k,paper').split(','));
const TRACE = join('tests', 'fixtures', 'traces', 'automerge-paper.json.gz');
const TARGET_MS = 50;
const EDITS = 10_000;

const dataDirs: string[] = [];
function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-bench-load-'));
  dataDirs.push(dir);
  return dir;
}

const start = (dataDir: string) =>
  startServerProcess('samskriv', { DATA_DIR: dataDir, AUTH_SECRET: BENCH_SECRET, SYNC_IDLE_UNLOAD_MS: '600000' });

/** Whether `doc` holds everything `expected` (a state vector) names (the server adds its template seed). */
const covers = (doc: Y.Doc, expected: Uint8Array): boolean => {
  for (const [client, clock] of Y.decodeStateVector(expected)) if (Y.getState(doc.store, client) < clock) return false;
  return true;
};

/**
 * Connects, sends sync step 1 for `have`, and resolves with the milliseconds until the frame that
 * completed the copy to `expected` (a state vector) arrived. Frames are stamped on arrival and
 * applied later in the turn, so applying one does not delay the stamp of the next.
 */
async function firstSync(port: number, room: string, expected: Uint8Array, have?: Uint8Array): Promise<number> {
  const doc = new Y.Doc();
  if (have) Y.applyUpdate(doc, have);
  const frames: Array<{ at: number; update: Uint8Array }> = [];
  let done: (ms: number) => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const finished = new Promise<number>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  let sentAt = 0;
  let scheduled = false;
  const ws = await openClient(await syncUrl(port, room, `reader-${Math.random()}`), (data) => {
    const at = performance.now();
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return;
    const step = decoding.readVarUint(decoder);
    if (step === SyncStep.step1) return;
    frames.push({ at, update: decoding.readVarUint8Array(decoder) });
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      for (const frame of frames.splice(0)) {
        Y.applyUpdate(doc, frame.update);
        if (covers(doc, expected)) return done(frame.at - sentAt);
      }
    });
  });
  ws.once('close', (code) => failed(new Error(`the server closed the reader's socket with ${code}`)));
  sentAt = performance.now();
  ws.send(encodeSyncMessage(SyncStep.step1, have ? Y.encodeStateVector(doc) : EMPTY_STATE_VECTOR));
  const ms = await finished;
  ws.close();
  doc.destroy();
  return ms;
}

/** Another document's edits, one at a time: resolves each delivery's delay from sending to arrival. */
class OtherDocument {
  private readonly doc = new Y.Doc();
  private writer!: WebSocket;
  private reader!: WebSocket;
  private sentAt = 0;
  private running = false;
  private stopped: () => void = () => undefined;
  private delays: number[] = [];

  async open(port: number): Promise<void> {
    this.writer = await openClient(await syncUrl(port, 'other', 'other-writer'), () => undefined);
    this.reader = await openClient(await syncUrl(port, 'other', 'other-reader'), (data) => {
      if (peekDelivery(data)?.step !== SyncStep.update) return;
      // The edit in flight when the measurement ended: it arrived, nothing more is sent.
      if (!this.running) return this.stopped();
      this.delays.push(performance.now() - this.sentAt);
      this.next();
    });
    this.doc.on('update', (update: Uint8Array) => this.writer.send(encodeSyncMessage(SyncStep.update, update)));
    this.doc.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlText()]);
  }

  /** Runs while `during` runs; the worst delay seen meanwhile. */
  async worstDuring<T>(during: () => Promise<T>): Promise<{ result: T; worstMs: number; deliveries: number }> {
    this.delays = [];
    this.running = true;
    const ended = new Promise<void>((resolve) => (this.stopped = resolve));
    this.next();
    const result = await during();
    this.running = false;
    await ended;
    return { result, worstMs: Math.max(0, ...this.delays), deliveries: this.delays.length };
  }

  close(): void {
    this.writer.close();
    this.reader.close();
  }

  private next(): void {
    if (!this.running) return this.stopped();
    const text = this.doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlText;
    this.sentAt = performance.now();
    text.insert(text.length, 'x');
  }
}

/** Log records after the snapshot, as the server will find them (segments the snapshot covers are not counted). */
async function tailRecords(dataDir: string, room: string): Promise<number> {
  const files = await readDocumentFiles(join(dataDir, 'docs', room), room, { repair: false });
  return files?.records.length ?? 0;
}

interface Figure {
  figure: string;
  /** Medians; the min and max of the runs beside them (the machine is shared: read all three). */
  coldMs: number;
  coldMinMs: number;
  coldMaxMs: number;
  hotMs: number;
  hotMinMs: number;
  hotMaxMs: number;
  ratio: number;
  targetMs: number;
  meetsTarget: boolean;
  otherDocWorstMs: number;
  otherDocBaselineWorstMs: number;
  otherDocDeliveriesDuringCold: number;
  /** Log records after the snapshot the server found, per run (the crash case's depends on when compactions finished). */
  tailRecords?: number[];
  runs: number;
}

/** Starts the server on `dataDir`, measures cold then hot with another document's edits running. */
async function measure(
  figure: string,
  dataDir: string,
  room: string,
  expected: Uint8Array,
  have?: Uint8Array,
): Promise<{ cold: number; hot: number; worst: number; baseline: number; deliveries: number }> {
  const server = await start(dataDir);
  const other = new OtherDocument();
  await other.open(server.port);
  const baseline = await other.worstDuring(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const cold = await other.worstDuring(() => firstSync(server.port, room, expected, have));
  const hot = await firstSync(server.port, room, expected, have);
  other.close();
  // SIGTERM lets a profiled server (BENCH_SERVER_NODE_ARGS=--cpu-prof) write its profile.
  await server.stop(process.env.BENCH_LOAD_STOP === 'SIGTERM' ? 'SIGTERM' : 'SIGKILL');
  console.error(`  ${figure}: cold ${fmt(cold.result)} ms, hot ${fmt(hot)} ms, other document worst ${fmt(cold.worstMs)} ms`);
  return { cold: cold.result, hot, worst: cold.worstMs, baseline: baseline.worstMs, deliveries: cold.deliveries };
}

function report(figure: string, samples: Array<Awaited<ReturnType<typeof measure>>>, tail?: number[]): void {
  const coldMs = median(samples.map((s) => s.cold));
  const hotMs = median(samples.map((s) => s.hot));
  const line: Figure = {
    figure,
    coldMs: Number(fmt(coldMs)),
    coldMinMs: Number(fmt(Math.min(...samples.map((s) => s.cold)))),
    coldMaxMs: Number(fmt(Math.max(...samples.map((s) => s.cold)))),
    hotMs: Number(fmt(hotMs)),
    hotMinMs: Number(fmt(Math.min(...samples.map((s) => s.hot)))),
    hotMaxMs: Number(fmt(Math.max(...samples.map((s) => s.hot)))),
    ratio: Number(fmt(coldMs / hotMs)),
    targetMs: TARGET_MS,
    meetsTarget: coldMs <= TARGET_MS,
    otherDocWorstMs: Number(fmt(Math.max(...samples.map((s) => s.worst)))),
    otherDocBaselineWorstMs: Number(fmt(Math.max(...samples.map((s) => s.baseline)))),
    otherDocDeliveriesDuringCold: Math.min(...samples.map((s) => s.deliveries)),
    ...(tail !== undefined && { tailRecords: tail }),
    runs: samples.length,
  };
  console.log(JSON.stringify(line));
}

/** Sends `updates` to a room and resolves once the server answered a sync step 1 sent after them (all durable). */
async function typeInto(port: number, room: string, updates: readonly Uint8Array[]): Promise<void> {
  let answered: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (answered = resolve));
  let armed = false;
  const ws = await openClient(await syncUrl(port, room, 'typist'), (data) => {
    if (armed && peekDelivery(data)?.step === SyncStep.step2) answered();
  });
  for (let i = 0; i < updates.length; i++) {
    ws.send(encodeSyncMessage(SyncStep.update, updates[i]!));
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
  }
  armed = true;
  ws.send(encodeSyncMessage(SyncStep.step1, EMPTY_STATE_VECTOR));
  await done;
  ws.close();
}

const stateVectorOf = (updates: readonly Uint8Array[]): Uint8Array => {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  const vector = Y.encodeStateVector(doc);
  doc.destroy();
  return vector;
};

async function crashCase(trace: RecordedTrace): Promise<void> {
  const updates = trace.updates.slice(0, EDITS);
  const expected = stateVectorOf(updates);
  const samples = [];
  const tails: number[] = [];
  for (let run = 0; run < runs; run++) {
    const dataDir = newDataDir();
    const writer = await start(dataDir);
    await typeInto(writer.port, 'crash', updates);
    await writer.stop('SIGKILL');
    const tail = await tailRecords(dataDir, 'crash');
    tails.push(tail);
    console.error(`  crash: typed ${EDITS} edits, killed; ${tail} log records since the snapshot`);
    samples.push(await measure('crash', dataDir, 'crash', expected));
  }
  report(`first full sync after kill -9 with ${EDITS} edits typed (log tail as the compaction bound left it)`, samples, tails);
}

/**
 * Lets the server create the document (its metadata and template seed, as the first editor's
 * connection does), stops it cleanly, and returns the store over its files for the case to fill.
 */
async function createdByServer(dataDir: string, room: string): Promise<FileDocumentStore> {
  const server = await start(dataDir);
  await typeInto(server.port, room, []);
  await server.stop('SIGTERM');
  return new FileDocumentStore({ dir: join(dataDir, 'docs'), groupCommitMs: 0 });
}

async function log10kCase(trace: RecordedTrace): Promise<void> {
  const updates = trace.updates.slice(0, EDITS);
  const expected = stateVectorOf(updates);
  const dataDir = newDataDir();
  const store = await createdByServer(dataDir, 'log10k');
  await Promise.all(updates.map((update) => store.append('log10k', update)));
  await store.close();
  const samples = [];
  for (let run = 0; run < runs; run++) {
    // Each run starts from the same files: the first load compacts nothing, but an unload would.
    const copy = newDataDir();
    cpSync(dataDir, copy, { recursive: true });
    samples.push(await measure('log10k', copy, 'log10k', expected));
  }
  report(`first full sync of a ${EDITS}-record log without a snapshot`, samples, [await tailRecords(dataDir, 'log10k')]);
}

async function paperCase(trace: RecordedTrace): Promise<void> {
  // What a clean stop leaves: the room unloads and compacts to one snapshot.
  const doc = new Y.Doc();
  for (const update of trace.updates) Y.applyUpdate(doc, update);
  const snapshot = Y.encodeStateAsUpdate(doc);
  const expected = Y.encodeStateVector(doc);
  doc.destroy();
  const dataDir = newDataDir();
  const store = await createdByServer(dataDir, 'paper');
  // The template seed and the whole trace, compacted to one snapshot.
  const stored = Y.mergeUpdates([...((await store.load('paper')) ?? []), snapshot]);
  await store.append('paper', stored);
  await store.compact('paper', stored);
  await store.close();
  const fresh = [];
  const returning = [];
  const have = Y.mergeUpdates(trace.updates.slice(0, 1000));
  for (let run = 0; run < runs; run++) {
    fresh.push(await measure('paper', dataDir, 'paper', expected));
    returning.push(await measure('paper-returning', dataDir, 'paper', expected, have));
  }
  report(`first full sync after a plain restart of automerge-paper (${stored.byteLength} bytes stored), fresh client`, fresh);
  report('first full sync after a plain restart of automerge-paper, client holding its first 1,000 edits', returning);
}

try {
  console.error(`Cold load benchmark, ${new Date().toISOString()}, node ${process.version}, ${runs} runs per figure`);
  const t0 = performance.now();
  const trace = recordTrace(TRACE);
  console.error(`  recorded the trace in ${fmt((performance.now() - t0) / 1000)} s (${trace.updates.length} updates)`);
  if (cases.has('crash')) await crashCase(trace);
  if (cases.has('log10k')) await log10kCase(trace);
  if (cases.has('paper')) await paperCase(trace);
} finally {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
