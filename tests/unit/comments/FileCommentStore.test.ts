import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredComment } from '../../../lib/comments/model';
import { FileCommentStore, type FileCommentStoreOptions } from '../../../server/comments/FileCommentStore';
import { LowCommentStore } from '../../../server/comments/LowCommentStore';
import { importCommentsJson } from '../../../server/comments/importCommentsJson';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';
import { commentStoreContract, sampleComment, sampleLogEntry } from './commentStoreContract';

const tempDir = tempDirsRemovedAfterAll('file-comments');
const storeIn = (dataDir: string, options: Partial<FileCommentStoreOptions> = {}) =>
  new FileCommentStore({ dataDir, groupCommitMs: 1, ...options });

commentStoreContract('FileCommentStore', async () => storeIn(await tempDir()));
// The same promises when every document is evicted at once and read back from disk.
commentStoreContract('FileCommentStore with one cached document', async () => storeIn(await tempDir(), { cachedDocuments: 1 }));
// And when every write compacts its document and the catalogue.
commentStoreContract('FileCommentStore compacting always', async () =>
  storeIn(await tempDir(), { compactMinBytes: 1, catalogueCompactMinBytes: 1 }),
);

const report = (id: string, at: string, handledAt?: string) => ({
  id,
  by: `person:${id}`,
  ground: 'spam' as const,
  note: '',
  at,
  ...(handledAt ? { handledAt } : {}),
});

/** Comments, replies, supports, reports and moderation over three documents, through `store`. */
async function writeHistory(store: { update: FileCommentStore['update'] }): Promise<void> {
  for (const documentId of ['dok-1', 'dok-2', 'dok-3']) {
    for (let i = 0; i < 5; i++) {
      const id = `c_${documentId}_${i}`;
      await store.update(documentId, () => ({
        put: [sampleComment(id, { documentId, createdAt: `2027-03-01T10:00:0${i}.000Z`, text: `kommentar ${i}` })],
        result: null,
      }));
    }
  }
  await store.update('dok-2', (current) => ({
    put: [{ ...current.comments[1]!, supporters: ['person:a', 'person:b'] }],
    result: null,
  }));
  await store.update('dok-1', (current) => ({
    put: [{ ...current.comments[0]!, reports: [report('r1', '2027-03-05T00:00:00.000Z')] }],
    result: null,
  }));
  await store.update('dok-3', (current) => ({
    put: [
      { ...current.comments[2]!, reports: [report('r2', '2027-03-04T00:00:00.000Z', '2027-03-06T00:00:00.000Z')] },
      { ...current.comments[3]!, reports: [report('r3', '2027-03-03T00:00:00.000Z')] },
    ],
    result: null,
  }));
  await store.update('dok-3', (current) => ({
    put: [{ ...current.comments[2]!, moderation: { state: 'hidden', ground: 'spam' } }],
    log: [sampleLogEntry('m_1', { documentId: 'dok-3', commentId: current.comments[2]!.id })],
    result: null,
  }));
  await store.update('dok-1', () => ({ log: [sampleLogEntry('m_2', { at: '2027-03-07T00:00:00.000Z' })], result: null }));
  await store.update('dok-4', () => ({ touch: true, result: null }));
}

interface Everything {
  readonly documents: unknown[];
  readonly got: (StoredComment | null)[];
  readonly reported: string[];
  readonly log: unknown[];
  readonly logOfDok3: unknown[];
}

async function everything(store: FileCommentStore | LowCommentStore): Promise<Everything> {
  const documents = await Promise.all(['dok-1', 'dok-2', 'dok-3', 'dok-4', 'dok-5'].map((id) => store.read(id)));
  const ids = documents.flatMap((d) => d.comments.map((c) => c.id));
  return {
    documents,
    got: await Promise.all([...ids, 'c_nope'].map((id) => store.get(id))),
    reported: (await store.reported()).map((c) => c.id),
    log: await store.moderationLog(),
    logOfDok3: await store.moderationLog({ documentIds: ['dok-3'] }),
  };
}

