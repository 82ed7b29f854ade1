import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runUntilKilled } from '../../helpers/runUntilKilled';
import { FileCommentStore } from '../../../server/comments/FileCommentStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';

const tempDir = tempDirsRemovedAfterAll('comments-crash');

describe('FileCommentStore after kill -9', () => {
  it('keeps every acknowledged comment, report and log entry, and its indices agree with the documents', { timeout: 90_000 }, async () => {
    const dataDir = await tempDir();
    const acknowledged: string[] = [];
    for (const prefix of ['a', 'b', 'c']) acknowledged.push(...(await writeUntilKilled(dataDir, prefix, 300)));

    const store = new FileCommentStore({ dataDir, groupCommitMs: 1 });
    const documents = await Promise.all([0, 1, 2, 3, 4].map((d) => store.read(`dok-${d}`)));
    const onDocuments = new Set(documents.flatMap((d) => d.comments.map((c) => c.id)));
    const reported = new Set((await store.reported()).map((c) => c.id));
    const logged = new Set((await store.moderationLog({ limit: 1_000_000 })).map((e) => e.id));
    const missing: string[] = [];
    for (const line of acknowledged) {
      const [kind, id] = line.split(' ') as [string, string];
      if (kind === 'm' ? !logged.has(id) : !onDocuments.has(id) || (kind === 'r' && !reported.has(id))) missing.push(line);
    }
    expect(missing).toEqual([]);
    // Every comment a document holds (acknowledged or not) is found by id: the catalogue agrees.
    const unfound: string[] = [];
    for (const id of onDocuments) if ((await store.get(id))?.id !== id) unfound.push(id);
    expect(unfound).toEqual([]);
    // Revisions count every write exactly once: one comment or one log entry per write.
    for (const document of documents) {
      const logEntries = (await store.moderationLog({ documentIds: [document.documentId], limit: 1_000_000 })).length;
      expect(document.revision).toBe(document.comments.length + logEntries);
    }
    await store.close();
  });
});

const fixture = fileURLToPath(new URL('./fixtures/writeCommentsUntilKilled.ts', import.meta.url));

/** Runs the fixture, SIGKILLs it once `killAfter` writes were acknowledged, returns the acknowledged lines. */
function writeUntilKilled(dataDir: string, prefix: string, killAfter: number): Promise<string[]> {
  return runUntilKilled(fixture, [dataDir, prefix], killAfter);
}
