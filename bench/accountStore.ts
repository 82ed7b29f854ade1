/**
 * The account store at size (issue 11): with N people (default 100,000), each with a session, in
 * the embedded FileAccountStore, how long a session check and a sign-in's store work take, and how
 * long the store takes to open. Password hashing is excluded (it costs the same at any size).
 *
 *   session check: getSession + getPerson (what every request's resolve does), and the sliding
 *                  expiry's updateSession (one durable append);
 *   sign-in:       getPersonByEmail + deleteSession (the previous one) + createSession, in sequence,
 *                  as createSignIn does them; one at a time, then 50 at once (group commit).
 *
 * For comparison it also measures the floor, interleaved with the samples: one durable append of a
 * record that size with nothing else (the machine's fsync latency, which bounds every durable
 * write's p99), and it counts major GC pauses per figure.
 *
 * `runAccountStoreBench()` returns the figures as objects and prints each as one JSON line, so
 * `npm run bench:data` can call it. Standalone: `node --import tsx bench/accountStore.ts [people]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, constants, performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Person, Session } from '../lib/people/AccountStore';
import { FileAccountStore } from '../server/people/FileAccountStore';
import { FileDocumentStore } from '../server/storage/FileDocumentStore';
import { percentile } from './lib/stats';

export interface AccountStoreBenchOptions {
  /** How many people (each with one session) the store holds. */
  readonly people?: number;
  /** Samples per figure. */
  readonly samples?: number;
  /** Where to build the store (a temp dir, removed afterwards, by default). */
  readonly dir?: string;
  readonly print?: (line: string) => void;
}

export interface Figure {
  readonly bench: 'accountStore';
  readonly figure: string;
  readonly people: number;
  readonly unit: 'ms' | 'MB';
  readonly p50?: number;
  readonly p99?: number;
  /** One bare durable append, measured between the samples (see `timed`). */
  readonly floorP50?: number;
  readonly floorP99?: number;
  /** Major (mark-compact) GC pauses during the figure's samples. */
  readonly majorGcPauses?: number;
  readonly majorGcMaxMs?: number;
  readonly value?: number;
  readonly target?: string;
}

const run = promisify(execFile);
const AT = '2026-11-01T10:00:00.000Z';
const LATER = '2999-01-01T00:00:00.000Z';
const person = (i: number): Person => ({
  id: `p${i}`,
  email: `person${i}@example.dk`,
  name: `Person ${i}`,
  passwordHash: `scrypt$${'x'.repeat(90)}`,
  role: i === 0 ? 'admin' : 'citizen',
  disabled: false,
  createdAt: AT,
  updatedAt: AT,
});
const session = (idHash: string, personId: string): Session => ({ idHash, personId, createdAt: AT, lastSeenAt: AT, expiresAt: LATER });
const random = (n: number): number => Math.floor(Math.random() * n);
const round = (ms: number): number => Math.round(ms * 1000) / 1000;
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return round((used.user + used.system) / 1000);
};

/**
 * p50/p99 of `one`, one at a time, and of `floor` (one bare durable append) interleaved with it
 * sample by sample, so both see the same machine: on a busy one the scheduler, not the store, sets
 * the p99. bench:data times its session figures with it too (on any backend, without a floor).
 */
export async function timed(
  samples: number,
  one: (i: number) => Promise<unknown>,
  floor?: () => Promise<unknown>,
): Promise<{ p50: number; p99: number; samples: number; floorP50?: number; floorP99?: number }> {
  const times: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 0; i < samples; i++) {
    let started = performance.now();
    await one(i);
    times.push(performance.now() - started);
    if (!floor) continue;
    started = performance.now();
    await floor();
    floorTimes.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  floorTimes.sort((a, b) => a - b);
  return {
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    samples: times.length,
    ...(floor && { floorP50: round(percentile(floorTimes, 50)), floorP99: round(percentile(floorTimes, 99)) }),
  };
}

/** Each sample is `concurrency` operations started together; the figure is per operation. */
async function timedConcurrently(
  rounds: number,
  concurrency: number,
  one: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    await Promise.all(
      Array.from({ length: concurrency }, async (_, j) => {
        const started = performance.now();
        await one(r * concurrency + j);
        times.push(performance.now() - started);
      }),
    );
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)) };
}

/** Counts major GC pauses; `take()` returns those since the last take. */
function watchMajorGc(): { take(): { majorGcPauses: number; majorGcMaxMs: number }; stop(): void } {
  let pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) pauses.push(entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    take() {
      const taken = { majorGcPauses: pauses.length, majorGcMaxMs: round(Math.max(0, ...pauses)) };
      pauses = [];
      return taken;
    },
    stop: () => observer.disconnect(),
  };
}