describe('FileCommentStore on disk', () => {
  it('reads everything back after a reopen, and keeps writing where it left off', async () => {
    const dataDir = await tempDir();
    const first = storeIn(dataDir);
    await writeHistory(first);
    const before = await everything(first);
    expect(before.reported).toEqual(['c_dok-3_3', 'c_dok-1_0']);
    expect(before.log).toHaveLength(2);
    await first.close();

    const second = storeIn(dataDir);
    expect(await everything(second)).toEqual(before);
    expect((await second.update('dok-1', () => ({ touch: true, result: null }))).revision).toBe(
      (before.documents[0] as { revision: number }).revision + 1,
    );
    await second.close();
    // Only the store's directory was written.
    expect((await readdir(dataDir)).sort()).toEqual(['comments']);
  });

  it('reads everything back from snapshots after compactions', async () => {
    const dataDir = await tempDir();
    const first = storeIn(dataDir, { compactMinBytes: 1, catalogueCompactMinBytes: 1 });
    await writeHistory(first);
    const before = await everything(first);
    await first.close();
    const files = await readdir(join(dataDir, 'comments', 'docs', 'dok-1'));
    expect(files).toContain('snapshot.bin');
    expect(await readdir(join(dataDir, 'comments', 'index', 'catalogue'))).toContain('snapshot.bin');
    const second = storeIn(dataDir);
    expect(await everything(second)).toEqual(before);
    await second.close();
  });

  it('holds at most `cachedDocuments` documents, and reads an evicted one back from disk', async () => {
    const dataDir = await tempDir();
    const store = storeIn(dataDir, { cachedDocuments: 3 });
    for (let d = 0; d < 10; d++) {
      const documentId = `dok-${d}`;
      await store.update(documentId, () => ({ put: [sampleComment(`c_${d}`, { documentId })], result: null }));
      expect(store.cachedDocuments).toBeLessThanOrEqual(3);
    }
    // dok-0 was evicted long ago: it comes back from disk, whole, through every kind of read.
    expect(await store.read('dok-0')).toEqual({
      documentId: 'dok-0',
      comments: [sampleComment('c_0', { documentId: 'dok-0' })],
      revision: 1,
    });
    expect(await store.get('c_1')).toEqual(sampleComment('c_1', { documentId: 'dok-1' }));
    const updated = await store.update('dok-2', (current) => ({ put: [{ ...current.comments[0]!, text: 'igen' }], result: 'ok' }));
    expect(updated).toEqual({ result: 'ok', revision: 2, changed: true });
    expect(store.cachedDocuments).toBeLessThanOrEqual(3);
    // A comment id on an evicted document is still taken.
    await expect(store.update('dok-9', () => ({ put: [sampleComment('c_5', { documentId: 'dok-9' })], result: null }))).rejects.toThrow(
      'taken',
    );
    await store.close();
  });

  it('starts by reading the catalogue only, not the documents', async () => {
    const dataDir = await tempDir();
    const first = storeIn(dataDir);
    await writeHistory(first);
    await first.close();
    const second = storeIn(dataDir);
    await second.check();
    expect(await second.moderationLog({ limit: 1 })).toEqual([sampleLogEntry('m_2', { at: '2027-03-07T00:00:00.000Z' })]);
    expect(second.cachedDocuments).toBe(0);
    await second.close();
  });

  it('hands the change function copies it may modify without changing what is stored', async () => {
    const store = storeIn(await tempDir());
    await store.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null }));
    await store.update('dok-1', (current) => {
      (current.comments[0]!.supporters as string[]).push('person:x');
      expect(() => (current.comments as StoredComment[]).push(sampleComment('c_2'))).toThrow(TypeError);
      return { result: null };
    });
    expect(await store.read('dok-1')).toMatchObject({ revision: 1, comments: [sampleComment('c_1')] });
    await store.close();
  });

  it('refuses a damaged catalogue with the file named, and serves once it is restored', async () => {
    const dataDir = await tempDir();
    const first = storeIn(dataDir, { catalogueCompactMinBytes: 1 });
    await writeHistory(first);
    await first.close();
    const snapshot = join(dataDir, 'comments', 'index', 'catalogue', 'snapshot.bin');
    const intact = await readFile(snapshot);
    const damaged = Buffer.from(intact);
    damaged[damaged.length - 3]! ^= 0xff;
    await writeFile(snapshot, damaged);
    const second = storeIn(dataDir);
    await expect(second.check()).rejects.toThrow(snapshot);
    await writeFile(snapshot, intact);
    expect((await second.moderationLog()).length).toBe(2);
    await second.close();
  });
});

