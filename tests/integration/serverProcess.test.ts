/**
 * The real process entry: crash safety (SIGKILL right after another client saw the edits),
 * graceful SIGTERM, /healthz, the generated AUTH_SECRET, configuration errors, and logs that
 * never carry tokens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { spawnServer, type SpawnedServer } from '../helpers/spawnServer';
import { waitUntil } from '../helpers/waitUntil';

const SECRET = 'integration-secret-integration-secret-0123456789';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-process-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string, env: Record<string, string> = {}): Promise<SpawnedServer> {
  const server = await spawnServer({ env: { DATA_DIR: dataDir, AUTH_SECRET: SECRET, ...env } });
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
  return { doc, provider, text: bodyText(doc) };
}

/**
 * The test's text: a Y.XmlText in the body (the server accepts no other root), made by the first
 * insert; reads as empty until it exists here.
 */
function bodyText(doc: Y.Doc) {
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  const find = () => body.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText);
  return {
    get length() {
      return find()?.length ?? 0;
    },
    toString: () => find()?.toString() ?? '',
    insert(index: number, text: string) {
      let target = find();
      if (!target) {
        target = new Y.XmlText();
        body.insert(body.length, [target]);
      }
      target.insert(index, text);
    },
  };
}

describe('the server process', () => {
  it('keeps everything another client saw when it is killed with SIGKILL', async () => {
    const dataDir = tempDir();
    const server = await start(dataDir);
    const writer = await connect(server.port, 'crash', 'writer');
    const reader = await connect(server.port, 'crash', 'reader');

    // Type continuously; kill the server the moment the reader has seen 300 keystrokes.
    let typed = 0;
    const typing = setInterval(() => {
      for (let i = 0; i < 10; i++) writer.text.insert(writer.text.length, String.fromCharCode(97 + (typed++ % 26)));
    }, 1);
    await waitUntil(() => reader.text.length >= 300, 'the reader to see 300 keystrokes');
    const seen = reader.text.toString();
    server.child.kill('SIGKILL');
    clearInterval(typing);
    await server.exited;
    writer.provider.destroy();
    reader.provider.destroy();

    const restarted = await start(dataDir);
    const fresh = await connect(restarted.port, 'crash', 'fresh');
    // The log since the snapshot comes before step 2 (Room.answerStep1); this waits for the text itself.
    await waitUntil(() => fresh.text.length >= seen.length, 'the fresh client to have what the reader saw');
    expect(fresh.text.toString().startsWith(seen)).toBe(true);
    expect(fresh.text.length).toBeGreaterThanOrEqual(seen.length);
  });

  it('on SIGTERM closes sockets with 1001, flushes, and exits 0 with nothing lost', async () => {
    const dataDir = tempDir();
    const server = await start(dataDir);
    const client = await connect(server.port, 'term', 'writer');
    const closed = new Promise<number>((resolve) => client.provider.on('connection-close', (event) => resolve(event?.code ?? 0)));
    client.text.insert(0, 'Formål: fællesspisning');
    const exit = server.stop('SIGTERM');
    expect(await closed).toBe(1001);
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(server.logs.some((line) => line.msg === 'stopped cleanly')).toBe(true);
    client.provider.destroy();

    const restarted = await start(dataDir);
    const fresh = await connect(restarted.port, 'term', 'reader');
    expect(fresh.text.toString()).toBe('Formål: fællesspisning');
  });

  it('answers /healthz with 200, and 503 once the data dir is gone', async () => {
    const dataDir = tempDir();
    const server = await start(dataDir);
    const ok = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      ok: true,
      degraded: false,
      checks: { dataDir: true, sync: true, documents: true },
      damagedDocuments: [],
    });
    rmSync(dataDir, { recursive: true, force: true });
    const broken = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(broken.status).toBe(503);
    expect(await broken.json()).toMatchObject({ ok: false, checks: { dataDir: false } });
  });

  it('generates AUTH_SECRET once into the data dir, owner-only, and reuses it', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir, { AUTH_SECRET: '' });
    await first.stop();
    const secretFile = join(dataDir, 'auth-secret');
    const secret = readFileSync(secretFile, 'utf8');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(first.logs.some((line) => line.level === 40 && String(line.msg).includes('AUTH_SECRET is not set'))).toBe(true);
    const second = await start(dataDir, { AUTH_SECRET: '' });
    await second.stop();
    expect(readFileSync(secretFile, 'utf8')).toBe(secret);
    expect(second.output()).not.toContain(secret.trim());
    expect(first.output()).not.toContain(secret.trim());
  });

  it('refuses to start on a bad variable and names it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--sync-only'], {
      env: { ...process.env, PORT: 'not-a-port', SYNC_MAX_MESSAGE_BYTES: '5' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('SYNC_MAX_MESSAGE_BYTES');
  });

  it('never writes sync tokens or document text into its logs', async () => {
    const dataDir = tempDir();
    const server = await start(dataDir, { LOG_LEVEL: 'trace' });
    const client = await connect(server.port, 'secret-doc', 'writer');
    client.text.insert(0, 'hemmelig-tekst-42');
    const reader = await connect(server.port, 'secret-doc', 'reader');
    await waitUntil(() => reader.text.toString() === 'hemmelig-tekst-42', 'the reader to receive the text');
    await server.stop();
    const token = String(client.provider.params.token);
    expect(server.output()).not.toContain(token);
    expect(server.output()).not.toContain(token.split('.')[2]);
    expect(server.output()).not.toContain('hemmelig-tekst-42');
  });
});
