/** The authorship read names an API key by ONE lookup of that key, never by listing every key. */
import { describe, expect, it } from 'vitest';
import { MemoryApiKeyStore } from '../../../server/apiKeys/MemoryApiKeyStore';
import { authorNamesOf } from '../../../server/authorship/authorNamesOf';
import { MemoryAccountStore } from '../../../server/people';
import { sampleKey } from '../apiKeys/apiKeyStoreContract';

describe('authorNamesOf', () => {
  it('looks up one key by its id (revoked ones keep their name) and one person by theirs', async () => {
    const apiKeys = new MemoryApiKeyStore();
    for (let n = 0; n < 50; n += 1) await apiKeys.create(sampleKey(`k${n}`));
    await apiKeys.revoke('k7', '2026-12-01T10:00:00.000Z');
    let lists = 0;
    const list = apiKeys.list.bind(apiKeys);
    apiKeys.list = async () => {
      lists += 1;
      return list();
    };
    const names = authorNamesOf({ accounts: new MemoryAccountStore(), apiKeys });
    expect(await names.apiKeyName('k7')).toBe('Nøgle k7');
    expect(await names.apiKeyName('k49')).toBe('Nøgle k49');
    expect(await names.apiKeyName('nope')).toBeNull();
    expect(await names.personName('p_nobody')).toBeNull();
    expect(lists).toBe(0);
  });

  it('names an organisation by id, its new name after a rename, and a removed one still (issue 13)', async () => {
    const accounts = new MemoryAccountStore();
    await accounts.createOrganisation({ id: 'o1', name: 'Foreningen Grø', kind: 'association', createdAt: '2026-12-01T10:00:00.000Z' });
    const names = authorNamesOf({ accounts, apiKeys: new MemoryApiKeyStore() });
    expect(await names.organisationName?.('o1')).toBe('Foreningen Grø');
    await accounts.updateOrganisation('o1', { name: 'Foreningen Grøn' });
    expect(await names.organisationName?.('o1')).toBe('Foreningen Grøn');
    await accounts.removeOrganisation('o1', '2026-12-02T10:00:00.000Z');
    expect(await names.organisationName?.('o1')).toBe('Foreningen Grøn');
    expect(await names.organisationName?.('o_nobody')).toBeNull();
  });
});