describe('FileCommentStore upgrading a data dir written by LowCommentStore', () => {
  async function lowDataDir(): Promise<{ dataDir: string; before: Everything; json: string }> {
    const dataDir = await tempDir();
    const low = new LowCommentStore(join(dataDir, 'comments.json'));
    await writeHistory(low);
    const before = await everything(low);
    await low.close();
    return { dataDir, before, json: await readFile(join(dataDir, 'comments.json'), 'utf8') };
  }

  it('imports everything on first start, keeps comments.json as .imported-*, and does not import twice', async () => {
    const { dataDir, before, json } = await lowDataDir();
    const store = storeIn(dataDir);
    await store.check();
    const names = await readdir(dataDir);
    expect(names).not.toContain('comments.json');
    const kept = names.filter((name) => name.startsWith('comments.json.imported-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dataDir, kept[0]!), 'utf8')).toBe(json);
    expect(names).not.toContain('comments.importing');
    expect(await everything(store)).toEqual(before);
    // Writing goes on from the imported revisions.
    const revision = (before.documents[2] as { revision: number }).revision;
    expect((await store.update('dok-3', () => ({ touch: true, result: null }))).revision).toBe(revision + 1);
    await store.close();

    const again = storeIn(dataDir);
    expect((await everything(again)).log).toEqual(before.log);
    expect((await readdir(dataDir)).filter((name) => name.startsWith('comments.json'))).toEqual(kept);
    await again.close();
  });

  it('starts an import over after a crash before it finished: no duplicates, nothing lost', async () => {
    const { dataDir, before } = await lowDataDir();
    // A crash half way: two documents written to the staging directory, then the process died.
    let written = 0;
    const crash = new Error('simulated crash');
    await expect(
      importCommentsJson({
        dataDir,
        groupCommitMs: 0,
        parallel: 1,
        afterDocument: () => {
          if (++written === 2) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await readdir(dataDir)).toContain('comments.importing');

    const store = storeIn(dataDir);
    expect(await everything(store)).toEqual(before);
    expect(await readdir(dataDir)).not.toContain('comments.importing');
    await store.close();
  });

  it('only moves comments.json aside after a crash between the directory rename and that move', async () => {
    const { dataDir, before, json } = await lowDataDir();
    const store = storeIn(dataDir);
    await store.check();
    await store.close();
    // Put the file back as it was: the state a crash right before the move leaves.
    const kept = (await readdir(dataDir)).find((name) => name.startsWith('comments.json.imported-'))!;
    await rm(join(dataDir, kept));
    await writeFile(join(dataDir, 'comments.json'), json);

    const again = storeIn(dataDir);
    expect(await everything(again)).toEqual(before);
    expect((await readdir(dataDir)).filter((name) => name.startsWith('comments.json'))).toHaveLength(1);
    expect(await readdir(dataDir)).not.toContain('comments.json');
    await again.close();
  });

  it('refuses a comments.json that the existing store was not imported from, naming both, touching neither', async () => {
    const dataDir = await tempDir();
    const store = storeIn(dataDir);
    await store.update('dok-1', () => ({ put: [sampleComment('c_new')], result: null }));
    await store.close();
    const stray = JSON.stringify({ version: 1, documents: {}, moderationLog: [] });
    await writeFile(join(dataDir, 'comments.json'), stray);
    const again = storeIn(dataDir);
    await expect(again.check()).rejects.toThrow(/comments\.json.*comments/);
    expect(await readFile(join(dataDir, 'comments.json'), 'utf8')).toBe(stray);
    await again.close();
  });

  it('fails with the file named on a damaged comments.json and leaves it alone', async () => {
    const dataDir = await tempDir();
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'comments.json'), '{ "documents": ');
    const store = storeIn(dataDir);
    await expect(store.check()).rejects.toThrow(join(dataDir, 'comments.json'));
    expect(await readFile(join(dataDir, 'comments.json'), 'utf8')).toBe('{ "documents": ');
    expect(await readdir(dataDir)).toEqual(['comments.json']);
    await store.close();
  });
});
