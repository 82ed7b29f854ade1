import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearLocalData } from '../../../lib/offline/clearLocalData';
import { deleteDatabase, openDatabase } from '../../../lib/offline/idb';
import { cacheKeys, LocalCache } from '../../../lib/offline/LocalCache';
import { belongsTo, cacheDbName, documentDbName, outboxDbName } from '../../../lib/offline/localNames';
import { Outbox } from '../../../lib/offline/Outbox';
import { registerConnection } from '../../../lib/offline/openConnections';
import { FakeServer, freshPerson, networkDown } from './outboxFakes';

async function createDatabase(name: string): Promise<IDBDatabase> {
  return openDatabase(name, 1, { upgrade: (db) => db.createObjectStore('s') });
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name!).sort();
}

/** An in-memory Cache Storage with the two methods clearLocalData uses. */
class MemoryCacheStorage {
  constructor(readonly names: Set<string>) {}
  async keys() {
    return [...this.names];
  }
  async delete(name: string) {
    return this.names.delete(name);
  }
}

describe('clearLocalData', () => {
  it('deletes exactly that person’s databases and the samskriv- page caches, even while they are open', async () => {
    const alice = freshPerson('alice');
    const bob = freshPerson('bob');
    const server = new FakeServer();
    server.handler = () => networkDown();
    const outbox = await Outbox.open(alice, {
      fetch: server.fetch,
      locks: null,
      onlineEvents: null,
      setTimer: () => 0,
      clearTimer: () => {},
    });
    await outbox.enqueue({
      documentId: 'd1',
      kind: 'comment',
      method: 'POST',
      url: '/api/documents/d1/comments',
      body: { text: 'x' },
      label: 'x',
    });
    const cache = await LocalCache.open(alice);
    await cache.set(cacheKeys.comments('d1'), { comments: [] });
    // A local document copy held open by someone who registered it (as the editor's y-indexeddb does).
    const docDb = await createDatabase(documentDbName(alice, 'd1'));
    docDb.onversionchange = null;
    registerConnection(documentDbName(alice, 'd1'), () => docDb.close());
    const bobsOutbox = await Outbox.open(bob, {
      fetch: server.fetch,
      locks: null,
      onlineEvents: null,
      setTimer: () => 0,
      clearTimer: () => {},
    });
    await bobsOutbox.whenIdle();
    (await createDatabase(documentDbName(bob, 'd1'))).close();
    (await createDatabase('unrelated')).close();
    const pageCaches = new MemoryCacheStorage(new Set(['samskriv-pages', 'samskriv-rsc', 'serwist-precache-v2']));

    const result = await clearLocalData(alice, { caches: pageCaches as unknown as CacheStorage });

    expect(result.deleted.sort()).toEqual([cacheDbName(alice), documentDbName(alice, 'd1'), outboxDbName(alice)].sort());
    expect(result.blocked).toEqual([]);
    expect(result.caches.sort()).toEqual(['samskriv-pages', 'samskriv-rsc']);
    expect([...pageCaches.names]).toEqual(['serwist-precache-v2']);
    const left = await databaseNames();
    expect(left.filter((name) => belongsTo(alice, name))).toEqual([]);
    expect(left).toEqual(expect.arrayContaining([outboxDbName(bob), documentDbName(bob, 'd1'), 'unrelated']));
    expect(outbox.isOpen).toBe(false);
    expect(cache.isOpen).toBe(false);
    expect(bobsOutbox.isOpen).toBe(true);

    // Opening the person's outbox again starts empty.
    const fresh = await Outbox.open(alice, { fetch: server.fetch, locks: null, onlineEvents: null });
    expect(fresh.list()).toEqual([]);
    await fresh.close();
    await bobsOutbox.close();
  });

  it('closes an outbox on versionchange when its database is deleted from elsewhere (another tab signing out)', async () => {
    const person = freshPerson();
    const server = new FakeServer();
    server.handler = () => networkDown();
    const outbox = await Outbox.open(person, {
      fetch: server.fetch,
      locks: null,
      onlineEvents: null,
      setTimer: () => 0,
      clearTimer: () => {},
    });
    // Not through clearLocalData: a plain deletion, as another tab's sign-out would do, without our registry.
    const outcome = await deleteDatabase(outboxDbName(person), { blockedTimeoutMs: 10_000 });
    expect(outcome).toEqual({ name: outboxDbName(person), deleted: true });
    expect(outbox.isOpen).toBe(false);
    expect(outbox.getSnapshot()).toEqual({ entries: [], sendingId: null, open: false });
    await expect(outbox.enqueue({ documentId: 'd', kind: 'comment', method: 'POST', url: '/api/x', label: 'x' })).rejects.toMatchObject({
      code: 'closed',
    });
  });

  it('finds databases from the LocalCache registry where indexedDB.databases() is missing', async () => {
    const person = freshPerson();
    const cache = await LocalCache.open(person);
    await cache.rememberDatabase(documentDbName(person, 'remembered'));
    await cache.set(cacheKeys.availableOffline('marked'), { title: 'x' });
    cache.close();
    (await createDatabase(documentDbName(person, 'remembered'))).close();
    (await createDatabase(documentDbName(person, 'marked'))).close();

    const withoutList = new Proxy(indexedDB, {
      get: (target, key) => (key === 'databases' ? undefined : Reflect.get(target, key, target)),
    }) as IDBFactory;
    const result = await clearLocalData(person, { indexedDB: withoutList, caches: null });
    expect(result.deleted).toEqual(expect.arrayContaining([documentDbName(person, 'remembered'), documentDbName(person, 'marked')]));
    expect((await databaseNames()).filter((name) => belongsTo(person, name))).toEqual([]);
  });

  it('reports a deletion another connection keeps blocked instead of waiting forever', async () => {
    const person = freshPerson();
    const stubborn = await createDatabase(documentDbName(person, 'd'));
    stubborn.onversionchange = null; // a tab that ignores versionchange
    const result = await clearLocalData(person, { caches: null, blockedTimeoutMs: 10 });
    expect(result.blocked).toEqual([documentDbName(person, 'd')]);
    stubborn.close();
  });
});
