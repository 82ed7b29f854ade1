/**
 * CachedVersionStore: the VersionStore contract still holds through it, a version read once is not
 * read from the store again, the cache is bounded by bytes (LRU), a version larger than the bound
 * and a miss are not kept.
 */
import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import type { DocumentVersion } from '../../../lib/versions/model';
import { CachedVersionStore, versionBytes } from '../../../server/versions/CachedVersionStore';
import { MemoryVersionStore } from '../../../server/versions/MemoryVersionStore';
import { sampleVersion, versionStoreContract } from './versionStoreContract';

versionStoreContract('CachedVersionStore over MemoryVersionStore', {
  make: async () => new CachedVersionStore(new MemoryVersionStore(), 32 * 1024 * 1024),
});

/** A memory store that counts the reads that reach it. */
class CountingStore extends MemoryVersionStore {
  readonly reads: string[] = [];
  override get(documentId: string, number: number): Promise<DocumentVersion | null> {
    this.reads.push(`${documentId}/${number}`);
    return super.get(documentId, number);
  }
}

async function storeWith(...versions: ReturnType<typeof sampleVersion>[]): Promise<CountingStore> {
  const inner = new CountingStore();
  for (const version of versions) await inner.add(version);
  return inner;
}

const bytesOf = async (inner: CountingStore, documentId: string, number: number) => versionBytes((await inner.get(documentId, number))!);

describe('CachedVersionStore', () => {
  it('reads a version from the store once, and hands out copies of it', async () => {
    const stored = sampleVersion('docA', 1);
    const inner = await storeWith(stored);
    const store = new CachedVersionStore(inner, 1024 * 1024);
    const first = await store.get('docA', 1);
    (first!.content.body.content as JSONContent[]).length = 0;
    first!.content.yjsState.fill(0);
    const second = await store.get('docA', 1);
    const third = await store.get('docA', 1);
    expect(inner.reads).toEqual(['docA/1']);
    expect(second!.content.body).toEqual(stored.content.body);
    expect(second!.content.yjsState).toEqual(stored.content.yjsState);
    expect(third).toEqual(second);
    expect(third).not.toBe(second);
  });

  it('keeps versions up to the byte bound, evicting the least recently used', async () => {
    const inner = await storeWith(sampleVersion('docA', 1), sampleVersion('docB', 1), sampleVersion('docC', 1));
    // Sizes differ by a byte or so (a Yjs client id is a varint of random length).
    const [a, b, c] = [await bytesOf(inner, 'docA', 1), await bytesOf(inner, 'docB', 1), await bytesOf(inner, 'docC', 1)];
    inner.reads.length = 0;
    // Room for A with B and for A with C, never for all three.
    const store = new CachedVersionStore(inner, Math.max(a + b, a + c));
    await store.get('docA', 1);
    await store.get('docB', 1);
    await store.get('docA', 1); // docB is now the least recently used
    await store.get('docC', 1); // evicts docB
    expect(store.cached()).toEqual({ versions: 2, bytes: a + c });
    await store.get('docA', 1);
    await store.get('docC', 1);
    expect(inner.reads).toEqual(['docA/1', 'docB/1', 'docC/1']);
    await store.get('docB', 1);
    expect(inner.reads).toEqual(['docA/1', 'docB/1', 'docC/1', 'docB/1']);
  });

  it('does not keep a version larger than the bound', async () => {
    const inner = await storeWith(sampleVersion('docA', 1));
    const store = new CachedVersionStore(inner, (await bytesOf(inner, 'docA', 1)) - 1);
    inner.reads.length = 0;
    expect((await store.get('docA', 1))!.number).toBe(1);
    expect((await store.get('docA', 1))!.number).toBe(1);
    expect(inner.reads).toEqual(['docA/1', 'docA/1']);
    expect(store.cached()).toEqual({ versions: 0, bytes: 0 });
  });

  it('does not keep a miss: a version stored after it was asked for is found', async () => {
    const inner = new CountingStore();
    const store = new CachedVersionStore(inner, 1024 * 1024);
    expect(await store.get('docA', 1)).toBeNull();
    expect(await store.add(sampleVersion('docA', 1))).toBe('added');
    expect((await store.get('docA', 1))!.number).toBe(1);
    expect(inner.reads).toEqual(['docA/1', 'docA/1']);
  });
});
