/**
 * `npm run bench`: Samskriv's sync server against the upstream y-websocket server (in memory, no
 * persistence), started the same way, in the same run, alternating. Prints ratios and the targets
 * of issue 2; writes bench/results/latest.json. Env: BENCH_CLIENTS (100), BENCH_SECONDS (10),
 * BENCH_RUNS (3), BENCH_SKIP_TRACE=1.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFanout, summarise, type FanoutResult } from './fanout';
import { bytesOnDisk, firstSyncMs, ingest, recordTrace } from './traceReplay';
import { startServerProcess, type ServerProcess } from './lib/serverProcess';
import { BENCH_SECRET } from './lib/urls';
import { fmt, median } from './lib/stats';

const clients = Number(process.env.BENCH_CLIENTS ?? 100);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const TRACE = join('tests', 'fixtures', 'traces', 'automerge-paper.json.gz');

const dataDirs: string[] = [];
function samskrivEnv(dataDir?: string) {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'samskriv-bench-'));
  if (!dataDir) dataDirs.push(dir);
  return { DATA_DIR: dir, AUTH_SECRET: BENCH_SECRET, SYNC_IDLE_UNLOAD_MS: '300' };
}

const start = (name: 'reference' | 'samskriv', dataDir?: string) =>
  startServerProcess(name, name === 'samskriv' ? samskrivEnv(dataDir) : {});

function verdict(ok: boolean) {
  return ok ? 'meets target' : 'MISSES target';
}

async function fanout() {
  console.log(`\n## Fan-out: ${clients} clients in one room, 2 edits/s each, ${seconds} s per run, ${runs} alternating runs each`);
  const results: Record<string, FanoutResult[]> = { reference: [], samskriv: [] };
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so drift on a shared machine hurts both alike.
    const order: Array<'reference' | 'samskriv'> = run % 2 === 0 ? ['reference', 'samskriv'] : ['samskriv', 'reference'];
    for (const name of order) {
      const server = await start(name);
      const result = await runFanout(server, { clients, seconds, editsPerSecond: 2 });
      await server.stop();
      results[name]!.push(result);
      const s = summarise([result]);
      console.log(
        `  run ${run + 1} ${name.padEnd(9)} p50 ${fmt(s.p50)} ms  p99 ${fmt(s.p99)} ms  cpu/1000 deliveries ${fmt(s.cpuPer1000)} ms  delivered ${s.deliveries}/${s.expected}`,
      );
    }
  }
  // The machine is shared: when the reference itself varies a lot between runs, say so.
  const refP99s = summarise(results.reference!).runP99s;
  const spread = Math.max(...refP99s) / Math.min(...refP99s);
  if (spread > 1.5) console.log(`  note: the reference's p99 varied ${fmt(spread)}× between runs; the machine was busy, figures are noisy`);
  const ref = summarise(results.reference!);
  const ours = summarise(results.samskriv!);
  const p99Ratio = ours.p99 / ref.p99;
  const cpuRatio = ours.cpuPer1000 / ref.cpuPer1000;
  console.log(`  reference  p50 ${fmt(ref.p50)} ms  p99 ${fmt(ref.p99)} ms  cpu/1000 ${fmt(ref.cpuPer1000)} ms`);
  console.log(
    `  samskriv   p50 ${fmt(ours.p50)} ms  p99 ${fmt(ours.p99)} ms  cpu/1000 ${fmt(ours.cpuPer1000)} ms  (durable: fsync before relay)`,
  );
  console.log(
    `  ratio p50 ${fmt(ours.p50 / ref.p50)}×, p99 ${fmt(p99Ratio)}× (target ≤ 1.2×: ${verdict(p99Ratio <= 1.2)}), cpu ${fmt(cpuRatio)}× (target ≤ 1.0×: ${verdict(cpuRatio <= 1.0)})`,
  );
  return { reference: ref, samskriv: ours, p99Ratio, cpuRatio };
}

async function trace() {
  console.log('\n## automerge-paper trace, keystroke by keystroke');
  const t0 = performance.now();
  const recorded = recordTrace(TRACE);
  console.log(
    `  recorded ${recorded.updates.length} updates in ${fmt((performance.now() - t0) / 1000)} s; encoded document ${recorded.encodedBytes} bytes`,
  );

  const rates: Record<string, number[]> = { reference: [], samskriv: [] };
  let samskrivDir = '';
  let room = '';
  let reference: ServerProcess | undefined;
  for (let run = 0; run < 2; run++) {
    const order: Array<'reference' | 'samskriv'> = run % 2 === 0 ? ['reference', 'samskriv'] : ['samskriv', 'reference'];
    for (const name of order) {
      const dir = name === 'samskriv' ? mkdtempSync(join(tmpdir(), 'samskriv-bench-')) : undefined;
      if (dir) dataDirs.push(dir);
      const server = await start(name, dir);
      const thisRoom = `trace-${run}`;
      const { seconds: s, editsPerSecond } = await ingest(server, thisRoom, recorded);
      rates[name]!.push(editsPerSecond);
      console.log(`  run ${run + 1} ${name.padEnd(9)} ${fmt(s)} s, ${Math.round(editsPerSecond)} edits/s`);
      if (name === 'samskriv' && run === 1) {
        samskrivDir = dir!;
        room = thisRoom;
        // Let the room unload (SYNC_IDLE_UNLOAD_MS=300), which compacts it, then stop cleanly.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await server.stop();
      } else if (name === 'reference' && run === 1) {
        reference = server;
      } else {
        await server.stop();
      }
    }
  }
  const ingestRatio = median(rates.samskriv!) / median(rates.reference!);
  console.log(`  ingest ratio ${fmt(ingestRatio)}× (target ≥ 0.8×: ${verdict(ingestRatio >= 0.8)})`);

  const disk = bytesOnDisk(join(samskrivDir, 'docs', room));
  const diskRatio = disk / recorded.encodedBytes;
  console.log(
    `  on disk after compaction ${disk} bytes = ${fmt(diskRatio)}× the encoded document (target ≤ 1.5×: ${verdict(diskRatio <= 1.5)})`,
  );

  const cold: number[] = [];
  for (let i = 0; i < 7; i++) {
    const server = await start('samskriv', samskrivDir);
    cold.push(await firstSyncMs(server, room, recorded.encodedBytes / 2));
    await server.stop();
  }
  const warmRef: number[] = [];
  for (let i = 0; i < 7; i++) warmRef.push(await firstSyncMs(reference!, 'trace-1', recorded.encodedBytes / 2));
  await reference!.stop();
  const coldMedian = median(cold);
  console.log(
    `  first full sync after a restart (cold): median ${fmt(coldMedian)} ms over ${cold.length} restarts (target ≤ 50 ms: ${verdict(coldMedian <= 50)}); reference, warm in memory: median ${fmt(median(warmRef))} ms`,
  );
  return { rates, ingestRatio, disk, encodedBytes: recorded.encodedBytes, diskRatio, coldMs: cold, coldMedian, referenceWarmMs: warmRef };
}

try {
  console.log(
    `Samskriv benchmarks, ${new Date().toISOString()}, node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const results = { fanout: await fanout(), trace: process.env.BENCH_SKIP_TRACE ? null : await trace() };
  mkdirSync(join('bench', 'results'), { recursive: true });
  writeFileSync(join('bench', 'results', 'latest.json'), JSON.stringify(results, null, 2));
  console.log('\nwrote bench/results/latest.json');
} finally {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
