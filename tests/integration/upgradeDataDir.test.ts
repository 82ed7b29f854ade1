/**
 * Upgrade in place (issue 11): a data dir written by the previous version (people.json,
 * access.json and meta.json from today's Low* stores) is imported into the record logs on the
 * first start of the real process; the JSON files are kept as *.imported-<time>, and the next
 * start reads the logs only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { LowAccountStore } from '../../server/people/LowAccountStore';
import { LowSharingStore } from '../../server/sharing/LowSharingStore';
import { LowMetadataStore } from '../../server/storage/LowMetadataStore';
import { FileAccountStore } from '../../server/people/FileAccountStore';
import { FileSharingStore } from '../../server/sharing/FileSharingStore';
import { FileMetadataStore } from '../../server/storage/FileMetadataStore';
import { FileDocumentStore } from '../../server/storage/FileDocumentStore';
import { samplePerson, sampleSession } from '../unit/people/store/accountStoreContract';
import { sampleInvite } from '../unit/sharing/sharingStoreContract';
import { sampleMeta } from '../unit/storage/metadataStoreContract';
import { spawnServer, type SpawnedServer } from '../helpers/spawnServer';

const SECRET = 'integration-secret-integration-secret-0123456789';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(dataDir: string): Promise<SpawnedServer> {
  const server = await spawnServer({ env: { DATA_DIR: dataDir, AUTH_SECRET: SECRET } });
  cleanups.push(() => server.stop('SIGKILL'));
  return server;
}

/** What the previous version left: its three JSON files and one document body. */
async function writeTodaysDataDir(dataDir: string): Promise<void> {
  const people = new LowAccountStore(join(dataDir, 'people.json'));
  await people.createPerson(samplePerson('p_ejer', { role: 'admin' }));
  await people.createSession(sampleSession('h_ejer', 'p_ejer', { expiresAt: '2999-01-01T00:00:00.000Z' }));
  await people.close();
  const sharing = new LowSharingStore(join(dataDir, 'access.json'));
  await sharing.createInvite(sampleInvite('i_a', { documentId: 'plan', expiresAt: '2999-01-01T00:00:00.000Z' }));
  await sharing.close();
  const metadata = new LowMetadataStore(join(dataDir, 'meta.json'));
  await metadata.createDocument(
    sampleMeta('plan', undefined, { title: 'Lokalplan', grants: [{ subject: 'person', personId: 'p_ejer', role: 'owner' }] }),
  );
  await metadata.close();
  const bodies = new FileDocumentStore({ dir: join(dataDir, 'docs'), groupCommitMs: 0 });
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => void bodies.append('plan', update));
  doc.getText('t').insert(0, 'Formål');
  await bodies.close();
}

describe('upgrading a data dir written by the previous version', () => {
  it('imports people.json, access.json and meta.json on first start, keeps them aside, and serves their data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samskriv-upgrade-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    await writeTodaysDataDir(dataDir);

    const first = await start(dataDir);
    const imported = first.logs.filter((line) => typeof line.msg === 'string' && line.msg.startsWith('imported ')).map((line) => line.msg);
    expect(imported.sort()).toEqual([
      'imported access.json into the record store',
      'imported meta.json into the record store',
      'imported people.json into the record store',
    ]);
    const names = readdirSync(dataDir);
    for (const name of ['people.json', 'access.json', 'meta.json']) {
      expect(names).not.toContain(name);
      expect(names.filter((kept) => kept.startsWith(`${name}.imported-`))).toHaveLength(1);
    }

    // The document is served with its stored body.
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${first.port}/sync`, 'plan', doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token: await mintSyncToken({ sub: 'p_ejer', name: 'Ejer', doc: 'plan', access: 'edit' }, SECRET) },
      disableBc: true,
    });
    cleanups.push(() => provider.destroy());
    await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
    expect(doc.getText('t').toString()).toBe('Formål');
    provider.destroy();
    expect(await first.stop()).toEqual({ code: 0, signal: null });

    // The next start imports nothing; the record stores hold what the JSON files held.
    const second = await start(dataDir);
    expect(second.logs.some((line) => typeof line.msg === 'string' && line.msg.startsWith('imported '))).toBe(false);
    expect(await second.stop()).toEqual({ code: 0, signal: null });
    const records = join(dataDir, 'records');
    const accounts = new FileAccountStore({ dir: records });
    expect(await accounts.getSession('h_ejer')).toMatchObject({ personId: 'p_ejer' });
    expect(await accounts.countActiveAdmins()).toBe(1);
    await accounts.close();
    const sharing = new FileSharingStore({ dir: records });
    expect(await sharing.getInviteByTokenHash('hash-i_a')).toMatchObject({ id: 'i_a', documentId: 'plan' });
    await sharing.close();
    const metadata = new FileMetadataStore({ dir: records });
    expect((await metadata.listDocuments()).map((meta) => meta.title)).toEqual(['Lokalplan']);
    await metadata.close();
  });
});
