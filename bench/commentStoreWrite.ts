/**
 * Comment write latency at the store (issue 11): p50/p99 of `CommentStore.update` creating one
 * comment, with 1k / 10k / 100k comments already stored over 100 documents, 30% of them on the
 * document written to, 50 writers at once. FileCommentStore against LowCommentStore (which
 * rewrites comments.json per write: only up to `lowMaxStored`, 10k by default).
 *
 * The stored comments are written as a LowCommentStore comments.json (realistic shapes: anchors,
 * replies, supporters, a few reports); FileCommentStore imports it the way an upgraded data dir
 * does. Each figure is one JSON line on stdout.
 *
 *   node --import tsx bench/commentStoreWrite.ts [--stored 1000,10000,100000] [--stores file,low] [--writes 2000]
 *
 * `benchCommentStoreWrite()` is what `npm run bench:data` calls.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CommentStore } from '../lib/comments/CommentStore';
import type { StoredComment } from '../lib/comments/model';
import { FileCommentStore } from '../server/comments/FileCommentStore';
import { LowCommentStore } from '../server/comments/LowCommentStore';
import { FileDocumentStore } from '../server/storage/FileDocumentStore';
import type { CommentsData, DocumentRecord } from '../server/comments/commentData';
import { percentile } from './lib/stats';

export type CommentStoreKind = 'file' | 'low';

export interface CommentWriteFigure {
  readonly figure: 'comment_write_at_store';
  readonly store: 'FileCommentStore' | 'LowCommentStore';
  readonly storedComments: number;
  readonly documents: number;
  readonly onWrittenDocument: number;
  readonly writers: number;
  readonly writes: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** CPU time of this process per write while measuring (user + system): steadier than latency on a shared machine. */
  readonly cpuMsPerWrite: number;
  /** FileCommentStore only: time to import the comments.json (first start of an upgraded data dir). */
  readonly importMs?: number;
}

