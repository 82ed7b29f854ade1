import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheKeys, LocalCache, LocalCacheError } from '../../../lib/offline/LocalCache';
import { freshPerson } from './outboxFakes';

const opened: LocalCache[] = [];
afterEach(() => opened.splice(0).forEach((cache) => cache.close()));

async function open(person: string) {
  const cache = await LocalCache.open(person);
  opened.push(cache);
  return cache;
}

describe('LocalCache', () => {
  it('stores JSON values by key, lists keys by prefix, deletes, and keeps them across re-open', async () => {
    const person = freshPerson();
    const cache = await open(person);
    const response = { revision: 4, comments: [{ id: 'c1', text: 'Hej' }], at: new Date('2026-11-20T10:00:00Z') };
    await cache.set(cacheKeys.comments('d1'), response);
    await cache.set(cacheKeys.epoch('d1'), 'epoch-3');
    await cache.set(cacheKeys.availableOffline('d1'), { title: 'Cykelsti', markedAt: '2026-11-20' });
    await cache.set(cacheKeys.availableOffline('d2'), { title: 'Legeplads', markedAt: '2026-11-21' });

    // Dates become strings, as over the network; the stored value is a copy.
    expect(await cache.get(cacheKeys.comments('d1'))).toEqual({ ...response, at: '2026-11-20T10:00:00.000Z' });
    expect(await cache.get('missing')).toBeUndefined();
    expect(await cache.keys(cacheKeys.availableOfflinePrefix)).toEqual(['offline:d1', 'offline:d2']);
    expect(await cache.keys()).toEqual(['comments:d1', 'epoch:d1', 'offline:d1', 'offline:d2']);

    await cache.delete(cacheKeys.availableOffline('d1'));
    cache.close();
    const again = await open(person);
    expect(await again.keys(cacheKeys.availableOfflinePrefix)).toEqual(['offline:d2']);
    expect(await again.get<string>(cacheKeys.epoch('d1'))).toBe('epoch-3');
  });

  it('is per person', async () => {
    const alice = await open(freshPerson('alice'));
    const bob = await open(freshPerson('bob'));
    await alice.set('k', 1);
    expect(await bob.get('k')).toBeUndefined();
  });

  it('remembers the person’s other databases', async () => {
    const cache = await open(freshPerson());
    await cache.rememberDatabase('samskriv:x:doc:1');
    await cache.rememberDatabase('samskriv:x:doc:2');
    expect(await cache.rememberedDatabases()).toEqual(['samskriv:x:doc:1', 'samskriv:x:doc:2']);
  });

  it('refuses values JSON cannot hold, bad keys, and use after close', async () => {
    const cache = await open(freshPerson());
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(cache.set('k', cyclic)).rejects.toBeInstanceOf(LocalCacheError);
    await expect(cache.set('k', undefined)).rejects.toBeInstanceOf(LocalCacheError);
    await expect(cache.set('k', () => 1)).rejects.toBeInstanceOf(LocalCacheError);
    await expect(cache.set('', 1)).rejects.toBeInstanceOf(LocalCacheError);
    await expect(cache.get('x'.repeat(501))).rejects.toBeInstanceOf(LocalCacheError);
    cache.close();
    await expect(cache.get('k')).rejects.toThrow('closed');
  });
});
