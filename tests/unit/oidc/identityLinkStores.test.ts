import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IdentityLink, IdentityLinkStore } from '../../../lib/oidc/IdentityLinkStore';
import { FileIdentityLinkStore } from '../../../server/oidc/FileIdentityLinkStore';
import { MemoryIdentityLinkStore } from '../../../server/oidc/MemoryIdentityLinkStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';

const tempDir = tempDirsRemovedAfterAll('identity-links');

const link = (overrides: Partial<IdentityLink> = {}): IdentityLink => ({
  providerId: 'mitid',
  subject: 'sub-1',
  personId: 'p_karen',
  email: 'karen@kommune.dk',
  createdAt: '2026-12-07T10:00:00.000Z',
  lastUsedAt: '2026-12-07T10:00:00.000Z',
  ...overrides,
});

function contract(name: string, make: () => Promise<IdentityLinkStore>) {
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

contract('MemoryIdentityLinkStore', async () => new MemoryIdentityLinkStore());
contract('FileIdentityLinkStore', async () => new FileIdentityLinkStore({ dir: join(await tempDir(), 'records') }));

describe('FileIdentityLinkStore on disk', () => {
  it('reads its links back after a restart and still refuses a second link of the same sub', async () => {
    const dir = join(await tempDir(), 'records');
    const first = new FileIdentityLinkStore({ dir });
    await first.add(link());
    await first.touch('mitid', 'sub-1', '2026-12-08T09:00:00.000Z');
    await first.close();
    const second = new FileIdentityLinkStore({ dir });
    expect(await second.get('mitid', 'sub-1')).toEqual(link({ lastUsedAt: '2026-12-08T09:00:00.000Z' }));
    expect(await second.add(link({ personId: 'p_other' }))).toBe(false);
    await second.close();
  });
});
