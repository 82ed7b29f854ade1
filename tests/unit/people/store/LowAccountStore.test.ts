import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowAccountStore } from '../../../../server/people/LowAccountStore';
import { tempDirsRemovedAfterAll } from '../../storage/tempDirs';
import {
  accountStoreContract,
  sampleOrganisation,
  samplePerson,
  sampleSession,
  sampleToken,
  sampleWorkspace,
} from './accountStoreContract';

const tempDir = tempDirsRemovedAfterAll('people');

accountStoreContract('LowAccountStore', async () => new LowAccountStore(join(await tempDir(), 'people.json')));

describe('LowAccountStore on disk', () => {
  it('writes people.json, readable by no one but its owner, and a new store reads everything back', async () => {
    const file = join(await tempDir(), 'nested', 'people.json');
    const first = new LowAccountStore(file);
    await first.createPerson(samplePerson('p1', { role: 'admin' }));
    await first.createOrganisation(sampleOrganisation('o1', { kind: 'business', cvr: '12345674' }));
    await first.addMembership({ personId: 'p1', organisationId: 'o1' });
    await first.createWorkspace(sampleWorkspace('w1', { memberIds: ['p1'] }));
    await first.createSession(sampleSession('h1', 'p1', { actingForOrganisationId: 'o1' }));
    await first.createToken(sampleToken('t1'));
    await first.close();

    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = new LowAccountStore(file);
    expect(await second.getPerson('p1')).toEqual(samplePerson('p1', { role: 'admin' }));
    expect(await second.getOrganisation('o1')).toEqual(sampleOrganisation('o1', { kind: 'business', cvr: '12345674' }));
    expect(await second.organisationIdsOf('p1')).toEqual(['o1']);
    expect(await second.workspaceIdsOf('p1')).toEqual(['w1']);
    expect(await second.getSession('h1')).toEqual(sampleSession('h1', 'p1', { actingForOrganisationId: 'o1' }));
    expect(await second.consumeToken('t1', 'password_reset', '2026-11-01T10:00:00.000Z')).not.toBeNull();
    expect(await second.countActiveAdmins()).toBe(1);
    await second.close();
  });

  it('fails with the file name on a damaged people.json and does not overwrite it', async () => {
    const file = join(await tempDir(), 'people.json');
    await writeFile(file, '{ "people": { broken');
    const store = new LowAccountStore(file);
    await expect(store.getPerson('p1')).rejects.toThrow(file);
    await expect(store.createPerson(samplePerson('p1'))).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toBe('{ "people": { broken');

    // Retries once the file is fixed, without a restart.
    await writeFile(file, JSON.stringify({ people: {} }));
    expect(await store.getPerson('p1')).toBeNull();
    await store.close();
  });

  it('refuses a people.json of the wrong shape, naming the bad value', async () => {
    const file = join(await tempDir(), 'people.json');
    await writeFile(file, JSON.stringify({ people: { p1: { ...samplePerson('p1'), role: 'emperor' } } }));
    const store = new LowAccountStore(file);
    await expect(store.getPerson('p1')).rejects.toThrow(/people\.json: people\.p1\.role/);
    await writeFile(file, JSON.stringify([1, 2]));
    await expect(store.getPerson('p1')).rejects.toThrow(file);
  });

  it('keeps keys and fields it does not know, so data from a newer version survives its writes', async () => {
    const file = join(await tempDir(), 'people.json');
    await writeFile(file, JSON.stringify({ people: { p1: { ...samplePerson('p1'), locale: 'da' } }, apiKeys: { k1: { name: 'CMS' } } }));
    const store = new LowAccountStore(file);
    await store.updatePerson('p1', { name: 'Ny' });
    await store.close();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      people: { p1: { name: 'Ny', locale: 'da' } },
      apiKeys: { k1: { name: 'CMS' } },
    });
  });

  it('writes nothing for a change that changes nothing', async () => {
    const file = join(await tempDir(), 'people.json');
    const store = new LowAccountStore(file);
    expect(await store.updatePerson('ghost', { name: 'x' })).toBeNull();
    expect(await store.deleteSessionsOf('ghost')).toBe(0);
    await store.close();
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
