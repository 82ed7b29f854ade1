/**
 * Comment write p99 at a number of stored comments: 100 documents, `hotShare` of the comments on
 * the one written to, `writers` concurrent writers each adding replies through the CommentStore's
 * update (the one write every comment act makes), on stores opened afresh as a server start opens them.
 */
import { randomUUID } from 'node:crypto';
import type { StoredComment } from '../../lib/comments/model';
import { generateLoad } from '../seed/generateLoad';
import type { DataBackend } from './backends';
import { latencies, measure } from './figure';

export interface CommentWriteRun {
  readonly storedComments: number;
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
  readonly truncated: boolean;
  /** Writes completed per second (with a store that serialises writes, latency is about writers ÷ this). */
  readonly writesPerSecond: number;
  readonly seedSeconds: number;
}

export async function commentWriteRun(
  backend: DataBackend,
  options: { storedComments: number; writers: number; writes: number; seconds: number; passwordHash: string; progress: (line: string) => void },
): Promise<CommentWriteRun> {
  const target = await backend.create();
  try {
    const seeded = await target.open();
    const summary = await generateLoad(target.writer(seeded), {
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
      const root = current.comments.find((comment) => comment.parentId === null)!;
      options.progress(`comment writes at ${options.storedComments} stored comments (${current.comments.length} on the written document)`);
      const { samples, truncated, perSecond } = await measure({ workers: options.writers, total: options.writes, seconds: options.seconds }, (n) => {
        const reply: StoredComment = {
          id: `c_${randomUUID()}`,
          documentId: hot,
          threadId: root.id,
          parentId: root.id,
          kind: 'reply',
          anchor: null,
          text: `Svar nummer ${n} under belastning.`,
          author: { kind: 'person', id: root.author.id, name: root.author.name },
          createdAt: new Date().toISOString(),
          supporters: [],
          reports: [],
          moderation: { state: 'visible' },
        };
        return stores.comments.update(hot, () => ({ put: [reply], result: null }));
      });
      return { storedComments: options.storedComments, ...latencies(samples), truncated, writesPerSecond: perSecond, seedSeconds: summary.seconds };
    } finally {
      await stores.close();
    }
  } finally {
    await target.remove();
  }
}
