/**
 * The ApiKeyStore contract (lib/apiKeys/ApiKeyStore.ts), run against every implementation:
 * MemoryApiKeyStore.test.ts and LowApiKeyStore.test.ts call `apiKeyStoreContract`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey, ApiKeyStore } from '../../../lib/apiKeys/ApiKeyStore';

export function sampleKey(id: string, createdAt = '2026-11-26T10:00:00.000Z', overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id,
    name: `Nøgle ${id}`,
    hash: `hash-${id}`,
    prefix: 'sk_abcd',
    scopes: ['documents:read', 'tokens:mint'],
    createdBy: 'p_admin',
    createdAt,
    revokedAt: null,
    ...overrides,
  };
}

export function apiKeyStoreContract(name: string, makeStore: () => ApiKeyStore | Promise<ApiKeyStore>): void {
  describe(`${name} (ApiKeyStore contract)`, () => {
    let store: ApiKeyStore;

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('finds a created key by its hash and by nothing else', async () => {
      await store.create(sampleKey('a'));
      expect(await store.getByHash('hash-a')).toEqual(sampleKey('a'));
      expect(await store.getByHash('a')).toBeNull();
      expect(await store.getByHash('hash-b')).toBeNull();
    });

    it('finds one key by its id, revoked or not, and nothing for an unknown id', async () => {
      await store.create(sampleKey('a'));
      await store.create(sampleKey('b'));
      await store.revoke('b', '2026-11-26T11:00:00.000Z');
      expect(await store.get('a')).toEqual(sampleKey('a'));
      expect(await store.get('b')).toMatchObject({ id: 'b', revokedAt: '2026-11-26T11:00:00.000Z' });
      expect(await store.get('hash-a')).toBeNull();
      expect(await store.get('c')).toBeNull();
      const got = await store.get('a');
      (got as { name: string }).name = 'ændret';
      expect((await store.get('a'))?.name).toBe('Nøgle a');
    });

    it('refuses a second key with the same id or the same hash', async () => {
      await store.create(sampleKey('a'));
      await expect(store.create(sampleKey('a', undefined, { hash: 'other' }))).rejects.toThrow();
      await expect(store.create(sampleKey('b', undefined, { hash: 'hash-a' }))).rejects.toThrow();
      expect(await store.list()).toHaveLength(1);
    });

    it('lists keys newest first, revoked ones included', async () => {
      await store.create(sampleKey('old', '2026-11-01T10:00:00.000Z'));
      await store.create(sampleKey('new', '2026-11-20T10:00:00.000Z'));
      await store.revoke('old', '2026-11-21T10:00:00.000Z');
      expect((await store.list()).map((key) => [key.id, key.revokedAt])).toEqual([
        ['new', null],
        ['old', '2026-11-21T10:00:00.000Z'],
      ]);
    });

    it('revokes once: the first revocation time stays, and an unknown id gives null', async () => {
      await store.create(sampleKey('a'));
      expect(await store.revoke('a', '2026-11-26T11:00:00.000Z')).toMatchObject({ revokedAt: '2026-11-26T11:00:00.000Z' });
      expect(await store.revoke('a', '2026-11-26T12:00:00.000Z')).toMatchObject({ revokedAt: '2026-11-26T11:00:00.000Z' });
      expect(await store.getByHash('hash-a')).toMatchObject({ revokedAt: '2026-11-26T11:00:00.000Z' });
      expect(await store.revoke('nope', '2026-11-26T12:00:00.000Z')).toBeNull();
    });

    it('hands out copies: changing a returned key changes nothing stored', async () => {
      const created = await store.create(sampleKey('a'));
      (created as { name: string }).name = 'ændret';
      const listed = await store.list();
      (listed[0] as { name: string }).name = 'ændret';
      expect((await store.getByHash('hash-a'))?.name).toBe('Nøgle a');
    });
  });
}
