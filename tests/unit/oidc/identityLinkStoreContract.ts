/**
 * The IdentityLinkStore contract, run against each implementation: identityLinkStores.test.ts
 * (memory, record log) and tests/unit/postgres/PgIdentityLinkStore.test.ts. `make` returns an empty
 * store in which the people `p_karen` and `p_other` exist (PostgreSQL refers to them).
 */
import { describe, expect, it } from 'vitest';
import type { IdentityLink, IdentityLinkStore } from '../../../lib/oidc/IdentityLinkStore';

export const link = (overrides: Partial<IdentityLink> = {}): IdentityLink => ({
  providerId: 'mitid',
  subject: 'sub-1',
  personId: 'p_karen',
  email: 'karen@kommune.dk',
  createdAt: '2026-12-07T10:00:00.000Z',
  lastUsedAt: '2026-12-07T10:00:00.000Z',
  ...overrides,
});

export function identityLinkStoreContract(name: string, make: () => Promise<IdentityLinkStore>) {
  describe(name, () => {
    it('links a provider’s sub to one person only, and finds it by provider and sub', async () => {
      const store = await make();
      expect(await store.add(link())).toBe(true);
      expect(await store.add(link({ personId: 'p_other' }))).toBe(false);
      // The same sub at another provider is another account.
      expect(await store.add(link({ providerId: 'entra', createdAt: '2026-12-07T11:00:00.000Z' }))).toBe(true);
      expect(await store.get('mitid', 'sub-1')).toEqual(link());
      expect(await store.get('mitid', 'sub-2')).toBeNull();
      expect((await store.linksOf('p_karen')).map((found) => found.providerId)).toEqual(['mitid', 'entra']);
      await store.close();
    });

    it('records the last use, and deletes a person’s links', async () => {
      const store = await make();
      await store.add(link());
      await store.add(link({ subject: 'sub-2', personId: 'p_other' }));
      await store.touch('mitid', 'sub-1', '2026-12-08T09:00:00.000Z');
      await store.touch('mitid', 'unknown', '2026-12-08T09:00:00.000Z');
      expect((await store.get('mitid', 'sub-1'))?.lastUsedAt).toBe('2026-12-08T09:00:00.000Z');
      expect(await store.deleteLinksOf('p_karen')).toBe(1);
      expect(await store.get('mitid', 'sub-1')).toBeNull();
      expect(await store.get('mitid', 'sub-2')).not.toBeNull();
      await store.close();
    });
  });
}
