/**
 * The attribution contract against the memory and file stores, and on disk: it survives a new
 * store over the same directory, and a data dir written without attribution (before issue 12)
 * loads as it did, with none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { attributionContract } from './attributionContract';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('attributed');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const texts = (list: readonly Uint8Array[] | null | undefined): string[] | null =>
  list ? list.map((u) => new TextDecoder().decode(u)) : null;

attributionContract('MemoryDocumentStore', async () => new MemoryDocumentStore());
attributionContract('FileDocumentStore', async () => new FileDocumentStore({ dir: await tempDir(), groupCommitMs: 2 }));

describe('FileDocumentStore: attribution on disk', () => {
  const open: FileDocumentStore[] = [];
  const storeIn = (dir: string): FileDocumentStore => {
    const store = new FileDocumentStore({ dir, groupCommitMs: 2 });
    open.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  it('finds the attribution again in a new store over the same directory, before and after a compaction', async () => {
    const dir = await tempDir();
    const first = storeIn(dir);
    await first.append('doc', bytes('u1'), bytes('by-a'));
    await first.append('doc', bytes('u2'), bytes('by-b'));
    await first.close();
    const second = storeIn(dir);
    expect(texts((await second.loadAttributed('doc'))?.attribution)).toEqual(['by-a', 'by-b']);
    await second.compact('doc', bytes('snap'), bytes('table'));
    await second.append('doc', bytes('u3'), bytes('by-c'));
    await second.close();
    const third = storeIn(dir);
    const loaded = await third.loadAttributed('doc');
    expect(texts(loaded?.updates)).toEqual(['snap', 'u3']);
    expect(texts(loaded?.attribution)).toEqual(['table', 'by-c']);
    // The stats count what is on disk (the record with its attribution), which compaction thresholds are about.
    expect(third.stats('doc').bytes).toBeGreaterThan('u3'.length);
  });

  it('loads a data dir written without attribution exactly as before', async () => {
    const dir = await tempDir();
    const old = storeIn(dir);
    await old.append('doc', bytes('legacy-1'));
    await old.compact('doc', bytes('legacy-snapshot'));
    await old.append('doc', bytes('legacy-2'));
    await old.close();
    const now = storeIn(dir);
    expect(texts(await now.load('doc'))).toEqual(['legacy-snapshot', 'legacy-2']);
    expect((await now.loadAttributed('doc'))?.attribution).toEqual([]);
    // and new appends beside them carry theirs
    await now.append('doc', bytes('new'), bytes('by-a'));
    expect(texts((await storeIn(dir).loadAttributed('doc'))?.attribution)).toEqual(['by-a']);
  });
});
