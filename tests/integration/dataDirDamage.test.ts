/**
 * The real process over a damaged data dir (issue 10, items 10 and 11): a document log damaged in
 * the middle is refused (never served cut short) while the others are served and /healthz names
 * it; a damaged store file stops the start with an exit code and a sentence naming the file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { Close } from '../../lib/protocol';
import { decodeRecords } from '../../lib/storage/logRecord';
import { DEFAULT_CONSULTATION } from '../../lib/access/consultation';
import { FileDocumentStore } from '../../server/storage/FileDocumentStore';
import { LowMetadataStore } from '../../server/storage/LowMetadataStore';
import { FileAccountStore } from '../../server/people/FileAccountStore';
import { spawnServer, type SpawnedServer } from '../helpers/spawnServer';
import { waitUntil } from '../helpers/waitUntil';

const SECRET = 'integration-secret-integration-secret-0123456789';
const SEGMENT = 'log-0000000001.bin';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-damage-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<SpawnedServer> {
  const server = await spawnServer({ env: { DATA_DIR: dataDir, AUTH_SECRET: SECRET } });
  cleanups.push(() => server.stop('SIGKILL'));
  return server;
}

/** How the start ended: 'listening', or the error spawnServer gave (its exit code and output). */
async function startOutcome(dataDir: string): Promise<string> {
  return start(dataDir).then(
    () => 'listening',
    (error: unknown) => (error as Error).message,
  );
}

/** Stores `words` as separate Yjs updates (one log record each) of the document's text 't', and its metadata. */
async function storeDocument(dataDir: string, documentId: string, words: string[]): Promise<void> {
  const metadata = new LowMetadataStore(join(dataDir, 'meta.json'));
  const at = new Date().toISOString();
  await metadata.createDocument({
    id: documentId,
    title: documentId,
    template: 'blank',
    createdAt: at,
    updatedAt: at,
    createdBy: { id: 'p_tester', name: 'Tester' },
    epoch: 1,
    workspaceId: null,
    visibility: 'private',
    state: 'draft',
    grants: [{ subject: 'person', personId: 'p_tester', role: 'owner' }],
    consultation: DEFAULT_CONSULTATION,
  });
  await metadata.close();
  const store = new FileDocumentStore({ dir: join(dataDir, 'docs'), groupCommitMs: 0 });
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const word of words) doc.getText('t').insert(doc.getText('t').length, word);
  for (const update of updates) await store.append(documentId, update);
  await store.close();
}

async function token(documentId: string): Promise<string> {
  return mintSyncToken({ sub: 'tester', name: 'Tester', doc: documentId, access: 'edit' }, SECRET);
}

describe('the server process over a damaged data dir', () => {
  it('refuses a document whose log is damaged in the middle, serves the others, and names it in /healthz', async () => {
    const dataDir = tempDir();
    await storeDocument(dataDir, 'broken', ['Formål: ', 'fælles', 'spisning ', 'hver ', 'fredag']);
    await storeDocument(dataDir, 'healthy', ['Dagsorden']);
    const segment = join(dataDir, 'docs', 'broken', SEGMENT);
    const intact = readFileSync(segment);
    // A byte flipped inside the second record's payload; three whole records follow it.
    const [first, second] = decodeRecords(intact).records;
    const damaged = Buffer.from(intact);
    damaged[second!.byteOffset - intact.byteOffset + 2]! ^= 0x01;
    writeFileSync(segment, damaged);
    expect(first).toBeDefined();

    const server = await start(dataDir);
    // The documents are checked in the background once the server listens (a large data dir must
    // not hold up serving): the damage is logged, then listed in /healthz, when the check gets to it.
    await waitUntil(() => server.logs.some((line) => line.level === 50 && line.doc === 'broken'), 'the damage to be logged');

    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      ok: true,
      degraded: true,
      checks: { dataDir: true, sync: true, documents: false },
      damagedDocuments: [{ id: 'broken', problem: 'corrupt', file: SEGMENT }],
    });

    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/sync/broken?token=${await token('broken')}`);
    const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    expect(closed).toEqual(Close.storageFailed);

    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/sync`, 'healthy', doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token: await token('healthy') },
      disableBc: true,
    });
    cleanups.push(() => provider.destroy());
    await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
    expect(doc.getText('t').toString()).toBe('Dagsorden');

    await server.stop();
    expect(readFileSync(segment).equals(damaged), 'the damaged log is kept as it was').toBe(true);
    expect(readdirSync(join(dataDir, 'docs', 'broken'))).toEqual([SEGMENT]);
  });

  const damagedFiles: Array<[string, string, string]> = [
    ['meta.json that is not JSON', 'meta.json', '{ "documents": { "a": '],
    ['meta.json of the wrong shape', 'meta.json', JSON.stringify({ documents: { a: { id: 'a', title: 5 } } })],
    ['people.json of the wrong shape', 'people.json', JSON.stringify({ people: 'nobody' })],
    ['api-keys.json that is not JSON', 'api-keys.json', '{"keys": [}'],
  ];

  for (const [what, name, contents] of damagedFiles) {
    it(`refuses to start on ${what}: exit code 3, a sentence naming the file, the file untouched`, async () => {
      const dataDir = tempDir();
      const path = join(dataDir, name);
      writeFileSync(path, contents);
      const outcome = await startOutcome(dataDir);
      expect(outcome).toMatch(/exited with 3 before it was ready/);
      expect(outcome).toContain(`Samskriv did not start: cannot read`);
      expect(outcome).toContain(path);
      expect(readFileSync(path, 'utf8')).toBe(contents);
    });
  }

  it('refuses to start on a record log damaged in the middle: exit code 3, a sentence naming the log, the log untouched', async () => {
    const dataDir = tempDir();
    const people = new FileAccountStore({ dir: join(dataDir, 'records') });
    for (const id of ['p_a', 'p_b', 'p_c']) {
      const at = new Date().toISOString();
      await people.createPerson({
        id,
        email: `${id}@example.dk`,
        name: id,
        passwordHash: 'x',
        role: 'citizen',
        disabled: false,
        createdAt: at,
        updatedAt: at,
      });
    }
    await people.close();
    const log = join(dataDir, 'records', 'people', SEGMENT);
    const damaged = readFileSync(log);
    damaged[20]! ^= 0xff;
    writeFileSync(log, damaged);

    const outcome = await startOutcome(dataDir);
    expect(outcome).toMatch(/exited with 3 before it was ready/);
    expect(outcome).toContain('Samskriv did not start: cannot read the people records');
    expect(outcome).toContain(log);
    expect(readFileSync(log).equals(damaged)).toBe(true);
  });

  it('refuses to start on a generated auth-secret that is too short: exit code 3, a sentence naming the file', async () => {
    const dataDir = tempDir();
    const path = join(dataDir, 'auth-secret');
    writeFileSync(path, 'short\n', { mode: 0o600 });
    const outcome = await spawnServer({ env: { DATA_DIR: dataDir, AUTH_SECRET: '' } }).then(
      (server) => {
        cleanups.push(() => server.stop('SIGKILL'));
        return 'listening';
      },
      (error: unknown) => (error as Error).message,
    );
    expect(outcome).toMatch(/exited with 3 before it was ready/);
    expect(outcome).toContain(`Samskriv did not start: ${path} holds a secret shorter than 32 characters`);
    expect(readFileSync(path, 'utf8')).toBe('short\n');
  });

  it('starts on a fresh data dir with no store files at all', async () => {
    expect(await startOutcome(tempDir())).toBe('listening');
  });
});
