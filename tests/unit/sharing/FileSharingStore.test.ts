import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSharingStore } from '../../../server/sharing/FileSharingStore';
import { LowSharingStore } from '../../../server/sharing/LowSharingStore';
import { RecordCollection } from '../../../server/storage/RecordCollection';
import type { Invite } from '../../../lib/sharing/SharingStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';
import { sampleInvite, sampleRequest, sharingStoreContract } from './sharingStoreContract';

const tempDir = tempDirsRemovedAfterAll('file-sharing');

sharingStoreContract('FileSharingStore', async () => new FileSharingStore({ dir: join(await tempDir(), 'records') }));
sharingStoreContract('FileSharingStore (compacting every few records)', async () => {
  return new FileSharingStore({ dir: join(await tempDir(), 'records'), compactAfterRecords: 2 });
});

/** Today's access.json, written by today's store. */
async function writeAccessJson(dataDir: string, invites: number): Promise<void> {
  const old = new LowSharingStore(join(dataDir, 'access.json'));
  for (let i = 0; i < invites; i++)
    await old.createInvite(sampleInvite(`i_${i}`, { createdAt: `2026-11-01T10:00:${String(i).padStart(2, '0')}.000Z` }));
  await old.recordInviteUse('i_1');
  await old.createRequest(sampleRequest('r_1'));
  await old.createRequest(sampleRequest('r_2', { personId: 'p_andre', state: 'declined' }));
  await old.close();
}

async function expectImported(store: FileSharingStore, invites: number): Promise<void> {
  expect((await store.listInvites('dok-1')).map((invite) => invite.id)).toEqual(Array.from({ length: invites }, (_, i) => `i_${i}`));
  expect(await store.getInviteByTokenHash('hash-i_1')).toMatchObject({ id: 'i_1', uses: 1 });
  expect((await store.listRequests('dok-1')).map((request) => request.id)).toEqual(['r_1', 'r_2']);
  // The pending request still blocks a second one from the same person.
  await expect(store.createRequest(sampleRequest('r_3'))).rejects.toThrow(/pending/);
  await store.createRequest(sampleRequest('r_4', { personId: 'p_andre' }));
}

describe('FileSharingStore on disk', () => {
  it('reads everything back in a new store', async () => {
    const dir = join(await tempDir(), 'records');
    const first = new FileSharingStore({ dir });
    await first.createInvite(sampleInvite('i_a'));
    await first.createRequest(sampleRequest('r_1'));
    await Promise.all([first.recordInviteUse('i_a'), first.recordInviteUse('i_a')]);
    await first.updateRequest('r_1', { state: 'approved', decidedAt: '2026-11-02T00:00:00.000Z', decidedBy: 'p_ejer' });
    await first.close();

    const second = new FileSharingStore({ dir });
    expect(await second.getInvite('i_a')).toEqual({ ...sampleInvite('i_a'), uses: 2 });
    expect(await second.getInviteByTokenHash('hash-i_a')).toMatchObject({ id: 'i_a' });
    expect(await second.getRequest('r_1')).toMatchObject({ state: 'approved', decidedBy: 'p_ejer' });
    // Decided: a new request is allowed.
    await second.createRequest(sampleRequest('r_2'));
    await second.close();
  });

  it('fails with the file name on a damaged log', async () => {
    const dir = join(await tempDir(), 'records');
    const first = new FileSharingStore({ dir });
    for (let i = 0; i < 3; i++) await first.createInvite(sampleInvite(`i_${i}`));
    await first.close();
    const segment = join(dir, 'invites', 'log-0000000001.bin');
    const damaged = await readFile(segment);
    damaged[20]! ^= 0xff;
    await writeFile(segment, damaged);
    const store = new FileSharingStore({ dir });
    await expect(store.listInvites('')).rejects.toThrow(segment);
    await store.close();
  });
});

describe('FileSharingStore upgrading a data dir in place', () => {
  it("imports today's access.json on first start and keeps it as access.json.imported-<time>", async () => {
    const dataDir = await tempDir();
    await writeAccessJson(dataDir, 4);
    const original = await readFile(join(dataDir, 'access.json'), 'utf8');
    const store = new FileSharingStore({ dir: join(dataDir, 'records'), importFrom: join(dataDir, 'access.json') });
    await expectImported(store, 4);
    await store.close();
    const kept = (await readdir(dataDir)).filter((name) => name.startsWith('access.json'));
    expect(kept).toEqual([expect.stringMatching(/^access\.json\.imported-[\dT-]+Z$/)]);
    expect(await readFile(join(dataDir, kept[0]!), 'utf8')).toBe(original);

    const again = new FileSharingStore({ dir: join(dataDir, 'records'), importFrom: join(dataDir, 'access.json') });
    expect(await again.getRequest('r_4')).toMatchObject({ personId: 'p_andre' });
    expect(await again.listInvites('dok-1')).toHaveLength(4);
    await again.close();
  });

  it('imports again, without duplicates, after a crash in the middle of an import', async () => {
    const dataDir = await tempDir();
    await writeAccessJson(dataDir, 6);
    const invites = await RecordCollection.open<Invite>({ dir: join(dataDir, 'records'), name: 'invites', groupCommitMs: 0 });
    for (let i = 0; i < 3; i++) await invites.put(`i_${i}`, sampleInvite(`i_${i}`, { createdAt: `2026-11-01T10:00:0${i}.000Z` }));
    await invites.close();
    const store = new FileSharingStore({ dir: join(dataDir, 'records'), importFrom: join(dataDir, 'access.json') });
    await expectImported(store, 6);
    await store.close();
    expect((await readdir(dataDir)).filter((name) => name.startsWith('access.json'))).toHaveLength(1);
  });

  it('refuses a damaged access.json, naming it, and leaves it where it is', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'access.json');
    await writeFile(file, '{ "invites": ');
    const store = new FileSharingStore({ dir: join(dataDir, 'records'), importFrom: file });
    await expect(store.listInvites('')).rejects.toThrow(`cannot read invites and requests from ${file}`);
    expect(await readFile(file, 'utf8')).toBe('{ "invites": ');
    await store.close();
  });
});
