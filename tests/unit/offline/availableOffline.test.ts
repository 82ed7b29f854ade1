import { describe, expect, it } from 'vitest';
import { availableOfflineKey, keptDocuments, markKept, unmarkKept, type KeyValueStore } from '../../../lib/offline/availableOffline';

/** The LocalCache contract over a Map (JSON copies, keys by prefix in order). */
function memoryStore(): KeyValueStore & { raw: Map<string, unknown> } {
  const raw = new Map<string, unknown>();
  return {
    raw,
    get: async <T>(key: string) => raw.get(key) as T | undefined,
    set: async (key, value) => void raw.set(key, JSON.parse(JSON.stringify(value))),
    delete: async (key) => void raw.delete(key),
    keys: async (prefix = '') => [...raw.keys()].filter((key) => key.startsWith(prefix)).sort(),
  };
}

describe('documents kept available offline', () => {
  it('marks, lists and unmarks, under the offline: keys of the person cache', async () => {
    const store = memoryStore();
    await markKept(store, 'doc-a', 'Madpakker til toget', new Date('2026-11-26T10:00:00Z'));
    await markKept(store, 'doc-b', 'Køreplan', new Date('2026-11-26T11:00:00Z'));
    expect(store.raw.get(availableOfflineKey('doc-a'))).toEqual({ title: 'Madpakker til toget', markedAt: '2026-11-26T10:00:00.000Z' });
    expect([...(await keptDocuments(store)).keys()]).toEqual(['doc-a', 'doc-b']);

    await unmarkKept(store, 'doc-a');
    expect([...(await keptDocuments(store)).entries()]).toEqual([['doc-b', { title: 'Køreplan', markedAt: '2026-11-26T11:00:00.000Z' }]]);
  });

  it('ignores other keys and malformed entries (the store is the browser’s, anything may be in it)', async () => {
    const store = memoryStore();
    await store.set('comments:doc-a', { revision: 1 });
    await store.set(availableOfflineKey('broken'), { title: 42 });
    await store.set(availableOfflineKey('null'), null);
    await markKept(store, 'ok', 'Fint');
    expect([...(await keptDocuments(store)).keys()]).toEqual(['ok']);
  });
});