/** What the disk allows: the engine's appends alone (one per stream, as a comment write makes), same writers. */
export interface EngineFloorFigure {
  readonly figure: 'engine_append_floor';
  readonly writers: number;
  readonly writes: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface CommentWriteOptions {
  readonly stored?: readonly number[];
  readonly stores?: readonly CommentStoreKind[];
  /** Writes measured per figure (LowCommentStore: at most `lowWrites`). */
  readonly writes?: number;
  readonly lowWrites?: number;
  readonly lowMaxStored?: number;
  readonly writers?: number;
  readonly documents?: number;
  /** Share of the stored comments on the written document. */
  readonly hotShare?: number;
  readonly groupCommitMs?: number;
  /** Where the data dirs go (a fresh temp dir each, removed afterwards). */
  readonly tmp?: string;
  /** Called with each figure as soon as it is measured (the CLI prints it). */
  readonly onFigure?: (figure: CommentWriteFigure | EngineFloorFigure) => void;
  /** Also measure the engine floor before each store figure (default true): the machine's disk sets it. */
  readonly floor?: boolean;
}

const HOT = 'bench-000';
const documentId = (index: number) => `bench-${String(index).padStart(3, '0')}`;

export async function benchCommentStoreWrite(options: CommentWriteOptions = {}): Promise<(CommentWriteFigure | EngineFloorFigure)[]> {
  const figures: (CommentWriteFigure | EngineFloorFigure)[] = [];
  const storedCounts = options.stored ?? [1_000, 10_000, 100_000];
  const stores = options.stores ?? ['file', 'low'];
  for (const stored of storedCounts) {
    for (const kind of stores) {
      if (kind === 'low' && stored > (options.lowMaxStored ?? 10_000)) continue;
      if (kind === 'file' && options.floor !== false) {
        const floor = await measureFloor(options);
        figures.push(floor);
        options.onFigure?.(floor);
      }
      const figure = await measure(kind, stored, options);
      figures.push(figure);
      options.onFigure?.(figure);
    }
  }
  return figures;
}

async function measure(kind: CommentStoreKind, stored: number, options: CommentWriteOptions): Promise<CommentWriteFigure> {
  const documents = options.documents ?? 100;
  const hotShare = options.hotShare ?? 0.3;
  const writers = options.writers ?? 50;
  const writes = kind === 'low' ? Math.min(options.writes ?? 2000, options.lowWrites ?? 300) : (options.writes ?? 2000);
  const dataDir = await mkdtemp(join(options.tmp ?? tmpdir(), 'samskriv-bench-comments-'));
  try {
    await writeFile(join(dataDir, 'comments.json'), JSON.stringify(seed(stored, documents, hotShare)));
    let store: CommentStore;
    let importMs: number | undefined;
    if (kind === 'file') {
      const file = new FileCommentStore({ dataDir, groupCommitMs: options.groupCommitMs ?? 0 });
      const started = performance.now();
      await file.check();
      importMs = round(performance.now() - started);
      store = file;
    } else {
      store = new LowCommentStore(join(dataDir, 'comments.json'));
    }
    const timed = await timeCommentWrites(store, HOT, { writers, writes });
    await store.close();
    return {
      figure: 'comment_write_at_store',
      store: kind === 'file' ? 'FileCommentStore' : 'LowCommentStore',
      storedComments: stored,
      documents,
      onWrittenDocument: Math.round(stored * hotShare),
      writers,
      writes: timed.writes,
      p50Ms: timed.p50Ms,
      p99Ms: timed.p99Ms,
      maxMs: timed.maxMs,
      cpuMsPerWrite: timed.cpuMsPerWrite,
      ...(importMs !== undefined ? { importMs } : {}),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export interface TimedCommentWrites {
  /** Writes completed. */
  readonly writes: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** CPU time of this process per write (user + system). */
  readonly cpuMsPerWrite: number;
  /** Writes completed per second of the run. */
  readonly writesPerSecond: number;
  /** True when `seconds` ran out before `writes` were issued. */
  readonly truncated: boolean;
}

/**
 * `writes` new comments on `documentId` through `store.update` from `writers` concurrent writers,
 * each timed (what bench:data also measures, on any backend). Warm first: the document is read
 * and written once (the first append after a start opens or creates its log segment, once per
 * process) and the garbage of seeding is collected, as in a server that has been up a while.
 * With `seconds`, writers stop starting writes after that long (those in flight finish).
 */
export async function timeCommentWrites(
  store: CommentStore,
  documentId: string,
  options: { readonly writers: number; readonly writes: number; readonly seconds?: number },
): Promise<TimedCommentWrites> {
  await store.read(documentId);
  await store.update(documentId, () => ({
    put: [sampleComment('cw_warm', documentId, new Date(Date.UTC(2027, 11, 31)).toISOString(), 1)],
    result: null,
  }));
  collectGarbage();
  const latencies: number[] = [];
  let next = 0;
  const begun = performance.now();
  const deadline = begun + (options.seconds ?? Infinity) * 1000;
  const cpu = process.cpuUsage();
  const writer = async (w: number): Promise<void> => {
    while (next < options.writes && performance.now() < deadline) {
      const n = next++;
      const comment = sampleComment(`cw_${w}_${n}`, documentId, new Date(Date.UTC(2028, 0, 1) + n).toISOString(), n);
      const started = performance.now();
      await store.update(documentId, () => ({ put: [comment], result: null }));
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
  const used = process.cpuUsage(cpu);
  const elapsedSeconds = (performance.now() - begun) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    writes: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? NaN),
    cpuMsPerWrite: Math.round((used.user + used.system) / latencies.length) / 1000,
    writesPerSecond: Math.round((latencies.length / elapsedSeconds) * 10) / 10,
    truncated: next < options.writes,
  };
}

async function measureFloor(options: CommentWriteOptions): Promise<EngineFloorFigure> {
  const writers = options.writers ?? 50;
  const writes = options.writes ?? 2000;
  const dir = await mkdtemp(join(options.tmp ?? tmpdir(), 'samskriv-bench-floor-'));
  const engine = new FileDocumentStore({ dir, groupCommitMs: options.groupCommitMs ?? 0, segmentPreallocationBytes: 16 * 1024 });
  try {
    const record = new Uint8Array(500).fill(0x61);
    const latencies: number[] = [];
    let next = 0;
    const writer = async (): Promise<void> => {
      while (next++ < writes) {
        const started = performance.now();
        await Promise.all([engine.append(HOT, record), engine.append('catalogue', record.subarray(0, 80))]);
        latencies.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: writers }, writer));
    latencies.sort((a, b) => a - b);
    return {
      figure: 'engine_append_floor',
      writers,
      writes: latencies.length,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(latencies.at(-1) ?? NaN),
    };
  } finally {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A full collection, without asking the caller to start node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const round = (ms: number) => Math.round(ms * 100) / 100;

const WORDS = 'vi vil gerne have flere cykelstier og bedre belysning langs åen så børn kan færdes trygt om aftenen hele året'.split(' ');

function sampleText(n: number): string {
  const length = 12 + (n % 40);
  return Array.from({ length }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]).join(' ');
}

function sampleComment(id: string, documentId: string, createdAt: string, n: number, replyTo?: string): StoredComment {
  const reply = replyTo !== undefined;
  return {
    id,
    documentId,
    threadId: replyTo ?? id,
    parentId: replyTo ?? null,
    kind: reply ? 'reply' : n % 9 === 0 ? 'suggestion' : 'comment',
    anchor: reply
      ? null
      : {
          start: { item: { client: 1_000_000 + (n % 97), clock: n * 3 }, assoc: 0 },
          end: { item: { client: 1_000_000 + (n % 97), clock: n * 3 + 12 }, assoc: -1 },
          quote: { prefix: 'I planen står der at ', exact: sampleText(n).slice(0, 40), suffix: ' og det gælder fra næste år' },
        },
    text: sampleText(n),
    ...(!reply && n % 9 === 0 ? { replacement: sampleText(n + 1).slice(0, 60) } : {}),
    author: {
      kind: n % 5 === 0 ? 'guest' : 'person',
      id: `p_${n % 5000}`,
      name: `Borger ${n % 5000}`,
      ...(n % 7 === 0 ? { organisation: { id: 'o_1', name: 'Grundejerforeningen' } } : {}),
    },
    createdAt,
    clientKey: `k_${id}`,
    supporters: Array.from({ length: n % 4 }, (_, i) => `person:p_${(n + i) % 5000}`),
    reports: n % 50 === 0 ? [{ id: `r_${id}`, by: `person:p_${(n + 1) % 5000}`, ground: 'spam', note: '', at: createdAt }] : [],
    moderation: { state: 'visible' },
  };
}

/** `stored` comments over `documents` documents, `hotShare` of them on HOT; every fourth a reply. */
function seed(stored: number, documents: number, hotShare: number): CommentsData {
  const records: Record<string, { revision: number; comments: Record<string, StoredComment> }> = {};
  const hot = Math.round(stored * hotShare);
  const start = Date.UTC(2027, 0, 1);
  const lastRoot = new Map<string, string>();
  for (let n = 0; n < stored; n++) {
    const doc = n < hot ? HOT : documentId(1 + ((n - hot) % (documents - 1)));
    const record = (records[doc] ??= { revision: 0, comments: {} });
    const id = `c_${n}`;
    const replyTo = n % 4 === 3 ? lastRoot.get(doc) : undefined;
    record.comments[id] = sampleComment(id, doc, new Date(start + n * 1000).toISOString(), n, replyTo);
    record.revision += 1 + (n % 4 === 0 ? n % 3 : 0);
    if (replyTo === undefined) lastRoot.set(doc, id);
  }
  return { version: 1, documents: records as Record<string, DocumentRecord>, moderationLog: [] };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const list = (value: string | undefined) => value?.split(',').filter((part) => part.length > 0);
  await benchCommentStoreWrite({
    stored: list(argument('stored'))?.map(Number),
    stores: list(argument('stores')) as CommentStoreKind[] | undefined,
    writes: argument('writes') !== undefined ? Number(argument('writes')) : undefined,
    onFigure: (figure) => console.log(JSON.stringify(figure)),
  });
}
