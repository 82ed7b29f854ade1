import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FileAccountStore } from '../../../../server/people/FileAccountStore';
import { LowAccountStore } from '../../../../server/people/LowAccountStore';
import { decodeRecords } from '../../../../lib/storage/logRecord';
import { RecordCollection } from '../../../../server/storage/RecordCollection';
import { FileDocumentStore } from '../../../../server/storage/FileDocumentStore';
import type { Person } from '../../../../lib/people/AccountStore';
import { tempDirsRemovedAfterAll } from '../../storage/tempDirs';
import {
  accountStoreContract,
  sampleOrganisation,
  samplePerson,
  sampleSession,
  sampleToken,
  sampleWorkspace,
} from './accountStoreContract';

const tempDir = tempDirsRemovedAfterAll('file-people');
const AT = '2026-11-01T10:00:00.000Z';

accountStoreContract('FileAccountStore', async () => new FileAccountStore({ dir: join(await tempDir(), 'records') }));
// Compacting all the time: the contract holds across snapshots too.
accountStoreContract('FileAccountStore (compacting every few records)', async () => {
  return new FileAccountStore({ dir: join(await tempDir(), 'records'), compactAfterRecords: 2 });
});

/** Today's people.json, written by today's store. */
async function writePeopleJson(dataDir: string, people: number): Promise<void> {
  const old = new LowAccountStore(join(dataDir, 'people.json'));
  for (let i = 0; i < people; i++) await old.createPerson(samplePerson(`p${i}`, { role: i === 0 ? 'admin' : 'citizen' }));
  await old.createOrganisation(sampleOrganisation('o1', { kind: 'business', cvr: '12345674' }));
  await old.addMembership({ personId: 'p1', organisationId: 'o1' });
  await old.createWorkspace(sampleWorkspace('w1', { memberIds: ['p0', 'p1'] }));
  await old.createSession(sampleSession('h1', 'p1', { actingForOrganisationId: 'o1' }));
  await old.createSession(sampleSession('h2', 'p1'));
  await old.createToken(sampleToken('t1'));
  await old.close();
}

async function expectImported(store: FileAccountStore, people: number): Promise<void> {
  expect((await store.listPeople({ offset: 0, limit: 1 })).total).toBe(people);
  expect(await store.getPerson('p0')).toEqual(samplePerson('p0', { role: 'admin' }));
  expect(await store.getPersonByEmail('P1@example.dk')).toEqual(samplePerson('p1'));
  expect(await store.countActiveAdmins()).toBe(1);
  expect(await store.getOrganisation('o1')).toEqual(sampleOrganisation('o1', { kind: 'business', cvr: '12345674' }));
  expect(await store.organisationIdsOf('p1')).toEqual(['o1']);
  expect(await store.memberIdsOf('o1')).toEqual(['p1']);
  expect(await store.workspaceIdsOf('p1')).toEqual(['w1']);
  expect(await store.getSession('h1')).toEqual(sampleSession('h1', 'p1', { actingForOrganisationId: 'o1' }));
  expect(await store.deleteSessionsOf('p1', { exceptIdHash: 'h1' })).toBe(1);
  expect(await store.consumeToken('t1', 'password_reset', AT)).not.toBeNull();
  await expect(store.createPerson(samplePerson('ny', { email: 'p2@example.dk' }))).rejects.toMatchObject({ code: 'email_taken' });
}

