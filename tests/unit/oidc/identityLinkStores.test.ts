import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileIdentityLinkStore } from '../../../server/oidc/FileIdentityLinkStore';
import { MemoryIdentityLinkStore } from '../../../server/oidc/MemoryIdentityLinkStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';
import { identityLinkStoreContract, link } from './identityLinkStoreContract';

const tempDir = tempDirsRemovedAfterAll('identity-links');

identityLinkStoreContract('MemoryIdentityLinkStore', async () => new MemoryIdentityLinkStore());
identityLinkStoreContract('FileIdentityLinkStore', async () => new FileIdentityLinkStore({ dir: join(await tempDir(), 'records') }));

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
