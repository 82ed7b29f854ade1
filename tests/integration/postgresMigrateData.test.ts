/**
 * `npm run migrate:data`: a data dir is copied into an empty PostgreSQL database and verified; the
 * copy serves the same bodies, comments, people and grants; a second run into the now full
 * database refuses and changes nothing. Two data dirs: one in the JSON files of earlier versions
 * (imported by the embedded stores first), one written by the record and comment stores of this
 * version (createStores' embedded branch, as a server writes it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { LowApiKeyStore } from '../../server/apiKeys';
import { LowCommentStore } from '../../server/comments/LowCommentStore';
import { LowAccountStore } from '../../server/people';
import { PgAccountStore } from '../../server/postgres/PgAccountStore';
import { PgCommentStore } from '../../server/postgres/PgCommentStore';
import { PgDocumentStore } from '../../server/postgres/PgDocumentStore';
import { PgMetadataStore } from '../../server/postgres/PgMetadataStore';
import { PgNotificationMailStore } from '../../server/postgres/PgNotificationMailStore';
import { PgNotificationStore } from '../../server/postgres/PgNotificationStore';
import { PgIdentityLinkStore } from '../../server/postgres/PgIdentityLinkStore';
import { PgSharingStore } from '../../server/postgres/PgSharingStore';
import { LowSharingStore } from '../../server/sharing/LowSharingStore';
import { FileDocumentStore } from '../../server/storage/FileDocumentStore';
import { LowMetadataStore } from '../../server/storage/LowMetadataStore';
import { sampleKey } from '../unit/apiKeys/apiKeyStoreContract';
import { sampleComment, sampleLogEntry } from '../unit/comments/commentStoreContract';
import { sampleFollow, sampleNotification } from '../unit/notifications/notificationStoreContract';
import { sampleOrganisation, samplePerson, sampleSession, sampleToken, sampleWorkspace } from '../unit/people/store/accountStoreContract';
import { sampleInvite, sampleRequest } from '../unit/sharing/sharingStoreContract';
import { sampleMeta } from '../unit/storage/metadataStoreContract';
import { createStores } from '../../server/createStores';
import { createLogger } from '../../server/logger';
import { freshDatabase, MIGRATIONS_DIR } from '../helpers/freshDatabase';
import { migrateData } from '../../server/postgres/migrateData';
import { PgVersionStore } from '../../server/postgres/PgVersionStore';
import { sampleVersion } from '../unit/versions/versionStoreContract';

const database = await freshDatabase({ migrate: false });
const secondDatabase = await freshDatabase({ migrate: false });
const thirdDatabase = await freshDatabase({ migrate: false });
const dataDir = mkdtempSync(join(tmpdir(), 'samskriv-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function runMigration(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/postgres/migrateDataCli.ts', '--from', dataDir, '--to', database.url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** An install as the JSON-file stores of earlier versions wrote it: bodies with snapshot and log, metadata, comments, people, grants, keys. */
async function writeEmbeddedInstall(): Promise<Map<string, Y.Doc>> {
  const bodies = new FileDocumentStore({ dir: join(dataDir, 'docs'), groupCommitMs: 0 });
  const docs = new Map<string, Y.Doc>();
  for (const id of ['dok-1', 'dok-2']) {
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => void bodies.append(id, update));
    const body = doc.getXmlFragment(BODY_FRAGMENT);
    for (let i = 0; i < 30; i++) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`${id} afsnit ${i} – æøå`)]);
      body.insert(body.length, [paragraph]);
      if (id === 'dok-1' && i === 14) {
        await bodies.flush(id);
        await bodies.compact(id, Y.encodeStateAsUpdate(doc));
      }
    }
    body.delete(2, 3);
    docs.set(id, doc);
  }
  await bodies.close();

  const metadata = new LowMetadataStore(join(dataDir, 'meta.json'));
  await metadata.createDocument(sampleMeta('dok-1', '2026-11-01T10:00:00.000Z'));
  await metadata.createDocument(
    sampleMeta('dok-2', '2026-11-02T10:00:00.000Z', {
      visibility: 'workspace',
      workspaceId: 'w1',
      grants: [
        { subject: 'person', personId: 'p1', role: 'owner' },
        { subject: 'organisation', organisationId: 'o1', role: 'commenter' },
      ],
    }),
  );
  await metadata.close();

  const comments = new LowCommentStore(join(dataDir, 'comments.json'));
  await comments.update('dok-1', () => ({
    put: [sampleComment('c_1'), sampleComment('c_2', { parentId: 'c_1', threadId: 'c_1', kind: 'reply', anchor: null })],
    result: null,
  }));
  const report = { id: 'r1', by: 'person:p2', ground: 'spam' as const, note: 'reklame', at: '2027-03-03T00:00:00.000Z' };
  await comments.update('dok-1', (current) => ({
    put: [{ ...current.comments[0]!, reports: [report] }],
    log: [sampleLogEntry('m_1')],
    result: null,
  }));
  await comments.update('dok-2', () => ({ touch: true, result: null }));
  await comments.close();

  const people = new LowAccountStore(join(dataDir, 'people.json'));
  await people.createPerson(samplePerson('p1', { role: 'admin', name: 'Åse Ødegård' }));
  await people.createPerson(samplePerson('p2'));
  await people.createOrganisation(sampleOrganisation('o1', { kind: 'business', cvr: '12345674' }));
  await people.addMembership({ personId: 'p2', organisationId: 'o1' });
  // A removed organisation (issue 13): a tombstone that keeps its name for attribution.
  await people.createOrganisation(sampleOrganisation('o9', { name: 'Nedlagt Forening' }));
  await people.removeOrganisation('o9', '2026-11-02T00:00:00.000Z');
  await people.createWorkspace(sampleWorkspace('w1', { memberIds: ['p2', 'p1'], description: 'Fælles' }));
  await people.createSession(sampleSession('h1', 'p1'));
  await people.createSession(sampleSession('h2', 'p2', { actingForOrganisationId: 'o1' }));
  await people.createToken(sampleToken('t1'));
  await people.close();

  const sharing = new LowSharingStore(join(dataDir, 'access.json'));
  await sharing.createInvite(sampleInvite('i_1', { documentId: 'dok-2', revokedAt: '2026-11-03T00:00:00.000Z', uses: 2 }));
  await sharing.createRequest(sampleRequest('r_1', { documentId: 'dok-2', personId: 'p2' }));
  await sharing.close();

  const keys = new LowApiKeyStore(join(dataDir, 'api-keys.json'));
  await keys.create(sampleKey('k1', '2026-11-01T10:00:00.000Z'));
  await keys.create(sampleKey('k2', '2026-11-02T10:00:00.000Z', { revokedAt: '2026-11-03T10:00:00.000Z' }));
  await keys.close();
  return docs;
}

