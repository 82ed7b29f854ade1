/**
 * The attribution part of the DocumentStore contract (lib/storage/DocumentStore.ts): what `append`
 * and `compact` are given beside the update is stored with it and comes back from `loadAttributed`
 * in order; `load` never sees it; records and snapshots without any (data from before) still load.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentStore } from '../../../lib/storage/DocumentStore';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const texts = (list: readonly Uint8Array[] | null | undefined): string[] | null =>
  list ? list.map((u) => new TextDecoder().decode(u)) : null;

export function attributionContract(name: string, fresh: () => Promise<DocumentStore>): void {
  describe(`${name}: attribution with the updates`, () => {
    it('returns each update’s attribution with it, and load returns the bare updates', async () => {
      const store = await fresh();
      await store.append('doc', bytes('u1'), bytes('by-a'));
      await store.append('doc', bytes('u2')); // stored without (as everything before attribution)
      await Promise.all([store.append('doc', bytes('u3'), bytes('by-b')), store.append('doc', bytes('u4'), bytes('by-c'))]);
      expect(texts(await store.load('doc'))).toEqual(['u1', 'u2', 'u3', 'u4']);
      const loaded = await store.loadAttributed!('doc');
      expect(texts(loaded?.updates)).toEqual(['u1', 'u2', 'u3', 'u4']);
      expect(texts(loaded?.attribution)).toEqual(['by-a', 'by-b', 'by-c']);
      expect(await store.loadAttributed!('nothing-here')).toBeNull();
      // A store several nodes share also reads the attribution alone, in the same order.
      if (store.readAttribution) {
        expect(texts(await store.readAttribution('doc'))).toEqual(['by-a', 'by-b', 'by-c']);
        expect(await store.readAttribution('nothing-here')).toEqual([]);
      }
      await store.close();
    });

    it('keeps the attribution given to compact with the snapshot, and what was appended after it', async () => {
      const store = await fresh();
      await store.append('doc', bytes('u1'), bytes('by-a'));
      await store.compact('doc', bytes('snapshot'), bytes('table-a'));
      await store.append('doc', bytes('u2'), bytes('by-b'));
      const loaded = await store.loadAttributed!('doc');
      expect(texts(loaded?.updates)).toEqual(['snapshot', 'u2']);
      expect(texts(loaded?.attribution)).toEqual(['table-a', 'by-b']);
      expect(texts(await store.load('doc'))).toEqual(['snapshot', 'u2']);
      if (store.readAttribution) expect(texts(await store.readAttribution('doc'))).toEqual(['table-a', 'by-b']);
      await store.close();
    });

    it('a compaction without attribution (a history reset) leaves none for what it replaced', async () => {
      const store = await fresh();
      await store.append('doc', bytes('u1'), bytes('by-a'));
      await store.compact('doc', bytes('fresh body'));
      const loaded = await store.loadAttributed!('doc');
      expect(texts(loaded?.updates)).toEqual(['fresh body']);
      expect(loaded?.attribution).toEqual([]);
      await store.close();
    });
  });
}
