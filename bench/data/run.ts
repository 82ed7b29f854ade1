/**
 * `npm run bench:data`: the data-layer figures of issue 11, one JSON line each on stdout (progress
 * on stderr), for every backend in BACKENDS, on data sets made by the load generator:
 * - comment write p99 at 1k / 10k / 100k stored comments (100 documents, 30% on the written one,
 *   50 concurrent writers), and its growth from 1k to 100k;
 * - session check and sign-in (no password hashing) p99 with 100k people;
 * - start to serving (until /healthz answers) and RSS after start, with 100k people, 100k comments
 *   and 10k documents.
 * Backends (backends.ts): `embedded` (a data dir) and `postgres` (a fresh database per data set on
 * the PostgreSQL named by DATABASE_URL, or on one the bench starts on loopback itself).
 * Env: BENCH_DATA_SCALE (1; e.g. 0.01 for a quick check: every size times it), BENCH_DATA_BACKENDS
 * (embedded,postgres; comma-separated names), BENCH_DATA_WRITES (1000 writes per size), BENCH_DATA_SECONDS (60:
 * writers stop starting writes after this; what is in flight finishes), BENCH_DATA_ONLY
 * (comments,sessions,start).
 */
import { scryptHasher } from '../../lib/auth/scryptHasher';
import { generateLoad, SEED_PASSWORD } from '../seed/generateLoad';
import { storeWriter } from '../seed/storeWriter';
import { BACKENDS, type DataBackend } from './backends';
import { commentWriteRun } from './commentWrite';
import { figure, type Figure } from './figure';
import { sessionRuns } from './sessions';
import { startToServing } from './startToServing';

const scale = Number(process.env.BENCH_DATA_SCALE ?? 1);
const writes = Number(process.env.BENCH_DATA_WRITES ?? 1000);
const seconds = Number(process.env.BENCH_DATA_SECONDS ?? 60);
const wanted = process.env.BENCH_DATA_BACKENDS?.split(',');
const only = new Set((process.env.BENCH_DATA_ONLY ?? 'comments,sessions,start').split(','));
const sized = (n: number) => Math.max(1, Math.round(n * scale));
const progress = (line: string) => process.stderr.write(`bench:data: ${line}\n`);
const emit = (one: Figure) => process.stdout.write(`${JSON.stringify({ ...one, ...(scale !== 1 && { scale }) })}\n`);

// One production-cost hash for every seeded person (hashing 100k people would take hours).
const passwordHash = await scryptHasher().hash(SEED_PASSWORD);

for (const backend of BACKENDS.filter((b) => !wanted || wanted.includes(b.name))) {
  try {
    await measureBackend(backend);
  } finally {
    await backend.close();
  }
}

async function measureBackend(backend: DataBackend): Promise<void> {
  if (only.has('comments')) {
    const runs = [];
    for (const nominal of [1_000, 10_000, 100_000]) {
      const run = await commentWriteRun(backend, { storedComments: sized(nominal), writers: 50, writes, seconds, passwordHash, progress });
      runs.push(run);
      emit(
        figure('comment_write_p99', backend.name, run.p99, 'ms', backend.targets.commentWriteP99Ms, {
          storedComments: run.storedComments,
          documents: 100,
          hotShare: 0.3,
          writers: 50,
          p50: run.p50,
          samples: run.samples,
          truncated: run.truncated,
          writesPerSecond: run.writesPerSecond,
          cpuMsPerWrite: run.cpuMsPerWrite,
        }),
      );
    }
    emit(
      figure('comment_write_p99_growth', backend.name, runs[2]!.p99 / runs[0]!.p99, 'ratio', 1.5, {
        from: runs[0]!.storedComments,
        to: runs[2]!.storedComments,
      }),
    );
  }

  if (only.has('sessions') || only.has('start')) {
    const people = sized(100_000);
    const documents = sized(10_000);
    const comments = sized(100_000);
    const target = await backend.create();
    try {
      progress(`seeding ${people} people, ${documents} documents, ${comments} comments`);
      const summary = await generateLoad(storeWriter(await target.open()), { people, documents, comments, passwordHash, progress });
      progress(`seeded in ${summary.seconds} s`);
      if (only.has('sessions')) {
        const stores = await target.open();
        try {
          progress('sign-ins and session checks');
          const runs = await sessionRuns(stores.accounts, { count: writes });
          emit(figure('sign_in_p99', backend.name, runs.signIn.p99, 'ms', 5, { people, passwordHashing: false, ...runs.signIn }));
          emit(figure('session_check_p99', backend.name, runs.check.p99, 'ms', 5, { people, ...runs.check }));
        } finally {
          await stores.close();
        }
      }
      if (only.has('start')) {
        progress('start to serving');
        const empty = await backend.create();
        let emptyStart: { ms: number; rssMb: number };
        try {
          emptyStart = await startToServing(empty.dataDir, empty.serverEnv);
        } finally {
          await empty.remove();
        }
        const start = await startToServing(target.dataDir, target.serverEnv);
        const sizes = { people, documents, comments };
        emit(figure('start_to_serving', backend.name, start.ms, 'ms', 3000, { ...sizes, emptyDataDirMs: Math.round(emptyStart.ms), dataCostMs: Math.round(start.ms - emptyStart.ms) }));
        emit(figure('rss_after_start', backend.name, start.rssMb, 'MB', 250, { ...sizes, emptyDataDirMb: Math.round(emptyStart.rssMb) }));
      }
    } finally {
      await target.remove();
    }
  }
}
