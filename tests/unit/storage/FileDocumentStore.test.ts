import { existsSync } from 'node:fs';
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeRecords } from '../../../lib/storage/logRecord';
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
  const storeIn = (dir: string, groupCommitMs = 2): FileDocumentStore => {
    const store = new FileDocumentStore({ dir, groupCommitMs });
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
    // The store's own setImmediate (group commit window 0) runs before this one: the write is under way.
    await new Promise((resolve) => setImmediate(resolve));
    const rest = Array.from({ length: 100 }, (_, i) => store.append('doc', bytes(`later ${i}`)));
    await Promise.all([first, ...rest]);
    expect(store.io.logSyncs).toBe(3);
    expect(await store.load('doc')).toHaveLength(102);
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
