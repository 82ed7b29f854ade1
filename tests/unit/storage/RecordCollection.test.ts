import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeRecords } from '../../../lib/storage/logRecord';
import { DocumentStorageError } from '../../../lib/storage/DocumentStorageError';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { RecordCollection, type RecordCollectionOptions } from '../../../server/storage/RecordCollection';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('records');

interface Item {
  readonly id: string;
  readonly owner: string;
  readonly n: number;
}

const item = (id: string, owner = 'a', n = 0): Item => ({ id, owner, n });

describe('RecordCollection', () => {
  const opened: Array<RecordCollection<Item>> = [];
  const open = async (dir: string, options: Partial<RecordCollectionOptions<Item>> = {}) => {
    const collection = await RecordCollection.open<Item>({
      dir,
      name: 'items',
      groupCommitMs: 0,
      indexes: { owner: (value) => [value.owner] },
      ...options,
    });
    opened.push(collection);
    return collection;
  };
  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(opened.splice(0).map((collection) => collection.close()));
  });

  it('puts, gets, deletes and finds by index, at once and durably', async () => {
    const dir = await tempDir();
    const items = await open(dir);
    expect(items.size).toBe(0);
    const put = items.put('x', item('x', 'a'));
    // Visible before it is durable: the check and the write it guards are one synchronous step.
    expect(items.get('x')).toEqual(item('x', 'a'));
    await put;
    await items.put('y', item('y', 'a'));
    await items.put('z', item('z', 'b'));
    expect(items.find('owner', 'a').map((value) => value.id)).toEqual(['x', 'y']);
    expect(items.count('owner', 'b')).toBe(1);

    await items.put('y', item('y', 'b', 1));
    expect(items.find('owner', 'a').map((value) => value.id)).toEqual(['x']);
    expect(items.count('owner', 'b')).toBe(2);
    expect(await items.delete('x')).toBe(true);
    expect(await items.delete('x')).toBe(false);
    expect(items.find('owner', 'a')).toEqual([]);
    expect(items.count('owner', 'a')).toBe(0);
    expect(items.has('x')).toBe(false);
    expect(() => items.find('colour', 'red')).toThrow(/no index colour/);
  });

  it('writes one framed record per change, and a reopened collection reads everything back', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await Promise.all([first.put('x', item('x')), first.put('y', item('y', 'b')), first.put('__proto__', item('__proto__'))]);
    await first.delete('y');
    await first.put('x', item('x', 'c', 2));
    await first.close();

    const segment = join(dir, 'items', 'log-0000000001.bin');
    expect(decodeRecords(await readFile(segment)).records).toHaveLength(5);
    const second = await open(dir);
    expect(second.size).toBe(2);
    expect(second.get('x')).toEqual(item('x', 'c', 2));
    expect(second.get('y')).toBeUndefined();
    expect(second.get('__proto__')).toEqual(item('__proto__'));
    expect(second.find('owner', 'c')).toEqual([item('x', 'c', 2)]);
    expect(second.pendingLogRecords).toBe(5);
  });

  it('compacts into a snapshot once the log outgrows max(threshold, live records), keeping writes issued meanwhile', async () => {
    const dir = await tempDir();
    const items = await open(dir, { compactAfterRecords: 10 });
    for (let i = 0; i < 10; i++) await items.put(`k${i}`, item(`k${i}`, 'a', i));
    expect(items.compactions).toBe(0);
    // The 11th record passes the threshold: the compaction starts, and writes go on during it.
    const during = [items.put('k10', item('k10')), items.put('k0', item('k0', 'b', 100)), items.delete('k1')];
    expect(items.compactions).toBe(1);
    await Promise.all(during);
    await items.flush();
    await items.close();

    const names = await readdir(join(dir, 'items'));
    expect(names).toContain('snapshot.bin');
    const reopened = await open(dir, { compactAfterRecords: 10 });
    expect(reopened.size).toBe(10);
    expect(reopened.get('k0')).toEqual(item('k0', 'b', 100));
    expect(reopened.get('k1')).toBeUndefined();
    expect(reopened.get('k10')).toEqual(item('k10'));
    expect(reopened.pendingLogRecords).toBeLessThanOrEqual(2);
  });

  it('compacts only past the number of live records, so a large collection is not rewritten every few writes', async () => {
    const dir = await tempDir();
    const items = await open(dir, { compactAfterRecords: 5 });
    // New keys only: the log is never longer than the live records, nothing to compact.
    for (let i = 0; i < 20; i++) await items.put(`k${i}`, item(`k${i}`));
    expect(items.compactions).toBe(0);
    // The 21st record passes the 20 live ones: one compaction, then 20 more records before the next.
    for (let i = 0; i < 20; i++) await items.put('k0', item('k0', 'a', i));
    expect(items.compactions).toBe(1);
    expect(items.pendingLogRecords).toBe(19);
    await items.close();
    expect((await open(dir)).get('k0')).toEqual(item('k0', 'a', 19));
  });

  it('encodes a large snapshot in slices and keeps the writes made between them', async () => {
    const dir = await tempDir();
    const items = await open(dir);
    await Promise.all(Array.from({ length: 5000 }, (_, i) => items.put(`k${i}`, item(`k${i}`, 'a', i))));
    const compaction = items.compact();
    // The first slice is encoded; the compaction yields to the event loop before the next.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const during = [items.put('k1', item('k1', 'b', -1)), items.delete('k2'), items.put('new', item('new', 'c'))];
    await compaction;
    await Promise.all(during);
    await items.put('after', item('after'));
    await items.close();

    const reopened = await open(dir);
    expect(reopened.size).toBe(5000 - 1 + 2);
    expect(reopened.get('k1')).toEqual(item('k1', 'b', -1));
    expect(reopened.get('k2')).toBeUndefined();
    expect(reopened.get('new')).toEqual(item('new', 'c'));
    expect(reopened.get('k4999')).toEqual(item('k4999', 'a', 4999));
    expect(reopened.find('owner', 'b')).toEqual([item('k1', 'b', -1)]);
    // The writes made while it was encoded are in the snapshot; only the later one is in the log.
    expect(reopened.pendingLogRecords).toBe(1);
  });

  it('keeps every write of a collection compacted many times', async () => {
    const dir = await tempDir();
    const items = await open(dir, { compactAfterRecords: 3 });
    // In waves: one compaction runs at a time, later waves start the next.
    for (let wave = 0; wave < 20; wave++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) => wave * 10 + j).map((i) => items.put(`k${i % 50}`, item(`k${i % 50}`, 'a', i))),
      );
    }
    expect(items.compactions).toBeGreaterThan(2);
    await items.close();
    const reopened = await open(dir);
    expect(reopened.size).toBe(50);
    for (let k = 0; k < 50; k++) expect(reopened.get(`k${k}`)?.n).toBe(150 + k);
  });

  it('refuses to open a log damaged in the middle, naming the file, and leaves it untouched', async () => {
    const dir = await tempDir();
    const items = await open(dir);
    for (let i = 0; i < 3; i++) await items.put(`k${i}`, item(`k${i}`));
    await items.close();
    const segment = join(dir, 'items', 'log-0000000001.bin');
    const bytes = await readFile(segment);
    const damaged = Buffer.from(bytes);
    damaged[12]! ^= 0xff;
    await writeFile(segment, damaged);

    const failure = await open(dir).catch((error: unknown) => error);
    expect((failure as Error).message).toMatch(/^cannot read the items records: /);
    expect((failure as Error).message).toContain(segment);
    expect((failure as Error).cause).toBeInstanceOf(DocumentStorageError);
    expect((await readFile(segment)).equals(damaged)).toBe(true);
  });

  it('reads itself back from disk after a failed write, so memory does not stay ahead of the disk', async () => {
    const items = await open(await tempDir());
    await items.put('x', item('x', 'a', 1));
    vi.spyOn(FileDocumentStore.prototype, 'append').mockImplementationOnce(() => Promise.reject(new Error('EIO (simulated)')));
    const failed = items.put('x', item('x', 'b', 2));
    expect(items.get('x')).toEqual(item('x', 'b', 2));
    await expect(failed).rejects.toThrow('EIO (simulated)');
    expect(items.stale).toBe(true);

    await items.recover();
    expect(items.stale).toBe(false);
    expect(items.reloads).toBe(1);
    expect(items.get('x')).toEqual(item('x', 'a', 1));
    expect(items.find('owner', 'b')).toEqual([]);
    await items.put('y', item('y'));
    expect(items.size).toBe(2);
  });

  it('refuses writes once closed', async () => {
    const items = await open(await tempDir());
    await items.close();
    await expect(items.put('x', item('x'))).rejects.toThrow(/closed/);
    expect(items.has('x')).toBe(false);
  });
});
