/**
 * Failing disks, simulated: `node:fs/promises` is wrapped so a test can make the next durable log
 * write fail (the log is opened with O_DSYNC, so that is where a failed sync surfaces), the next
 * fsync fail, or the next write stop halfway, as EIO or a full disk would.
 */
import { readdir } from 'node:fs/promises';
import type * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { tempDirsRemovedAfterAll } from './tempDirs';

const faults = vi.hoisted(() => ({ failNextSync: false, failNextFullSync: false, tearNextWrite: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  const open: typeof actual.open = async (...args) => {
    const handle = await actual.open(...args);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      if (faults.failNextFullSync) {
        faults.failNextFullSync = false;
        throw Object.assign(new Error('EIO: i/o error, fsync (simulated)'), { code: 'EIO' });
      }
      return sync();
    };
    const write = handle.write.bind(handle) as (buffer: Uint8Array, offset: number, length: number) => Promise<{ bytesWritten: number }>;
    // Only the (buffer, offset, length) form the store uses; anything else goes straight through.
    handle.write = (async (buffer: Uint8Array, offset: number, length: number) => {
      if (faults.failNextSync && typeof offset === 'number') {
        // The data may reach the page cache, but the O_DSYNC write reports the failed flush.
        faults.failNextSync = false;
        await write(buffer, offset, length);
        throw Object.assign(new Error('EIO: i/o error, write (simulated failed sync)'), { code: 'EIO' });
      }
      if (faults.tearNextWrite && typeof offset === 'number') {
        faults.tearNextWrite = false;
        await write(buffer, offset, Math.max(1, Math.floor(length / 2)));
        throw Object.assign(new Error('ENOSPC: no space left on device, write (simulated)'), { code: 'ENOSPC' });
      }
      return write(buffer, offset, length);
    }) as typeof handle.write;
    return handle;
  };
  return { ...actual, open, default: { ...actual, open } };
});

const tempDir = tempDirsRemovedAfterAll('faults');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const texts = (updates: Uint8Array[] | null): string[] | null => updates && updates.map((u) => new TextDecoder().decode(u));

describe('FileDocumentStore when the disk fails', () => {
  it('rejects the appends of a failed fsync and continues in a new segment', async () => {
    const dir = await tempDir();
    const warn = vi.fn();
    const store = new FileDocumentStore({ dir, groupCommitMs: 1, logger: { warn } });
    await store.append('doc', bytes('a'));
    faults.failNextSync = true;
    await expect(store.append('doc', bytes('b'))).rejects.toThrow(/EIO/);
    await store.append('doc', bytes('c'));
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ documentId: 'doc', segment: 1 }), expect.stringMatching(/new segment/));
    expect((await readdir(join(dir, 'doc'))).sort()).toEqual(['log-0000000001.bin', 'log-0000000002.bin']);
    // 'b' reached the page cache before its fsync failed; it was never acknowledged, but Yjs
    // applies it idempotently, so finding it is harmless.
    expect(texts(await store.load('doc'))).toEqual(['a', 'b', 'c']);
    await store.close();
  });

  it('keeps later appends readable after a write that stopped halfway', async () => {
    const dir = await tempDir();
    const store = new FileDocumentStore({ dir, groupCommitMs: 1 });
    await store.append('doc', bytes('a'));
    faults.tearNextWrite = true;
    await expect(store.append('doc', bytes('torn by a full disk'))).rejects.toThrow(/ENOSPC/);
    await store.append('doc', bytes('c'));
    expect(texts(await store.load('doc'))).toEqual(['a', 'c']);
    await store.close();

    // A new process cuts the torn tail of the abandoned segment and reads on into the next one.
    const warn = vi.fn();
    const reopened = new FileDocumentStore({ dir, groupCommitMs: 1, logger: { warn } });
    expect(texts(await reopened.load('doc'))).toEqual(['a', 'c']);
    expect(warn).toHaveBeenCalledTimes(1);
    await reopened.append('doc', bytes('d'));
    await reopened.close();
    expect(texts(await new FileDocumentStore({ dir, groupCommitMs: 1 }).load('doc'))).toEqual(['a', 'c', 'd']);
  });

  it('keeps the old snapshot and log when a compaction cannot make its snapshot durable', async () => {
    const dir = await tempDir();
    const store = new FileDocumentStore({ dir, groupCommitMs: 1 });
    await store.append('doc', bytes('a'));
    await store.compact('doc', bytes('s1'));
    await store.append('doc', bytes('b'));
    faults.failNextFullSync = true; // the snapshot temp file's fsync
    const failed = store.compact('doc', bytes('s2'));
    const during = store.append('doc', bytes('c'));
    await expect(failed).rejects.toThrow(/EIO/);
    await during;
    expect(store.stats('doc')).toEqual({ records: 2, bytes: 2 });
    expect(texts(await store.load('doc'))).toEqual(['s1', 'b', 'c']);
    expect(texts(await new FileDocumentStore({ dir, groupCommitMs: 1 }).load('doc'))).toEqual(['s1', 'b', 'c']);

    await store.compact('doc', bytes('s3'));
    expect(texts(await store.load('doc'))).toEqual(['s3']);
    expect((await readdir(join(dir, 'doc'))).sort()).toEqual(['snapshot.bin']);
    await store.close();
  });
});
