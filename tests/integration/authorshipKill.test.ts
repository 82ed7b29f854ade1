/**
 * Attribution has the durability of the update it belongs to: the real server process is killed
 * with SIGKILL the moment another client has seen the edits (seen = stored, persist before
 * broadcast), and every character that client saw is attributed in what is on disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { AuthorshipTable } from '../../lib/authorship/AuthorshipTable';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { FileDocumentStore } from '../../server/storage/FileDocumentStore';
import { spawnServer, type SpawnedServer } from '../helpers/spawnServer';
import { waitUntil } from '../helpers/waitUntil';

const SECRET = 'integration-secret-integration-secret-0123456789';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-authorship-kill-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<SpawnedServer> {
  // Small compaction bounds, so snapshots (with their tables) are written while the text grows.
  const server = await spawnServer({ env: { DATA_DIR: dataDir, AUTH_SECRET: SECRET, SYNC_COMPACT_AFTER_RECORDS: '50' } });
  cleanups.push(() => server.stop('SIGKILL'));
  return server;
}

async function connect(port: number, room: string, user: string) {
  const doc = new Y.Doc();
  const token = await mintSyncToken({ sub: user, name: user, doc: room, access: 'edit' }, SECRET);
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  return { doc, provider };
}

/** The test's text: one Y.XmlText in the body. */
const textOf = (doc: Y.Doc): Y.XmlText | undefined =>
  doc
    .getXmlFragment(BODY_FRAGMENT)
    .toArray()
    .find((node): node is Y.XmlText => node instanceof Y.XmlText);

describe('attribution and SIGKILL', () => {
  it('every character another client saw before the kill is attributed on disk', async () => {
    const dataDir = tempDir();
    const server = await start(dataDir);
    const writer = await connect(server.port, 'stempler', 'writer');
    const reader = await connect(server.port, 'stempler', 'reader');
    const body = writer.doc.getXmlFragment(BODY_FRAGMENT);
    body.insert(0, [new Y.XmlText()]);
    const text = textOf(writer.doc)!;

    let typed = 0;
    const typing = setInterval(() => {
      for (let i = 0; i < 10; i++) text.insert(text.length, String.fromCharCode(97 + (typed++ % 26)));
    }, 1);
    await waitUntil(() => (textOf(reader.doc)?.length ?? 0) >= 400, 'the reader to see 400 keystrokes');
    const seen = textOf(reader.doc)!.toString();
    server.child.kill('SIGKILL');
    clearInterval(typing);
    await server.exited;

    // What is on disk after the kill: the body and its attribution (snapshot table + each record's stamp).
    const store = new FileDocumentStore({ dir: join(dataDir, 'docs'), groupCommitMs: 0 });
    cleanups.push(() => store.close());
    const stored = await store.loadAttributed('stempler');
    const doc = new Y.Doc();
    for (const update of stored!.updates) Y.applyUpdate(doc, update);
    const table = AuthorshipTable.fromStored(stored!.attribution);
    const onDisk = textOf(doc)!;
    expect(onDisk.toString().startsWith(seen)).toBe(true);
    // Walk the stored items of the text the reader saw: each one's author, never missing.
    const authors = new Map<string | null, number>();
    let counted = 0;
    for (let item = onDisk._start; item && counted < seen.length; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
      for (let i = 0; i < item.length && counted < seen.length; i++, counted++) {
        const by = table.authorOf(item.id.client, item.id.clock + i)?.by ?? null;
        authors.set(by, (authors.get(by) ?? 0) + 1);
      }
    }
    expect(counted).toBe(seen.length);
    // A token signed with the server's secret (no API key): "platform", for every character.
    expect([...authors]).toEqual([['platform', seen.length]]);
    expect(table.sessions().map((s) => s.by)).toEqual(['platform']);
  });
});
