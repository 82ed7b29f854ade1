import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecord } from '../../../lib/storage/logRecord';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { documentStoreContract } from './documentStoreContract';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('docs');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const texts = (updates: Uint8Array[] | null): string[] | null => updates && updates.map((u) => new TextDecoder().decode(u));

documentStoreContract('FileDocumentStore', async () => new FileDocumentStore({ dir: await tempDir(), groupCommitMs: 2 }));

describe('FileDocumentStore on disk', () => {
  const open: FileDocumentStore[] = [];
  const storeIn = (dir: string, groupCommitMs = 2, segmentPreallocationBytes?: number): FileDocumentStore => {
    const store = new FileDocumentStore({ dir, groupCommitMs, segmentPreallocationBytes });
    open.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  it('finds everything again in a new store over the same directory', async () => {
    const dir = await tempDir();
    const first = storeIn(dir);
    await first.append('doc', bytes('a'));
    await first.compact('doc', bytes('snapshot'));
    await first.append('doc', bytes('b'));
    await first.close();

    const second = storeIn(dir);
    expect(texts(await second.load('doc'))).toEqual(['snapshot', 'b']);
    expect(second.stats('doc')).toEqual({ records: 1, bytes: 1 });
    await second.append('doc', bytes('c'));
    expect(texts(await storeIn(dir).load('doc'))).toEqual(['snapshot', 'b', 'c']);
  });

  it('has the record written and fsynced in the log file when append resolves', async () => {
    const dir = await tempDir();
    const store = storeIn(dir);
    await store.append('doc', bytes('durable'));
    expect(store.io.logSyncs).toBe(1);
    const [segment] = (await readdir(join(dir, 'doc'))).filter((name) => name.startsWith('log-'));
    const decoded = decodeRecords(await readFile(join(dir, 'doc', segment!)));
    expect(texts(decoded.records)).toEqual(['durable']);
    expect(decoded.torn).toBe(false);
  });

  it('writes many concurrent appends with one write and one fsync', async () => {
    const store = storeIn(await tempDir(), 5);
    const resolved: number[] = [];
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.append('doc', bytes(`u${i}`)).then(() => resolved.push(i))));
    expect(store.io.logSyncs).toBe(1);
    expect(store.io.logWrites).toBe(1);
    expect(resolved).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(await store.load('doc')).toHaveLength(200);
  });

  it('gathers appends that arrive while an fsync is in flight into the next single fsync', async () => {
    const store = storeIn(await tempDir(), 0);
    await store.append('doc', bytes('opened')); // so the next write does not wait for the first read
    const first = store.append('doc', bytes('first'));
    // The store's own microtask (group commit window 0) has run by then: the write is under way.
    await new Promise((resolve) => setImmediate(resolve));
    const rest = Array.from({ length: 100 }, (_, i) => store.append('doc', bytes(`later ${i}`)));
    await Promise.all([first, ...rest]);
    expect(store.io.logSyncs).toBe(3);
    expect(await store.load('doc')).toHaveLength(102);
  });

  it('writes records into a preallocated segment and cuts the unused zeros off on release', async () => {
    const dir = await tempDir();
    const store = storeIn(dir, 0);
    const segment = join(dir, 'doc', 'log-0000000001.bin');
    await store.append('doc', bytes('first'));
    // The first chunk of zeros is small (64 KiB); later ones double, up to 1 MiB.
    expect((await stat(segment)).size).toBe(encodeRecord(bytes('first')).byteLength + 64 * 1024);
    expect(store.io.preallocations).toBe(1);
    await store.append('doc', bytes('second'));
    expect(store.io).toMatchObject({ logWrites: 2, logSyncs: 2, preallocations: 1 });
    const data = Buffer.concat([encodeRecord(bytes('first')), encodeRecord(bytes('second'))]);
    expect((await readFile(segment)).subarray(0, data.byteLength + 1).equals(Buffer.concat([data, Buffer.alloc(1)]))).toBe(true);

    await store.release('doc');
    expect((await readFile(segment)).equals(data)).toBe(true);
    // Appends after the release preallocate again, after the last record.
    await store.append('doc', bytes('third'));
    expect(texts(await store.load('doc'))).toEqual(['first', 'second', 'third']);
    expect(store.stats('doc')).toEqual({ records: 3, bytes: 16 });
  });

  it('grows a segment in chunks, ahead of the writes, without losing or tearing a record', async () => {
    const dir = await tempDir();
    const store = storeIn(dir, 0, 4096);
    const expected: string[] = [];
    for (let i = 0; i < 400; i++) {
      const text = `update number ${i} `.padEnd(20 + (i % 50), '.');
      expected.push(text);
      if (i % 7 === 0) await Promise.all([store.append('doc', bytes(text)), store.append('doc', bytes(`${text}!`))]);
      else await store.append('doc', bytes(text));
      if (i % 7 === 0) expected.push(`${text}!`);
    }
    // ~20 KiB of records in 4 KiB chunks: grown several times, nearly always ahead (in the background).
    expect(store.io.preallocations).toBeGreaterThan(4);
    const segment = join(dir, 'doc', 'log-0000000001.bin');
    const decoded = decodeRecords(await readFile(segment));
    expect(texts(decoded.records)).toEqual(expected);
    expect(decoded.torn).toBe(false);
    await store.close();
    expect((await stat(segment)).size).toBe(decoded.validBytes);
    expect(texts(await storeIn(dir).load('doc'))).toEqual(expected);
  });

  it('doubles the chunks of zeros from 64 KiB up to the limit, never far ahead of the data', async () => {
    const dir = await tempDir();
    const limit = 256 * 1024;
    const store = storeIn(dir, 0, limit);
    const segment = join(dir, 'doc', 'log-0000000001.bin');
    const sizes: number[] = [];
    for (let i = 0; i < 100; i++) {
      await store.append('doc', new Uint8Array(6000).fill(1 + (i % 255)));
      const size = (await stat(segment)).size;
      if (size !== sizes.at(-1)) sizes.push(size);
      expect(size - 6008 * (i + 1), `zeros ahead after ${i + 1} records`).toBeLessThanOrEqual(limit * 1.25);
    }
    expect(sizes[0]).toBe(6008 + 64 * 1024);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]! - sizes[i - 1]!).toBeLessThanOrEqual(limit);
    // ~600 KB: 64 KiB chunks would take ten; doubling (70, 70, 140, 256, 256 KiB) takes five.
    expect(store.io.preallocations).toBeGreaterThanOrEqual(4);
    expect(store.io.preallocations).toBeLessThanOrEqual(6);
    expect(await store.load('doc')).toHaveLength(100);
  });

  it('preallocates room for a few of its largest batches when they outgrow the chunks, so batches keep going into zeros', async () => {
    const dir = await tempDir();
    // 16 KiB chunks (a comment stream's) and batches of 24 records of 1 KB: each batch is larger than a chunk.
    const store = storeIn(dir, 0, 16 * 1024);
    const expected: number[] = [];
    for (let batch = 0; batch < 40; batch++) {
      const records = Array.from({ length: 24 }, (_, i) => batch * 24 + i);
      expected.push(...records);
      await Promise.all(records.map((n) => store.append('doc', new Uint8Array(1000).fill(n % 251))));
    }
    // 40 batches of ~24 KB: with 16 KiB chunks each would extend the file; with room for four, about one in three does.
    expect(store.io.logWrites).toBe(40);
    expect(store.io.preallocations).toBeLessThanOrEqual(15);
    const loaded = (await store.load('doc'))!;
    expect(loaded.map((record) => record[0])).toEqual(expected.map((n) => n % 251));
    await store.close();
    const segment = join(dir, 'doc', 'log-0000000001.bin');
    expect((await stat(segment)).size).toBe(decodeRecords(await readFile(segment)).validBytes);
  });

  it('keeps only the snapshot on disk for a compacted and released document', async () => {
    const dir = await tempDir();
    const store = storeIn(dir);
    for (let i = 0; i < 20; i++) await store.append('doc', bytes(`edit ${i}`));
    await store.compact('doc', bytes('the whole document'));
    await store.release('doc');
    expect(await readdir(join(dir, 'doc'))).toEqual(['snapshot.bin']);
    // Also when the compaction is followed by appends that the release makes durable.
    await store.append('doc', bytes('one more'));
    await store.compact('doc', bytes('the whole document, again'));
    await store.release('doc');
    expect(await readdir(join(dir, 'doc'))).toEqual(['snapshot.bin']);
    expect(texts(await storeIn(dir).load('doc'))).toEqual(['the whole document, again']);
  });

  it('does not count a segment of nothing but zeros (a crash right after preallocating) as a document', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'doc'), { recursive: true });
    await writeFile(join(dir, 'doc', 'log-0000000001.bin'), new Uint8Array(64 * 1024), { mode: 0o600 });
    const store = storeIn(dir);
    expect(await store.exists('doc')).toBe(false);
    expect(await store.load('doc')).toBeNull();
    await store.append('doc', bytes('created'));
    expect(await store.exists('doc')).toBe(true);
    expect(texts(await storeIn(dir).load('doc'))).toEqual(['created']);
  });

  it('leaves only the snapshot and the newer log segment after compaction', async () => {
    const dir = await tempDir();
    const store = storeIn(dir);
    await store.append('doc', bytes('a'));
    const compacted = store.compact('doc', bytes('s'));
    const after = store.append('doc', bytes('b'));
    await Promise.all([compacted, after]);
    expect((await readdir(join(dir, 'doc'))).sort()).toEqual(['log-0000000002.bin', 'snapshot.bin']);
  });

  it('keeps document files readable by the server user only', async () => {
    const dir = await tempDir();
    const store = storeIn(dir);
    await store.append('doc', bytes('private'));
    await store.compact('doc', bytes('snapshot'));
    await store.append('doc', bytes('more'));
    expect((await stat(join(dir, 'doc'))).mode & 0o777).toBe(0o700);
    for (const name of await readdir(join(dir, 'doc'))) expect((await stat(join(dir, 'doc', name))).mode & 0o777, name).toBe(0o600);
  });

  it('creates no directory when loading or probing an unknown document', async () => {
    const dir = await tempDir();
    const store = storeIn(dir);
    expect(await store.load('nothing')).toBeNull();
    expect(await store.exists('nothing')).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses document ids that are not safe file names before touching the disk', async () => {
    const dir = await tempDir();
    const store = storeIn(dir);
    for (const id of ['', '../escape', 'a/b', 'x'.repeat(65), 'dot.dot']) {
      await expect(store.append(id, bytes('x'))).rejects.toThrow(TypeError);
      await expect(store.load(id)).rejects.toThrow(TypeError);
      await expect(store.compact(id, bytes('x'))).rejects.toThrow(TypeError);
    }
    expect(await readdir(dir)).toEqual([]);
    expect(existsSync(join(dir, '..', 'escape'))).toBe(false);
  });

  it('ends like the memory store after interleaved appends, compactions, loads and releases', async () => {
    const dir = await tempDir();
    const file = storeIn(dir, 1);
    const memory = new MemoryDocumentStore();
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pending: Promise<unknown>[] = [];
    const docs = ['one', 'two', 'three'];
    for (let step = 0; step < 600; step++) {
      const id = docs[random(docs.length)]!;
      const roll = random(100);
      if (roll < 80) {
        const update = bytes(`${id} ${step}`);
        pending.push(file.append(id, update), memory.append(id, update));
      } else if (roll < 88) {
        const snapshot = bytes(`${id} snapshot at ${step}`);
        pending.push(file.compact(id, snapshot), memory.compact(id, snapshot));
      } else if (roll < 94) {
        pending.push(file.load(id));
      } else if (roll < 98) {
        pending.push(file.release(id));
      } else {
        await Promise.all(pending.splice(0));
      }
    }
    await Promise.all(pending);
    for (const id of docs) {
      expect(texts(await file.load(id)), id).toEqual(texts(await memory.load(id)));
      expect(file.stats(id), id).toEqual(memory.stats(id));
      expect(texts(await storeIn(dir).load(id)), `${id} after reopening`).toEqual(texts(await memory.load(id)));
    }
  });

  it('rejects appends after close', async () => {
    const store = storeIn(await tempDir());
    await store.close();
    await expect(store.append('doc', bytes('late'))).rejects.toThrow(/closed/);
  });

  it.runIf(existsSync('/proc/self/fd'))('closes the log file of a released document', async () => {
    const dir = await tempDir();
    const store = storeIn(dir);
    const openLogs = async (): Promise<number> => {
      let count = 0;
      for (const fd of await readdir('/proc/self/fd')) {
        const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
        if (target.startsWith(join(dir, 'doc'))) count++;
      }
      return count;
    };
    await store.append('doc', bytes('a'));
    expect(await openLogs()).toBe(1);
    await store.release('doc');
    expect(await openLogs()).toBe(0);
    expect(texts(await store.load('doc'))).toEqual(['a']);
  });
});
