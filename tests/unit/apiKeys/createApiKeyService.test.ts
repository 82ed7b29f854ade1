import { describe, expect, it } from 'vitest';
import { createApiKeyService, hashApiKey } from '../../../server/apiKeys/createApiKeyService';
import { MemoryApiKeyStore } from '../../../server/apiKeys/MemoryApiKeyStore';
import { peopleFixture } from '../people/services/peopleFixture';

async function fixture() {
  const people = peopleFixture();
  const store = new MemoryApiKeyStore();
  const service = createApiKeyService({ store, accounts: people.store });
  return { people, store, service, admin: await people.addAdmin(), citizen: await people.addPerson() };
}

describe('the API key service', () => {
  it('gives an admin the raw key once and stores only its hash', async () => {
    const { service, store, admin } = await fixture();
    const { key, apiKey } = await service.create(admin.id, { name: 'Decidim' });
    expect(key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).not.toHaveProperty('hash');
    expect(apiKey).toMatchObject({ name: 'Decidim', prefix: key.slice(0, 7), revokedAt: null, createdBy: admin.id });
    expect(apiKey.scopes).toEqual(['documents:read', 'documents:write', 'access:write', 'tokens:mint']);
    const stored = await store.getByHash(hashApiKey(key));
    expect(stored?.id).toBe(apiKey.id);
    expect(JSON.stringify(await store.list())).not.toContain(key);
  });

  it('verifies the raw key, and refuses a forged, malformed or revoked one', async () => {
    const { service, admin } = await fixture();
    const { key, apiKey } = await service.create(admin.id, { name: 'Go Vocal', scopes: ['documents:read'] });
    expect(await service.verify(key)).toMatchObject({ id: apiKey.id, scopes: ['documents:read'] });
    expect(await service.verify(`sk_${'A'.repeat(43)}`)).toBeNull();
    expect(await service.verify('not a key')).toBeNull();
    expect(await service.verify(undefined)).toBeNull();
    await service.revoke(admin.id, apiKey.id);
    expect(await service.verify(key)).toBeNull();
  });

  it('lets only admins create, list and revoke keys', async () => {
    const { service, admin, citizen } = await fixture();
    const { apiKey } = await service.create(admin.id, { name: 'Decidim' });
    await expect(service.create(citizen.id, { name: 'Mine' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.list(citizen.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.revoke(citizen.id, apiKey.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await service.list(admin.id)).toHaveLength(1);
    expect(await service.revoke(admin.id, 'k_unknown')).toBeNull();
  });

  it('says which keys are live, and tells listeners of a revocation once it is stored', async () => {
    const { service, store, admin } = await fixture();
    const { apiKey } = await service.create(admin.id, { name: 'Decidim' });
    expect(await service.isActive(apiKey.id)).toBe(true);
    expect(await service.isActive('k_unknown')).toBe(false);
    // The memory store's list() reads its keys when called: the listener sees what was stored by then.
    const heard: Array<{ id: string; stored: Promise<unknown> }> = [];
    const stop = service.onRevoked((id) => heard.push({ id, stored: store.list().then((keys) => keys[0]?.revokedAt) }));
    service.onRevoked(() => {
      throw new Error('a failing listener');
    });
    await expect(service.revoke(admin.id, apiKey.id)).resolves.toMatchObject({ id: apiKey.id });
    expect(await service.isActive(apiKey.id)).toBe(false);
    expect(heard.map((entry) => entry.id)).toEqual([apiKey.id]);
    expect(await heard[0]?.stored).toEqual(expect.any(String));
    stop();
    await service.revoke(admin.id, apiKey.id);
    expect(heard).toHaveLength(1);
    expect(await service.revoke(admin.id, 'k_unknown')).toBeNull();
  });
});
