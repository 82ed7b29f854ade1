/**
 * Failing disks, simulated: `node:fs` is wrapped so a test can make the next durable log write
 * fail (log segments are opened with O_DSYNC and written with `write`/`writev` at explicit
 * offsets, so that is where a failed sync surfaces) or stop halfway, as EIO or a full disk would;
 * `node:fs/promises` is wrapped so the next fsync of a snapshot temp file fails.
 */
import type * as fs from 'node:fs';
import { readdir } from 'node:fs/promises';
import type * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { tempDirsRemovedAfterAll } from './tempDirs';

const faults = vi.hoisted(() => ({ failNextSync: false, failNextSnapshotSync: false, tearNextWrite: false, failNextZeroFill: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  const open: typeof actual.open = async (...args) => {
    const handle = await actual.open(...args);
    const sync = handle.sync.bind(handle);
    // Only the snapshot temp file's fsync fails: a directory fsync (a new log segment) may come
    // first or later depending on timing, and must not take the fault meant for the snapshot.
    const isSnapshotTemp = String(args[0]).endsWith('snapshot.bin.tmp');
    handle.sync = async () => {
      if (faults.failNextSnapshotSync && isSnapshotTemp) {
        faults.failNextSnapshotSync = false;
        throw Object.assign(new Error('EIO: i/o error, fsync (simulated)'), { code: 'EIO' });
      }
      return sync();
    };
    return handle;
  };
  return { ...actual, open, default: { ...actual, open } };
});

type WriteCallback = (error: NodeJS.ErrnoException | null, written: number) => void;

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  /** Writes `bytes` at `position` for real, then reports `error` (if any) instead of success. */
  const writeThen = (fd: number, bytes: Uint8Array, position: number, error: Error | null, callback: WriteCallback): void =>
    actual.write(fd, bytes, 0, bytes.byteLength, position, (realError, written) => callback(realError ?? error, written));
  /** The next write, if a fault is armed: the data still reaches the page cache (all or half of it). */
  const faulty = (fd: number, bytes: Uint8Array, position: number, callback: WriteCallback): boolean => {
    if (faults.failNextSync) {
      faults.failNextSync = false;
      writeThen(fd, bytes, position, Object.assign(new Error('EIO: i/o error, write (simulated failed sync)'), { code: 'EIO' }), callback);
      return true;
    }
    if (faults.tearNextWrite) {
      faults.tearNextWrite = false;
      const half = bytes.subarray(0, Math.max(1, Math.floor(bytes.byteLength / 2)));
      writeThen(
        fd,
        half,
        position,
        Object.assign(new Error('ENOSPC: no space left on device, write (simulated)'), { code: 'ENOSPC' }),
        callback,
      );
      return true;
    }
    return false;
  };
  // Only the forms the log uses: write(fd, buffer, offset, length, position, cb), writev(fd, buffers, position, cb).
  const write = ((fd: number, buffer: Uint8Array, offset: number, length: number, position: number, callback: WriteCallback) => {
    if (!faulty(fd, buffer.subarray(offset, offset + length), position, callback))
      actual.write(fd, buffer, offset, length, position, callback);
  }) as typeof actual.write;
  const writev = ((fd: number, buffers: Uint8Array[], position: number, callback: WriteCallback) => {
    // A background zero-fill is a writev of the zeros alone (a batch that grows the file comes first).
    if (faults.failNextZeroFill && buffers.length === 1) {
      faults.failNextZeroFill = false;
      return callback(Object.assign(new Error('ENOSPC: no space left on device, write (simulated)'), { code: 'ENOSPC' }), 0);
    }
    if (!faulty(fd, Buffer.concat(buffers), position, callback)) actual.writev(fd, buffers, position, callback);
  }) as typeof actual.writev;
  return { ...actual, write, writev, default: { ...actual, write, writev } };
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

  it('loses nothing when zero-filling ahead fails: the batch that needs the room writes zeros itself', async () => {
    const dir = await tempDir();
    const warn = vi.fn();
    const store = new FileDocumentStore({ dir, groupCommitMs: 0, segmentPreallocationBytes: 4096, logger: { warn } });
    faults.failNextZeroFill = true;
    const expected = Array.from({ length: 300 }, (_, i) => `update ${i} `.padEnd(40, '.'));
    for (const text of expected) await store.append('doc', bytes(text));
    expect(faults.failNextZeroFill).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ documentId: 'doc', segment: 1 }), expect.stringMatching(/preallocate/));
    expect(await readdir(join(dir, 'doc'))).toEqual(['log-0000000001.bin']);
    expect(texts(await store.load('doc'))).toEqual(expected);
    await store.close();
    expect(texts(await new FileDocumentStore({ dir, groupCommitMs: 0 }).load('doc'))).toEqual(expected);
  });

  it('keeps the old snapshot and log when a compaction cannot make its snapshot durable', async () => {
    const dir = await tempDir();
    const store = new FileDocumentStore({ dir, groupCommitMs: 1 });
    await store.append('doc', bytes('a'));
    await store.compact('doc', bytes('s1'));
    await store.append('doc', bytes('b'));
    faults.failNextSnapshotSync = true;
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
