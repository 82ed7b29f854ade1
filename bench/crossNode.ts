/**
 * Edit on node A delivered to a client on node B (issue 11: p99 ≤ single-node p99 + 10 ms).
 * In one run: a single Samskriv process (no REDIS_URL) with all clients, then two processes joined
 * by a real redis-server with the clients split between them, every client typing 2 edits/s into
 * one document. Latency is send → a receiving client has the relayed update (raw-frame clients,
 * as `bench/fanout.ts`). Prints one JSON line per figure.
 * `node --import tsx bench/crossNode.ts`; env BENCH_CLIENTS (100), BENCH_SECONDS (10), BENCH_RUNS (1).
 * Both setups store into PostgreSQL (a fresh database per setup, on DATABASE_URL's server or a
 * throwaway one the bench starts on loopback, as bench:data does), so the difference is what the
 * cluster adds: the Redis stream between storing and relaying.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import { BODY_FRAGMENT, SyncStep } from '../lib/protocol';
import { encodeSyncMessage, EMPTY_STATE_VECTOR, openClient, peekDelivery } from './lib/rawClient';
import { startServerProcess, type ServerProcess } from './lib/serverProcess';
import { BENCH_SECRET, syncUrl } from './lib/urls';
import { percentile } from './lib/stats';
import { startRedis } from '../tests/helpers/startRedis';
import { BACKENDS, type DataTarget } from './data/backends';

export interface CrossNodeOptions {
  readonly clients: number;
  readonly seconds: number;
  readonly editsPerSecond: number;
  readonly runs: number;
}

export interface Figure {
  readonly figure: string;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly deliveries: number;
  readonly expectedDeliveries: number;
}

/** Latencies of one run, split by whether sender and receiver were on the same node. */
interface Run {
  readonly sameNode: number[];
  readonly crossNode: number[];
  /** Deliveries that should have happened, by the same split. */
  readonly expectedSame: number;
  readonly expectedCross: number;
}

/** Clients spread round-robin over the servers, typing for `seconds`; waits for the deliveries to drain. */
async function typeInto(servers: readonly ServerProcess[], options: CrossNodeOptions): Promise<Run> {
  const room = `crossnode-${Date.now().toString(36)}`;
  const sentAt = new Map<string, number>();
  const nodeOfClient = new Map<number, number>();
  const sameNode: number[] = [];
  const crossNode: number[] = [];
  let expectedSame = 0;
  let expectedCross = 0;
  const perNode = servers.map(
    (_, node) => Math.floor(options.clients / servers.length) + (node < options.clients % servers.length ? 1 : 0),
  );
  const sockets: WebSocket[] = [];
  const docs: Y.Doc[] = [];
  // The room is loaded on every node before anyone writes: each node has its own data dir here, so a
  // node that loaded the room later could not read from a store what the others published before.
  for (const server of servers) sockets.push(await openClient(await syncUrl(server.port, room, 'opener'), () => {}));
  for (let i = 0; i < options.clients; i++) {
    const node = i % servers.length;
    const server = servers[node] as ServerProcess;
    const doc = new Y.Doc();
    // Made before connecting, so it names no item of either node's seed body (each node seeded
    // its own on creation, and seeds are not published): it integrates on every node.
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlText()]);
    nodeOfClient.set(doc.clientID, node);
    const ws = await openClient(await syncUrl(server.port, room, `writer-${i}`), (data) => {
      const delivery = peekDelivery(data);
      if (!delivery || delivery.step !== SyncStep.update || delivery.client === undefined || delivery.client === doc.clientID) return;
      const sent = sentAt.get(`${delivery.client}:${delivery.clock}`);
      if (sent === undefined) return;
      (nodeOfClient.get(delivery.client) === node ? sameNode : crossNode).push(performance.now() - sent);
    });
    ws.send(encodeSyncMessage(SyncStep.step1, EMPTY_STATE_VECTOR));
    sockets.push(ws);
    ws.send(encodeSyncMessage(SyncStep.update, Y.encodeStateAsUpdate(doc)));
    doc.on('update', (update: Uint8Array) => ws.send(encodeSyncMessage(SyncStep.update, update)));
    docs.push(doc);
  }
  // Let every join settle before measuring (a benchmark's warm-up, not a test's synchronisation).
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const intervalMs = 1000 / options.editsPerSecond;
  const timers: NodeJS.Timeout[] = [];
  const deadline = performance.now() + options.seconds * 1000;
  docs.forEach((doc, i) => {
    const type = () => {
      if (performance.now() >= deadline) return;
      const text = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlText;
      sentAt.set(`${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`, performance.now());
      const here = perNode[i % servers.length] as number;
      expectedSame += here - 1;
      expectedCross += options.clients - here;
      text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
      timers.push(setTimeout(type, intervalMs));
    };
    timers.push(setTimeout(type, Math.random() * intervalMs));
  });
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  const drainUntil = performance.now() + 5000;
  while (sameNode.length + crossNode.length < expectedSame + expectedCross && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  timers.forEach(clearTimeout);
  for (const ws of sockets) ws.close();
  docs.forEach((doc) => doc.destroy());
  return { sameNode, crossNode, expectedSame, expectedCross };
}

