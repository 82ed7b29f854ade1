/**
 * The DocumentStore contract (lib/storage/DocumentStore.ts), run against every implementation:
 * MemoryDocumentStore.test.ts and FileDocumentStore.test.ts call `documentStoreContract`; the part
 * that types thousands of trace edits, `documentStoreTraceContract`, runs in the `slow` project
 * (the *.slow.test.ts files beside them).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from '../../../lib/storage/DocumentStore';
import { docFromUpdates, traceWriters } from './traceUpdates';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const texts = (updates: Uint8Array[] | null): string[] | null => updates && updates.map((u) => new TextDecoder().decode(u));

export function documentStoreContract(name: string, makeStore: () => DocumentStore | Promise<DocumentStore>): void {
  describe(`${name} (DocumentStore contract)`, () => {
    let store: DocumentStore;

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('loads null, does not exist and has no growth for an unknown document', async () => {
      expect(await store.load('unknown')).toBeNull();
      expect(await store.exists('unknown')).toBe(false);
      expect(store.stats('unknown')).toEqual({ records: 0, bytes: 0 });
    });

    it('returns appended updates in call order, also when the appends run concurrently', async () => {
      await store.append('doc', bytes('first'));
      await Promise.all(Array.from({ length: 50 }, (_, i) => store.append('doc', bytes(`concurrent ${i}`))));
      await store.append('doc', bytes('last'));
      expect(texts(await store.load('doc'))).toEqual(['first', ...Array.from({ length: 50 }, (_, i) => `concurrent ${i}`), 'last']);
    });

    it('resolves concurrent appends to one document in call order', async () => {
      const resolved: number[] = [];
      await Promise.all(Array.from({ length: 30 }, (_, i) => store.append('doc', bytes(String(i))).then(() => resolved.push(i))));
      expect(resolved).toEqual(Array.from({ length: 30 }, (_, i) => i));
    });

    it('refuses an empty update and stores nothing for it', async () => {
      await expect(store.append('doc', new Uint8Array(0))).rejects.toThrow(RangeError);
      expect(store.stats('doc')).toEqual({ records: 0, bytes: 0 });
      await store.append('doc', bytes('real'));
      expect(texts(await store.load('doc'))).toEqual(['real']);
    });

    it('keeps documents apart', async () => {
      await Promise.all([store.append('a', bytes('a1')), store.append('b', bytes('b1')), store.append('a', bytes('a2'))]);
      expect(texts(await store.load('a'))).toEqual(['a1', 'a2']);
      expect(texts(await store.load('b'))).toEqual(['b1']);
    });

    it('stores copies: changing a buffer after append or after load changes nothing stored', async () => {
      const update = bytes('original');
      const appended = store.append('doc', update);
      update.fill(0);
      await appended;
      const loaded = await store.load('doc');
      loaded![0]!.fill(0);
      expect(texts(await store.load('doc'))).toEqual(['original']);
    });

    it('exists once something was appended or compacted into it', async () => {
      await store.append('appended', bytes('x'));
      await store.compact('compacted', bytes('snapshot'));
      expect(await store.exists('appended')).toBe(true);
      expect(await store.exists('compacted')).toBe(true);
      expect(texts(await store.load('compacted'))).toEqual(['snapshot']);
    });

    it('flush resolves once earlier appends are stored', async () => {
      const appends = [store.append('doc', bytes('1')), store.append('other', bytes('2'))];
      await store.flush('doc');
      await store.flush();
      await Promise.all(appends);
      expect(texts(await store.load('doc'))).toEqual(['1']);
      expect(texts(await store.load('other'))).toEqual(['2']);
    });

    it('counts records and payload bytes appended since the last snapshot', async () => {
      await store.append('doc', bytes('abc'));
      await store.append('doc', bytes('de'));
      expect(store.stats('doc')).toEqual({ records: 2, bytes: 5 });
      await store.compact('doc', bytes('snapshot'));
      expect(store.stats('doc')).toEqual({ records: 0, bytes: 0 });
      await store.append('doc', bytes('fgh'));
      expect(store.stats('doc')).toEqual({ records: 1, bytes: 3 });
    });

    it('compaction replaces what was appended before the call and keeps what was appended after it', async () => {
      const before = [store.append('doc', bytes('a')), store.append('doc', bytes('b'))];
      const compacted = store.compact('doc', bytes('snapshot of a+b'));
      const after = [store.append('doc', bytes('c')), store.append('doc', bytes('d'))];
      await Promise.all([...before, compacted, ...after]);
      expect(texts(await store.load('doc'))).toEqual(['snapshot of a+b', 'c', 'd']);
      expect(store.stats('doc')).toEqual({ records: 2, bytes: 2 });
    });

    it('a later compaction replaces the earlier snapshot', async () => {
      await store.append('doc', bytes('a'));
      await store.compact('doc', bytes('s1'));
      await store.append('doc', bytes('b'));
      await store.compact('doc', bytes('s2'));
      await store.append('doc', bytes('c'));
      expect(texts(await store.load('doc'))).toEqual(['s2', 'c']);
    });

    it('keeps the data of a released document', async () => {
      await store.append('doc', bytes('kept'));
      await store.release?.('doc');
      expect(texts(await store.load('doc'))).toEqual(['kept']);
      await store.append('doc', bytes('more'));
      expect(texts(await store.load('doc'))).toEqual(['kept', 'more']);
    });
  });
}

/** The contract's trace-replaying part: real Yjs updates by the thousand, so a slow test by nature. */
export function documentStoreTraceContract(name: string, makeStore: () => DocumentStore | Promise<DocumentStore>): void {
  describe(`${name} (DocumentStore contract, trace replays)`, () => {
    let store: DocumentStore;

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('loads a Yjs document equal to the one compacted, with the edits after compaction kept', async () => {
      const appends: Promise<void>[] = [];
      const writers = traceWriters((update) => appends.push(store.append('paper', update)));
      try {
        writers.type(1200);
        const compacted = store.compact('paper', Y.encodeStateAsUpdate(writers.a));
        writers.type(400); // typed while the compaction runs
        appends.push(compacted);
        await Promise.all(appends);

        const loaded = docFromUpdates((await store.load('paper'))!);
        expect(writers.a.getText('body').toString()).toBe(writers.expected);
        expect(loaded.getText('body').toString()).toBe(writers.expected);
        expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(writers.a));
        expect(store.stats('paper').records).toBeGreaterThan(0);
        expect(store.stats('paper').records).toBeLessThan(appends.length - 1);
        loaded.destroy();
      } finally {
        writers.destroy();
      }
    });

    it('keeps the Yjs state equal across repeated compactions', async () => {
      const appends: Promise<void>[] = [];
      const writers = traceWriters((update) => appends.push(store.append('paper', update)));
      try {
        for (let round = 0; round < 4; round++) {
          writers.type(300);
          appends.push(store.compact('paper', Y.encodeStateAsUpdate(writers.b)));
        }
        writers.type(100);
        await Promise.all(appends);
        const loaded = docFromUpdates((await store.load('paper'))!);
        expect(loaded.getText('body').toString()).toBe(writers.expected);
        expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(writers.b));
        loaded.destroy();
      } finally {
        writers.destroy();
      }
    });
  });
}
