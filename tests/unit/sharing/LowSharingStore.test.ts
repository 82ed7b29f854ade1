import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowSharingStore } from '../../../server/sharing/LowSharingStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';
import { sampleInvite, sampleRequest, sharingStoreContract } from './sharingStoreContract';

const tempDir = tempDirsRemovedAfterAll('sharing');

sharingStoreContract('LowSharingStore', async () => new LowSharingStore(join(await tempDir(), 'access.json')));

describe('LowSharingStore on disk', () => {
  it('writes access.json with token hashes only, and a new store reads it back', async () => {
    const file = join(await tempDir(), 'nested', 'access.json');
    const first = new LowSharingStore(file);
    await first.createInvite(sampleInvite('i_a'));
    await first.createRequest(sampleRequest('r_1'));
    await first.recordInviteUse('i_a');
    await first.close();

    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { invites: Record<string, { tokenHash: string }> };
    expect(onDisk.invites.i_a?.tokenHash).toBe('hash-i_a');
    const second = new LowSharingStore(file);
    expect(await second.getInvite('i_a')).toEqual({ ...sampleInvite('i_a'), uses: 1 });
    expect(await second.getRequest('r_1')).toEqual(sampleRequest('r_1'));
    await second.close();
  });

  it('fails with the file name on a damaged file and does not overwrite it', async () => {
    const file = join(await tempDir(), 'access.json');
    await writeFile(file, '{ "invites": ');
    const store = new LowSharingStore(file);
    await expect(store.listInvites('dok-1')).rejects.toThrow(file);
    await expect(store.createInvite(sampleInvite('i_a'))).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toBe('{ "invites": ');
    await store.close();
  });
});
