/**
 * FileCommentStore when the disk fails: `node:fs` is wrapped (as in FileDocumentStore.faults.test.ts)
 * so the next log write stops halfway and reports ENOSPC, as a full disk would.
 */
import type * as fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { FileCommentStore } from '../../../server/comments/FileCommentStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';
import { sampleComment } from './commentStoreContract';

const faults = vi.hoisted(() => ({ tearNextWrite: false }));

type WriteCallback = (error: NodeJS.ErrnoException | null, written: number) => void;

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  /** Writes the first half of `bytes` for real, then reports ENOSPC. */
  const faulty = (fd: number, bytes: Uint8Array, position: number, callback: WriteCallback): boolean => {
    if (!faults.tearNextWrite) return false;
    faults.tearNextWrite = false;
    const half = bytes.subarray(0, Math.max(1, Math.floor(bytes.byteLength / 2)));
    actual.write(fd, half, 0, half.byteLength, position, (error, written) =>
      callback(error ?? Object.assign(new Error('ENOSPC: no space left on device, write (simulated)'), { code: 'ENOSPC' }), written),
    );
    return true;
  };
  const write = ((fd: number, buffer: Uint8Array, offset: number, length: number, position: number, callback: WriteCallback) => {
    if (!faulty(fd, buffer.subarray(offset, offset + length), position, callback))
      actual.write(fd, buffer, offset, length, position, callback);
  }) as typeof actual.write;
  const writev = ((fd: number, buffers: Uint8Array[], position: number, callback: WriteCallback) => {
    if (!faulty(fd, Buffer.concat(buffers), position, callback)) actual.writev(fd, buffers, position, callback);
  }) as typeof actual.writev;
  return { ...actual, write, writev, default: { ...actual, write, writev } };
});

const tempDir = tempDirsRemovedAfterAll('comment-faults');

const support = (key: string) => (current: { comments: readonly ReturnType<typeof sampleComment>[] }) => {
  const comment = current.comments[0]!;
  return { put: [{ ...comment, supporters: [...comment.supporters, key] }], result: key };
};

describe('FileCommentStore when the disk fails', () => {
  it('rejects a write that failed and the writes made on top of it; what the disk kept is a prefix of them', async () => {
    const dataDir = await tempDir();
    const store = new FileCommentStore({ dataDir, groupCommitMs: 1 });
    await store.update('dok-1', () => ({ put: [sampleComment('c_1')], result: null }));
    faults.tearNextWrite = true;
    const failed = store.update('dok-1', support('person:a'));
    // Made on the state the failed one left: it cannot stand without it.
    let changed: () => void = () => undefined;
    const bothChanged = new Promise<void>((resolve) => (changed = resolve));
    const onTop = store.update('dok-1', (current) => {
      changed();
      return support('person:b')(current);
    });
    // Both changes have run (their records are queued, not yet durable): readers see neither.
    await bothChanged;
    expect(await store.read('dok-1')).toEqual({ documentId: 'dok-1', comments: [sampleComment('c_1')], revision: 1 });
    await expect(failed).rejects.toThrow(/ENOSPC/);
    await expect(onTop).rejects.toThrow();

    // The document is read again from disk: the half-written batch kept nothing, `a`, or both (in order).
    const after = await store.read('dok-1');
    const prefixes = [[], ['person:a'], ['person:a', 'person:b']];
    const kept = after.comments[0]!.supporters;
    expect(prefixes).toContainEqual(kept);
    expect(after.revision).toBe(1 + kept.length);
    // Writing goes on from there, and survives a reopen.
    expect(await store.update('dok-1', support('person:c'))).toEqual({ result: 'person:c', revision: after.revision + 1, changed: true });
    await store.close();
    const again = new FileCommentStore({ dataDir, groupCommitMs: 1 });
    expect((await again.read('dok-1')).comments[0]?.supporters).toEqual([...kept, 'person:c']);
    await again.close();
  });
});