describe('npm run migrate:data', () => {
  it('copies an embedded install into PostgreSQL, verifies it, and refuses to copy into a database that holds data', async () => {
    const docs = await writeEmbeddedInstall();
    const first = await runMigration();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Copied and verified');
    expect(JSON.parse(first.stdout.split('\n').find((line) => line.startsWith('{'))!)).toEqual({
      documents: 2,
      comments: 2,
      moderationLogEntries: 1,
      people: 2,
      organisations: 2,
      memberships: 1,
      workspaces: 1,
      sessions: 2,
      tokens: 1,
      invites: 1,
      requests: 1,
      apiKeys: 2,
      versions: 0,
      notifications: 0,
      follows: 0,
      identityLinks: 0,
      notificationSettings: 0,
    });

    // The copy, read as the server would.
    for (const [id, doc] of docs) {
      const copy = new Y.Doc();
      for (const update of (await new PgDocumentStore(database.pool).load(id))!) Y.applyUpdate(copy, update);
      expect(copy.getXmlFragment(BODY_FRAGMENT).toString()).toBe(doc.getXmlFragment(BODY_FRAGMENT).toString());
      expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
    }
    expect((await new PgMetadataStore(database.pool).getDocument('dok-2'))?.grants).toHaveLength(2);
    const comments = new PgCommentStore(database.pool);
    expect(await comments.read('dok-1')).toMatchObject({ revision: 2, comments: [{ id: 'c_1' }, { id: 'c_2' }] });
    expect((await comments.read('dok-2')).revision).toBe(1);
    expect((await comments.reported()).map((comment) => comment.id)).toEqual(['c_1']);
    const accounts = new PgAccountStore(database.pool);
    expect(await accounts.getSession('h2')).toMatchObject({ actingForOrganisationId: 'o1' });
    expect(await accounts.getOrganisation('o9')).toBeNull();
    expect(await accounts.organisationNameOf('o9')).toBe('Nedlagt Forening');
    expect((await accounts.getWorkspace('w1'))?.memberIds).toEqual(['p2', 'p1']);
    expect(await accounts.countActiveAdmins()).toBe(1);
    expect(await new PgSharingStore(database.pool).getInvite('i_1')).toMatchObject({ uses: 2, revokedAt: '2026-11-03T00:00:00.000Z' });

    const second = await runMigration();
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('the target database already holds data: migrate into an empty database');
  });

  it('fails, naming the record, when the copy would lose something (a field the database does not keep)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samskriv-embedded-'));
    try {
      writeFileSync(join(dir, 'people.json'), JSON.stringify({ people: { p1: { ...samplePerson('p1'), favouriteColour: 'grøn' } } }));
      await expect(migrateData({ dataDir: dir, databaseUrl: secondDatabase.url, migrationsDir: MIGRATIONS_DIR })).rejects.toThrow(
        /the copy differs from the data dir:\n {2}person p1 differs/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The stores a server of this version writes (records/ and comments/ logs), through createStores. */
async function writeRecordStoreInstall(dir: string): Promise<Y.Doc> {
  const stores = await createStores({
    config: { DATABASE_URL: undefined, SYNC_GROUP_COMMIT_MS: 0 },
    dataDir: dir,
    projectDir: process.cwd(),
    logger: createLogger('silent'),
  });
  const doc = new Y.Doc();
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  doc.on('update', (update: Uint8Array) => void stores.documents.append('ny-1', update));
  for (let i = 0; i < 12; i++) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`afsnit ${i} på blåbærgrød`)]);
    body.insert(body.length, [paragraph]);
  }
  await stores.documents.flush('ny-1');
  await stores.metadata.createDocument(sampleMeta('ny-1', '2026-12-01T10:00:00.000Z'));
  await stores.metadata.createDocument(sampleMeta('ny-2', '2026-12-02T10:00:00.000Z', { visibility: 'public' }));

  const { accounts, sharing, comments } = stores;
  for (const id of ['p1', 'p2', 'p3']) await accounts.createPerson(samplePerson(id, { role: id === 'p1' ? 'admin' : 'citizen' }));
  await accounts.createOrganisation(sampleOrganisation('o1'));
  await accounts.createOrganisation(sampleOrganisation('o2', { kind: 'business', cvr: '12345674' }));
  await accounts.addMembership({ personId: 'p2', organisationId: 'o1' });
  await accounts.addMembership({ personId: 'p3', organisationId: 'o1' });
  await accounts.addMembership({ personId: 'p3', organisationId: 'o2' });
  await accounts.createWorkspace(sampleWorkspace('w1', { memberIds: ['p1', 'p3'] }));
  for (const [hash, person] of [
    ['h1', 'p1'],
    ['h2', 'p2'],
    ['h3', 'p2'],
    ['h4', 'p3'],
  ] as const)
    await accounts.createSession(sampleSession(hash, person));
  await accounts.deleteSession('h3');
  await accounts.createToken(sampleToken('t1'));
  await accounts.createToken(sampleToken('t2', { personId: 'p2' }));

  await sharing.createInvite(sampleInvite('i_1', { documentId: 'ny-1' }));
  await sharing.createInvite(sampleInvite('i_2', { documentId: 'ny-2', uses: 3 }));
  await sharing.createRequest(sampleRequest('r_1', { documentId: 'ny-1', personId: 'p2' }));
  await sharing.createRequest(sampleRequest('r_2', { documentId: 'ny-2', personId: 'p3' }));

  await comments.update('ny-1', () => ({ put: [sampleComment('c_1', { documentId: 'ny-1' })], result: null }));
  await comments.update('ny-1', () => ({
    put: [sampleComment('c_2', { documentId: 'ny-1', parentId: 'c_1', threadId: 'c_1', kind: 'reply', anchor: null })],
    log: [sampleLogEntry('m_1', { documentId: 'ny-1' })],
    result: null,
  }));
  await comments.update('ny-2', () => ({ put: [sampleComment('c_3', { documentId: 'ny-2' })], result: null }));
  await comments.update('ny-2', () => ({ log: [sampleLogEntry('m_2', { documentId: 'ny-2' })], touch: true, result: null }));
  await stores.apiKeys.create(sampleKey('k1'));
  await stores.versions.add(sampleVersion('ny-1', 1, { kind: 'consultation_draft' }));
  await stores.versions.add(sampleVersion('ny-1', 2, { idempotencyKey: 'klik-1' }));
  await stores.notifications.add(sampleNotification('n_1', { personId: 'p2', documentId: 'ny-1' }));
  await stores.notifications.add(sampleNotification('n_2', { personId: 'p2', documentId: 'ny-1', at: '2026-12-01T10:05:00.000Z' }));
  await stores.notifications.markRead('p2', ['n_1'], '2026-12-01T11:00:00.000Z');
  await stores.notifications.putFollow(sampleFollow({ personId: 'p3', documentId: 'ny-2', following: false }));
  await stores.identityLinks.add({
    providerId: 'mitid',
    subject: 'sub-p2',
    personId: 'p2',
    email: 'p2@eksempel.dk',
    createdAt: '2026-12-01T09:00:00.000Z',
    lastUsedAt: '2026-12-02T09:00:00.000Z',
  });
  await stores.notificationMail.putSettings({
    personId: 'p2',
    frequency: 'weekly',
    kinds: { reply: 'immediate' },
    updatedAt: '2026-12-01T12:00:00.000Z',
  });
  await stores.notificationMail.enqueue({
    personId: 'p2',
    eventId: 'comment:n_2',
    notification: sampleNotification('n_2', { personId: 'p2', documentId: 'ny-1', at: '2026-12-01T10:05:00.000Z' }),
    mode: 'digest',
    queuedAt: '2026-12-01T10:05:00.000Z',
    state: 'pending',
    attempts: 0,
    nextAttemptAt: '2026-12-01T10:05:00.000Z',
  });
  await stores.close();
  return doc;
}