function figure(name: string, latencies: number[], expectedDeliveries: number): Figure {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    figure: name,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    deliveries: sorted.length,
    expectedDeliveries,
  };
}

/** Runs the single-node and the two-node measurement; returns the figures (also the difference of the p99s). */
export async function runCrossNodeBench(options: CrossNodeOptions): Promise<Array<Figure | Record<string, unknown>>> {
  const redis = await startRedis();
  const postgres = BACKENDS.find((backend) => backend.name === 'postgres')!;
  const targets: DataTarget[] = [];
  const dirs: string[] = [];
  /** A server's environment on `target`'s database, in a data dir of its own (secrets, marker files). */
  const env = (target: DataTarget, extra: Record<string, string> = {}) => {
    const dir = mkdtempSync(join(tmpdir(), 'samskriv-crossnode-'));
    dirs.push(dir);
    return { ...target.serverEnv, DATA_DIR: dir, AUTH_SECRET: BENCH_SECRET, SEED_DEMO: 'false', SYNC_IDLE_UNLOAD_MS: '300', ...extra };
  };
  const database = async () => {
    const target = await postgres.create();
    targets.push(target);
    return target;
  };
  const single: number[] = [];
  const cross: number[] = [];
  const same: number[] = [];
  let singleExpected = 0;
  let crossExpected = 0;
  let sameExpected = 0;
  try {
    for (let run = 0; run < options.runs; run++) {
      const alone = await startServerProcess('samskriv', env(await database()));
      try {
        const result = await typeInto([alone], options);
        for (const ms of result.sameNode) single.push(ms);
        singleExpected += result.expectedSame;
      } finally {
        await alone.stop();
      }
      const shared = await database();
      const nodes = [
        await startServerProcess('samskriv', env(shared, { REDIS_URL: redis.url })),
        await startServerProcess('samskriv', env(shared, { REDIS_URL: redis.url })),
      ];
      try {
        const result = await typeInto(nodes, options);
        for (const ms of result.crossNode) cross.push(ms);
        for (const ms of result.sameNode) same.push(ms);
        crossExpected += result.expectedCross;
        sameExpected += result.expectedSame;
      } finally {
        await Promise.all(nodes.map((node) => node.stop()));
      }
    }
  } finally {
    await redis.stop();
    for (const target of targets) await target.remove();
    await postgres.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  const singleFigure = figure('single node: delivery to another client', single, singleExpected);
  const crossFigure = figure('two nodes over Redis: edit on one node delivered to a client on the other', cross, crossExpected);
  const sameFigure = figure('two nodes over Redis: delivery to a client on the same node', same, sameExpected);
  return [
    singleFigure,
    crossFigure,
    sameFigure,
    {
      figure: 'cross-node p99 minus single-node p99 (target ≤ 10 ms)',
      ms: Math.round((crossFigure.p99Ms - singleFigure.p99Ms) * 100) / 100,
      clients: options.clients,
      editsPerSecond: options.editsPerSecond,
      seconds: options.seconds,
      runs: options.runs,
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runCrossNodeBench({
    clients: Number(process.env.BENCH_CLIENTS ?? 100),
    seconds: Number(process.env.BENCH_SECONDS ?? 10),
    editsPerSecond: 2,
    runs: Number(process.env.BENCH_RUNS ?? 1),
  });
  for (const line of figures) console.log(JSON.stringify(line));
}
