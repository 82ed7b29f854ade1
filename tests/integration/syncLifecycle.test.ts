/**
 * The endpoint's life around its sockets: ping/pong liveness, graceful close (1001, every pending
 * write made durable, later upgrades refused), stats, and reopening documents unloaded when idle.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { Close } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import { openRawSocket } from '../helpers/rawSocket';
import { startSyncServer } from '../helpers/startSyncServer';
import { waitForDoc } from '../helpers/waitFor';
import { FileDocumentStore } from '../../server/storage/FileDocumentStore';

describe('liveness', () => {
  it('terminates a socket that stops answering pings, and only that one', async () => {
    const server = await startSyncServer({ limits: { pingIntervalMs: 100 } });
    const id = await server.createDocument('puls');
    const token = await server.token(id, 'edit');
    const silent = await openRawSocket(`${server.url}/${id}?token=${token}`, { autoPong: false });
    const healthy = await openRawSocket(`${server.url}/${id}?token=${token}`);
    const closed = await silent.closed;
    // Terminated, not closed: a dead peer cannot take part in a close handshake.
    expect(closed.code).toBe(1006);
    expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
    expect(server.logger.lines.some((l) => l.msg?.includes('missed a pong'))).toBe(true);
    healthy.ws.close();
  });
});

describe('close()', () => {
  it('closes every socket with 1001, keeps every acknowledged write, and refuses new upgrades', async () => {
    const server = await startSyncServer();
    const id = await server.createDocument('luk');
    const alice = connectProvider(server.url, id, { cookie: await server.cookie('Alice') });
    const bob = connectProvider(server.url, id, { cookie: await server.cookie('Bob') });
    await Promise.all([alice.synced(), bob.synced()]);
    alice.doc.getText('t').insert(0, 'gemt før lukning');
    await waitForDoc(bob.doc, (d) => d.getText('t').length > 0);
    expect(server.sync.stats()).toMatchObject({ rooms: 1, connections: 2, sockets: 2 });
    expect(server.sync.isUp()).toBe(true);

    const closing = server.sync.close();
    expect(server.sync.isUp()).toBe(false);
    await closing;
    expect(await alice.closed()).toEqual(Close.goingAway);
    expect(await bob.closed()).toEqual(Close.goingAway);
    expect(server.sync.stats()).toMatchObject({ rooms: 0, connections: 0, sockets: 0 });

    const stored = new Y.Doc();
    for (const update of (await server.store.load(id)) ?? []) Y.applyUpdate(stored, update);
    expect(stored.getText('t').toString()).toBe('gemt før lukning');

    await expect(openRawSocket(`${server.url}/${id}?token=${await server.token(id, 'edit')}`)).rejects.toThrow('HTTP 503');
    alice.destroy();
    bob.destroy();
  });

  it('leaves paths outside /sync/ to the caller', async () => {
    const server = await startSyncServer();
    // The test server destroys upgrades that handleUpgrade declines.
    await expect(openRawSocket(`ws://127.0.0.1:${server.port}/other/path`)).rejects.toThrow();
    await expect(openRawSocket(`ws://127.0.0.1:${server.port}/sync`)).rejects.toThrow();
    expect(server.sync.stats().sockets).toBe(0);
  });

  it('opens a document again after it was unloaded while idle, whether or not the unload has finished', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samskriv-idle-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const server = await startSyncServer({ store: new FileDocumentStore({ dir, groupCommitMs: 2 }), limits: { idleUnloadMs: 0 } });
    const id = await server.createDocument('tomgang');
    for (let round = 0; round < 5; round++) {
      const client = connectProvider(server.url, id, { cookie: await server.cookie() });
      await client.synced();
      expect(client.doc.getText('t').toString()).toBe('x'.repeat(round));
      client.doc.getText('t').insert(round, 'x');
      // Stored once another client has seen it; then this one leaves and the room unloads at once.
      const watcher = connectProvider(server.url, id, { cookie: await server.cookie() });
      await waitForDoc(watcher.doc, (d) => d.getText('t').length === round + 1);
      client.destroy();
      watcher.destroy();
    }
  });
});