describe('FileAccountStore on disk', () => {
  it('keeps everything in logs readable by no one but its owner, and a new store reads everything back', async () => {
    const dir = join(await tempDir(), 'records');
    const first = new FileAccountStore({ dir });
    await first.createPerson(samplePerson('p1', { role: 'admin' }));
    await first.createOrganisation(sampleOrganisation('o1', { kind: 'business', cvr: '12345674' }));
    await first.addMembership({ personId: 'p1', organisationId: 'o1' });
    await first.createWorkspace(sampleWorkspace('w1', { memberIds: ['p1'] }));
    await first.createSession(sampleSession('h1', 'p1', { actingForOrganisationId: 'o1' }));
    await first.createToken(sampleToken('t1'));
    await first.close();

    const segment = join(dir, 'people', 'log-0000000001.bin');
    expect((await stat(segment)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'people'))).mode & 0o777).toBe(0o700);
    const second = new FileAccountStore({ dir });
    expect(await second.getPerson('p1')).toEqual(samplePerson('p1', { role: 'admin' }));
    expect(await second.getOrganisation('o1')).toEqual(sampleOrganisation('o1', { kind: 'business', cvr: '12345674' }));
    expect(await second.organisationIdsOf('p1')).toEqual(['o1']);
    expect(await second.workspaceIdsOf('p1')).toEqual(['w1']);
    expect(await second.getSession('h1')).toEqual(sampleSession('h1', 'p1', { actingForOrganisationId: 'o1' }));
    expect(await second.consumeToken('t1', 'password_reset', AT)).not.toBeNull();
    expect(await second.consumeToken('t1', 'password_reset', AT)).toBeNull();
    expect(await second.countActiveAdmins()).toBe(1);
    await second.close();
  });

  it('writes one record per sign-in, whatever the number of people', async () => {
    const dir = join(await tempDir(), 'records');
    const store = new FileAccountStore({ dir });
    await Promise.all(Array.from({ length: 300 }, (_, i) => store.createPerson(samplePerson(`p${i}`))));
    const log = (name: string) => readFile(join(dir, name, 'log-0000000001.bin')).then((bytes) => decodeRecords(bytes).records);
    expect(await log('people')).toHaveLength(300);
    await store.createSession(sampleSession('h1', 'p7'));
    await store.createSession(sampleSession('h2', 'p8'));
    // Each sign-in added one small record to the sessions log, and nothing to the people log.
    const sessions = await log('sessions');
    expect(sessions).toHaveLength(2);
    expect(sessions[1]!.byteLength).toBeLessThan(300);
    expect(await log('people')).toHaveLength(300);
    await store.close();
  });

  it('forgets a change whose write failed: the next call reads the store back from disk', async () => {
    const store = new FileAccountStore({ dir: join(await tempDir(), 'records') });
    await store.createPerson(samplePerson('p1'));
    const append = vi
      .spyOn(FileDocumentStore.prototype, 'append')
      .mockImplementationOnce(() => Promise.reject(new Error('EIO (simulated)')));
    await expect(store.createPerson(samplePerson('p2'))).rejects.toThrow('EIO (simulated)');
    append.mockRestore();
    expect(await store.getPerson('p2')).toBeNull();
    expect(await store.getPersonByEmail('p2@example.dk')).toBeNull();
    // The e-mail is free again, and the store writes on.
    expect(await store.createPerson(samplePerson('p2'))).toEqual(samplePerson('p2'));
    await store.close();
  });

  it('fails with the file name on a damaged log and does not change it', async () => {
    const dir = join(await tempDir(), 'records');
    const first = new FileAccountStore({ dir });
    for (let i = 0; i < 3; i++) await first.createPerson(samplePerson(`p${i}`));
    await first.close();
    const segment = join(dir, 'people', 'log-0000000001.bin');
    const damaged = await readFile(segment);
    damaged[20]! ^= 0xff;
    await writeFile(segment, damaged);

    const store = new FileAccountStore({ dir });
    await expect(store.getPerson('p1')).rejects.toThrow(segment);
    await expect(store.createPerson(samplePerson('p9'))).rejects.toThrow(segment);
    expect((await readFile(segment)).equals(damaged)).toBe(true);
    await store.close();
  });
});

describe('FileAccountStore upgrading a data dir in place', () => {
  it("imports today's people.json on first start and keeps it as people.json.imported-<time>", async () => {
    const dataDir = await tempDir();
    await writePeopleJson(dataDir, 5);
    const original = await readFile(join(dataDir, 'people.json'), 'utf8');

    const store = new FileAccountStore({ dir: join(dataDir, 'records'), importFrom: join(dataDir, 'people.json') });
    await expectImported(store, 5);
    await store.close();
    const names = await readdir(dataDir);
    expect(names).not.toContain('people.json');
    const kept = names.filter((name) => /^people\.json\.imported-\d{4}-\d\d-\d\dT[\d-]+Z$/.test(name));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dataDir, kept[0]!), 'utf8')).toBe(original);

    // The next start reads the logs and imports nothing.
    const again = new FileAccountStore({ dir: join(dataDir, 'records'), importFrom: join(dataDir, 'people.json') });
    expect((await again.listPeople({ offset: 0, limit: 1 })).total).toBe(5);
    expect(await again.getSession('h2')).toBeNull();
    await again.close();
  });

  it('imports again, without duplicates, after a crash in the middle of an import', async () => {
    const dataDir = await tempDir();
    await writePeopleJson(dataDir, 40);
    // What a crash mid-import leaves: some records in the logs (one of them written since, which
    // the re-import restores to the file's value), and people.json still in place.
    const people = await RecordCollection.open<Person>({ dir: join(dataDir, 'records'), name: 'people', groupCommitMs: 0 });
    for (let i = 0; i < 15; i++) await people.put(`p${i}`, samplePerson(`p${i}`, { role: i === 0 ? 'admin' : 'citizen' }));
    await people.put('p3', samplePerson('p3', { name: 'Half-imported' }));
    await people.close();

    const store = new FileAccountStore({ dir: join(dataDir, 'records'), importFrom: join(dataDir, 'people.json') });
    await expectImported(store, 40);
    expect(await store.getPerson('p3')).toEqual(samplePerson('p3'));
    await store.close();
    expect((await readdir(dataDir)).filter((name) => name.startsWith('people.json'))).toHaveLength(1);
    expect(await readdir(dataDir)).not.toContain('people.json');
  });

  it('refuses a damaged people.json, naming it, and leaves it where it is', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'people.json');
    await writeFile(file, JSON.stringify({ people: 'nobody' }));
    const store = new FileAccountStore({ dir: join(dataDir, 'records'), importFrom: file });
    await expect(store.countActiveAdmins()).rejects.toThrow(`cannot read people from ${file}`);
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify({ people: 'nobody' }));
    await store.close();
  });
});
