/**
 * RecordCollection's compact snapshot: the header (keys, value lengths, index keys) is parsed at
 * open, the values only when read; snapshots of earlier versions still open; a torn log tail after
 * a compact snapshot is cut; a collection that only grows is compacted when it closes.
 */
import { readdir, readFile, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentStorageError } from '../../../lib/storage/DocumentStorageError';
import { decodeRecords } from '../../../lib/storage/logRecord';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { RecordCollection, type RecordCollectionOptions } from '../../../server/storage/RecordCollection';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('records-snapshot');

interface Item {
  readonly id: string;
  readonly owner: string;
  readonly n: number;
}

const item = (id: string, owner = 'a', n = 0): Item => ({ id, owner, n });
const encoder = new TextEncoder();

describe('RecordCollection snapshots', () => {
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

  /** A collection of `count` items (owner 'even' or 'odd'), compacted, closed. */
  async function compacted(dir: string, count: number): Promise<void> {
    const items = await open(dir);
    await Promise.all(Array.from({ length: count }, (_, i) => items.put(`k${i}`, item(`k${i}`, i % 2 ? 'odd' : 'even', i))));
    await items.compact();
    await items.close();
  }

  it('opens a compact snapshot parsing only its header, and reads each value when first asked for', async () => {
    const dir = await tempDir();
    await compacted(dir, 100);
    const parse = vi.spyOn(JSON, 'parse');
    const items = await open(dir);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(items.size).toBe(100);
    expect(items.has('k7')).toBe(true);
    expect(items.count('owner', 'odd')).toBe(50);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(items.get('k7')).toEqual(item('k7', 'odd', 7));
    expect(parse).toHaveBeenCalledTimes(2);
    // Read once, kept parsed.
    expect(items.get('k7')).toBe(items.get('k7'));
    expect(parse).toHaveBeenCalledTimes(2);
    expect(items.find('owner', 'even').map((value) => value.n)).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    expect([...items.values()]).toHaveLength(100);
  });

  it('keeps the indices right when values never read are changed or removed, and compacts them as the bytes they are', async () => {
    const dir = await tempDir();
    await compacted(dir, 10);
    const items = await open(dir);
    await items.put('k1', item('k1', 'even', 100));
    await items.delete('k2');
    expect(items.count('owner', 'odd')).toBe(4);
    expect(items.count('owner', 'even')).toBe(5);
    expect(items.find('owner', 'even').map((value) => value.id)).toEqual(['k0', 'k4', 'k6', 'k8', 'k1']);
    // k3 is read, k5 never: both go into the next snapshot.
    expect(items.get('k3')).toEqual(item('k3', 'odd', 3));
    await items.compact();
    await items.close();

    const reopened = await open(dir);
    expect(reopened.pendingLogRecords).toBe(0);
    expect(reopened.size).toBe(9);
    expect(reopened.get('k1')).toEqual(item('k1', 'even', 100));
    expect(reopened.get('k2')).toBeUndefined();
    expect(reopened.get('k5')).toEqual(item('k5', 'odd', 5));
    expect(reopened.find('owner', 'odd').map((value) => value.id)).toEqual(['k3', 'k5', 'k7', 'k9']);
  });

  it('opens a snapshot of the earlier form (an upgraded data dir) and writes the compact form at the next compaction', async () => {
    const dir = await tempDir();
    const engine = new FileDocumentStore({ dir, groupCommitMs: 0 });
    const old = {
      s: [
        ['a', item('a', 'x', 1)],
        ['b', item('b', 'y', 2)],
      ],
      c: [['b'], ['c', item('c', 'x', 3)]],
    };
    await engine.compact('items', encoder.encode(JSON.stringify(old)));
    await engine.append('items', encoder.encode(JSON.stringify({ p: 'd', v: item('d', 'y', 4) })));
    await engine.close();

    const items = await open(dir);
    expect(items.size).toBe(3);
    expect(items.find('owner', 'x').map((value) => value.id)).toEqual(['a', 'c']);
    expect(items.get('d')).toEqual(item('d', 'y', 4));
    await items.compact();
    await items.close();
    const snapshot = await readFile(join(dir, 'items', 'snapshot.bin'));
    expect(snapshot.includes('{"z":2,')).toBe(true);

    const reopened = await open(dir);
    expect([...reopened.values()]).toEqual([item('a', 'x', 1), item('c', 'x', 3), item('d', 'y', 4)]);
  });

  it('indexes a snapshot anew when the collection has other indices than the snapshot names', async () => {
    const dir = await tempDir();
    await compacted(dir, 6);
    const items = await open(dir, { indexes: { owner: (value) => [value.owner], big: (value) => (value.n >= 4 ? ['yes'] : []) } });
    expect(items.find('big', 'yes').map((value) => value.id)).toEqual(['k4', 'k5']);
    expect(items.count('owner', 'even')).toBe(3);
  });

  it('cuts a torn log tail after a compact snapshot and keeps the snapshot and every whole record', async () => {
    const dir = await tempDir();
    await compacted(dir, 20);
    const items = await open(dir);
    await items.put('k0', item('k0', 'odd', 1000));
    await items.put('new', item('new', 'b'));
    await items.close();
    const segments = (await readdir(join(dir, 'items'))).filter((name) => name.startsWith('log-'));
    const segment = join(dir, 'items', segments.at(-1)!);
    const records = decodeRecords(await readFile(segment)).records;
    expect(records).toHaveLength(2);
    // A crash in the middle of the second record's write.
    await truncate(segment, (await stat(segment)).size - 5);

    const warn = vi.fn();
    const reopened = await open(dir, { logger: { warn } });
    expect(warn).toHaveBeenCalled();
    expect(reopened.size).toBe(20);
    expect(reopened.get('k0')).toEqual(item('k0', 'odd', 1000));
    expect(reopened.get('new')).toBeUndefined();
    expect(reopened.count('owner', 'odd')).toBe(11);
    expect(reopened.get('k19')).toEqual(item('k19', 'odd', 19));
  });

  it('refuses a snapshot whose values do not match its header, naming the file', async () => {
    const dir = await tempDir();
    const engine = new FileDocumentStore({ dir, groupCommitMs: 0 });
    const header = { z: 2, i: ['owner'], r: [['a', 500, ['x']]], c: [] };
    await engine.compact('items', encoder.encode(`${JSON.stringify(header)}\n${JSON.stringify(item('a', 'x'))}`));
    await engine.close();
    const failure = await open(dir).catch((error: unknown) => error);
    expect((failure as Error).message).toMatch(/^cannot read the items records: /);
    expect((failure as Error).message).toContain(join(dir, 'items', 'snapshot.bin'));
    expect((failure as Error).cause).toBeInstanceOf(DocumentStorageError);
  });

  it('compacts on close a collection that only grew, so the next start reads one snapshot', async () => {
    const dir = await tempDir();
    const items = await open(dir, { compactAfterRecords: 10 });
    for (let i = 0; i < 40; i++) await items.put(`k${i}`, item(`k${i}`));
    expect(items.compactions).toBe(0);
    await items.close();
    expect(items.compactions).toBe(1);
    const reopened = await open(dir, { compactAfterRecords: 10 });
    expect(reopened.pendingLogRecords).toBe(0);
    expect(reopened.size).toBe(40);
    expect(reopened.get('k39')).toEqual(item('k39'));
  });
});
