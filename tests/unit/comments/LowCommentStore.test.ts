import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowCommentStore } from '../../../server/comments/LowCommentStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';
import { commentStoreContract, sampleComment, sampleLogEntry } from './commentStoreContract';

const tempDir = tempDirsRemovedAfterAll('comments');

commentStoreContract('LowCommentStore', async () => new LowCommentStore(join(await tempDir(), 'comments.json')));

describe('LowCommentStore on disk', () => {
  it('writes comments.json, and a new store reads comments, revisions and the log back', async () => {
    const file = join(await tempDir(), 'nested', 'comments.json');
    const first = new LowCommentStore(file);
    await first.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null }));
    await first.update('dok-1', () => ({ log: [sampleLogEntry('m_1')], result: null }));
    await first.close();

    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { version: number; documents: Record<string, { revision: number }> };
    expect(onDisk.version).toBe(1);
    expect(onDisk.documents['dok-1']?.revision).toBe(2);
    const second = new LowCommentStore(file);
    expect(await second.read('dok-1')).toEqual({ documentId: 'dok-1', comments: [sampleComment('c_1')], revision: 2 });
    expect(await second.get('c_1')).toEqual(sampleComment('c_1'));
    expect(await second.moderationLog()).toEqual([sampleLogEntry('m_1')]);
    await second.close();
  });

  it('fails with the file name on a damaged or unknown file and does not overwrite it', async () => {
    for (const content of ['{ "documents": ', '{ "version": 2, "documents": {}, "moderationLog": [] }', '[]']) {
      const file = join(await tempDir(), 'comments.json');
      await writeFile(file, content);
      const store = new LowCommentStore(file);
      await expect(store.read('dok-1')).rejects.toThrow(file);
      await expect(store.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null }))).rejects.toThrow(file);
      expect(await readFile(file, 'utf8')).toBe(content);
      await store.close();
    }
  });
});