describe('npm run migrate:data from a data dir of this version', () => {
  it('copies and verifies every record the record and comment stores hold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samskriv-records-'));
    try {
      const doc = await writeRecordStoreInstall(dir);
      const report = await migrateData({ dataDir: dir, databaseUrl: thirdDatabase.url, migrationsDir: MIGRATIONS_DIR });
      expect(report).toEqual({
        documents: 1,
        comments: 3,
        moderationLogEntries: 2,
        people: 3,
        organisations: 2,
        memberships: 3,
        workspaces: 1,
        sessions: 3,
        tokens: 2,
        invites: 2,
        requests: 2,
        apiKeys: 1,
        versions: 2,
        notifications: 2,
        follows: 1,
        identityLinks: 1,
        notificationSettings: 1,
      });
      expect(await new PgIdentityLinkStore(thirdDatabase.pool).get('mitid', 'sub-p2')).toMatchObject({ personId: 'p2' });
      const mail = new PgNotificationMailStore(thirdDatabase.pool);
      expect(await mail.getSettings('p2')).toMatchObject({ frequency: 'weekly', kinds: { reply: 'immediate' } });
      expect((await mail.pendingMails('digest', 10)).map((entry) => entry.eventId)).toEqual(['comment:n_2']);
      const notifications = new PgNotificationStore(thirdDatabase.pool);
      expect((await notifications.list('p2', { limit: 10 })).map((n) => [n.id, n.readAt])).toEqual([
        ['n_2', undefined],
        ['n_1', '2026-12-01T11:00:00.000Z'],
      ]);
      // Still one notification per person and event in the copy.
      expect(await notifications.add(sampleNotification('n_9', { personId: 'p2', documentId: 'ny-1', eventId: 'comment:n_1' }))).toBe(
        'duplicate',
      );
      expect(await notifications.getFollow('p3', 'ny-2')).toMatchObject({ following: false });
      const versions = new PgVersionStore(thirdDatabase.pool);
      expect((await versions.list('ny-1')).map((version) => [version.number, version.kind])).toEqual([
        [2, 'published'],
        [1, 'consultation_draft'],
      ]);
      expect((await versions.byIdempotencyKey('ny-1', 'klik-1'))?.number).toBe(2);
      const copy = new Y.Doc();
      for (const update of (await new PgDocumentStore(thirdDatabase.pool).load('ny-1'))!) Y.applyUpdate(copy, update);
      expect(copy.getXmlFragment(BODY_FRAGMENT).toString()).toBe(doc.getXmlFragment(BODY_FRAGMENT).toString());
      const comments = new PgCommentStore(thirdDatabase.pool);
      expect(await comments.read('ny-1')).toMatchObject({ revision: 2, comments: [{ id: 'c_1' }, { id: 'c_2' }] });
      expect((await comments.read('ny-2')).revision).toBe(2);
      expect((await comments.moderationLog()).map((entry) => entry.id)).toEqual(['m_2', 'm_1']);
      const accounts = new PgAccountStore(thirdDatabase.pool);
      expect(await accounts.getSession('h3')).toBeNull();
      expect((await accounts.organisationIdsOf('p3')).sort()).toEqual(['o1', 'o2']);
      const sharing = new PgSharingStore(thirdDatabase.pool);
      expect((await sharing.listRequests('ny-2')).map((request) => request.id)).toEqual(['r_2']);
      expect((await sharing.listInvites('ny-2'))[0]).toMatchObject({ id: 'i_2', uses: 3 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