export async function runAccountStoreBench(options: AccountStoreBenchOptions = {}): Promise<Figure[]> {
  const people = options.people ?? 100_000;
  const samples = options.samples ?? 2000;
  const print = options.print ?? ((line: string) => console.log(line));
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'samskriv-bench-accounts-')));
  const figures: Figure[] = [];
  const report = (figure: Omit<Figure, 'bench' | 'people' | 'unit'> & { unit?: Figure['unit'] }) => {
    const line: Figure = { bench: 'accountStore', people, unit: 'ms', ...figure };
    figures.push(line);
    print(JSON.stringify(line));
  };

  try {
    const records = join(dir, 'records');
    const filling = new FileAccountStore({ dir: records });
    const fillStarted = performance.now();
    for (let from = 0; from < people; from += 1000) {
      const batch = Array.from({ length: Math.min(1000, people - from) }, (_, j) => from + j);
      await Promise.all(batch.map((i) => filling.createPerson(person(i))));
      await Promise.all(batch.map((i) => filling.createSession(session(`s${i}`, `p${i}`))));
    }
    await filling.close();
    report({ figure: 'fill (people and sessions, 1000 concurrent writes at a time)', value: round(performance.now() - fillStarted) });

    // Opened first in a fresh process, as a start would: its time, CPU and memory are the start's.
    const started = await openInChild(records);
    report({
      figure: 'open in a fresh process (read snapshots and logs, build indices)',
      value: started.openMs,
      target: '≤ 3000 (start to serving)',
    });
    report({ figure: 'open, CPU time (user + system; a busy machine inflates wall time more than this)', value: started.cpuMs });
    report({ figure: 'memory after open: RSS', unit: 'MB', value: started.rssMb, target: '≤ 250 (whole server)' });
    report({ figure: 'memory after open: JS heap used after a full GC', unit: 'MB', value: started.heapMb });

    const store = new FileAccountStore({ dir: records });
    const collections = await store.open();

    // Right after the fill each log is as long as its live records: the next write compacts.
    // Done here and reported on its own, so the figures below are steady state between compactions
    // (one compaction per max(1000, live records) writes of a collection).
    const compactStarted = performance.now();
    const compactCpu = process.cpuUsage();
    await Promise.all([collections.people.compact(), collections.sessions.compact()]);
    report({ figure: 'compaction of people and sessions (snapshots written, durable)', value: round(performance.now() - compactStarted) });
    report({ figure: 'compaction, CPU time', value: cpuMs(compactCpu) });

    // The floor on this machine: one durable append of a record of the same size, nothing else.
    const floorStore = new FileDocumentStore({ dir: join(dir, 'floor'), groupCommitMs: 0 });
    const record = new TextEncoder().encode(JSON.stringify({ p: 'x', v: session('x'.repeat(43), 'p1') }));
    const floor = () => floorStore.append('floor', record);
    const gc = watchMajorGc();

    report({
      figure: 'session check: getSession + getPerson',
      ...(await timed(
        samples,
        async () => {
          const found = await store.getSession(`s${random(people)}`);
          if (!found || !(await store.getPerson(found.personId))) throw new Error('the bench lost a session');
        },
        floor,
      )),
      ...gc.take(),
      target: 'p99 ≤ 5',
    });
    report({
      figure: 'session check: sliding expiry (updateSession, one durable append)',
      ...(await timed(
        samples,
        (i) => store.updateSession(`s${random(people)}`, { lastSeenAt: new Date(Date.parse(AT) + i).toISOString() }),
        floor,
      )),
      ...gc.take(),
      target: 'p99 ≤ 5',
    });
    const signIn = async (i: number) => {
      const who = random(people);
      const found = await store.getPersonByEmail(`PERSON${who}@example.dk`);
      if (!found) throw new Error('the bench lost a person');
      await store.deleteSession(`s${who}`);
      await store.createSession(session(`n${i}-${who}`, found.id));
    };
    report({ figure: 'sign-in store work, one at a time', ...(await timed(samples, signIn, floor)), ...gc.take(), target: 'p99 ≤ 5' });
    report({
      figure: 'sign-in store work, 50 at once',
      ...(await timedConcurrently(Math.ceil(samples / 50), 50, (i) => signIn(samples + i))),
      ...gc.take(),
      target: 'p99 ≤ 5',
    });
    gc.stop();
    await floorStore.close();
    await store.close();
  } finally {
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  }
  return figures;
}

interface OpenFigures {
  openMs: number;
  cpuMs: number;
  rssMb: number;
  heapMb: number;
}

/** `--open <dir>`: opens the store in this (fresh) process and prints what it took as one JSON line. */
async function openOnly(records: string): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const store = new FileAccountStore({ dir: records });
  await store.open();
  const openMs = round(performance.now() - started);
  const cpuUsed = cpuMs(cpu);
  global.gc?.();
  const memory = process.memoryUsage();
  const figures: OpenFigures = {
    openMs,
    cpuMs: cpuUsed,
    rssMb: Math.round(memory.rss / 2 ** 20),
    heapMb: Math.round(memory.heapUsed / 2 ** 20),
  };
  console.log(JSON.stringify(figures));
  await store.close();
}

async function openInChild(records: string): Promise<OpenFigures> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--open', records], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as OpenFigures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--open' && process.argv[3]) await openOnly(process.argv[3]);
  else await runAccountStoreBench({ people: process.argv[2] ? Number(process.argv[2]) : undefined });
}
