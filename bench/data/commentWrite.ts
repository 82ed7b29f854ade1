/**
 * Comment write p99 at a number of stored comments: 100 documents, `hotShare` of the comments on
 * the one written to, `writers` concurrent writers each adding a comment through the CommentStore's
 * update (the one write every comment act makes; timed by bench/commentStoreWrite.ts's
 * `timeCommentWrites`), on stores opened afresh as a server start opens them.
 */
import { timeCommentWrites } from '../commentStoreWrite';
import { generateLoad } from '../seed/generateLoad';
import { storeWriter } from '../seed/storeWriter';
import type { DataBackend } from './backends';

export interface CommentWriteRun {
  readonly storedComments: number;
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
  readonly truncated: boolean;
  /** Writes completed per second (with a store that serialises writes, latency is about writers ÷ this). */
  readonly writesPerSecond: number;
  /** CPU time of this process per write. */
  readonly cpuMsPerWrite: number;
  readonly seedSeconds: number;
}

export async function commentWriteRun(
  backend: DataBackend,
  options: { storedComments: number; writers: number; writes: number; seconds: number; passwordHash: string; progress: (line: string) => void },
): Promise<CommentWriteRun> {
  const target = await backend.create();
  try {
    const seeded = await target.open();
    const summary = await generateLoad(storeWriter(seeded), {
      people: 1000,
      documents: 100,
      comments: options.storedComments,
      commentedShare: 1,
      hotShare: 0.3,
      largeShare: 0,
      passwordHash: options.passwordHash,
    });
    const stores = await target.open();
    try {
      const hot = summary.hottestDocumentId!;
      const current = await stores.comments.read(hot);
      options.progress(`comment writes at ${options.storedComments} stored comments (${current.comments.length} on the written document)`);
      const timed = await timeCommentWrites(stores.comments, hot, { writers: options.writers, writes: options.writes, seconds: options.seconds });
      return {
        storedComments: options.storedComments,
        p50: timed.p50Ms,
        p99: timed.p99Ms,
        samples: timed.writes,
        truncated: timed.truncated,
        writesPerSecond: timed.writesPerSecond,
        cpuMsPerWrite: timed.cpuMsPerWrite,
        seedSeconds: summary.seconds,
      };
    } finally {
      await stores.close();
    }
  } finally {
    await target.remove();
  }
}
