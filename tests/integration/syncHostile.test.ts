/**
 * Hostile frames from an authorized raw `ws` client: each closes only the offender (4400, or
 * 4413 for a frame over the limit, refused before it is buffered), while stock providers on the
 * same document keep syncing and the stored document stays whole.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Close } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import { openRawSocket } from '../helpers/rawSocket';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { waitForDoc } from '../helpers/waitFor';

const MiB = 1024 * 1024;

function garbageUpdateFrame(): Uint8Array {
  return new Uint8Array([0, 2, 8, 1, 2, 3, 4, 5, 6, 250, 17]);
}

function nanClientFrame(): Uint8Array {
  // A real update whose client id is an overlong varint (lib0 reads it as NaN).
  const doc = new Y.Doc();
  doc.clientID = 7;
  doc.getText('t').insert(0, 'evil');
  const update = Y.encodeStateAsUpdate(doc);
  const hostile = new Uint8Array([1, 1, ...new Array(160).fill(0x80), 0, ...update.slice(3)]);
  return new Uint8Array([0, 2, ...encodeLength(hostile.length), ...hostile]);
}

function encodeLength(n: number): number[] {
  const bytes: number[] = [];
  while (n >= 0x80) {
    bytes.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  bytes.push(n);
  return bytes;
}

let seed = 7;
function randomBytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
}

const hostileFrames: Array<[string, () => Uint8Array, { code: number; reason: string }]> = [
  ['a truncated varint', () => new Uint8Array([0x80]), Close.badMessage],
  ['a truncated sync message', () => new Uint8Array([0, 2]), Close.badMessage],
  ['an absurd length', () => new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]), Close.badMessage],
  ['a garbage update', garbageUpdateFrame, Close.badMessage],
  ['an update with a NaN client id', nanClientFrame, Close.badMessage],
  ['an unknown message type', () => new Uint8Array([42, 0, 0]), Close.badMessage],
  ['random bytes', () => new Uint8Array([0, 1, 200, ...randomBytes(199)]), Close.badMessage],
  ['an empty frame', () => new Uint8Array(), Close.badMessage],
];

async function scene(server: TestSyncServer) {
  const id = await server.createDocument('angreb');
  const alice = connectProvider(server.url, id, { cookie: await server.cookie('Alice') });
  const bob = connectProvider(server.url, id, { cookie: await server.cookie('Bob') });
  await Promise.all([alice.synced(), bob.synced()]);
  alice.doc.getText('t').insert(0, 'before ');
  await waitForDoc(bob.doc, (d) => d.getText('t').toString() === 'before ');
  const token = await server.token(id, 'edit', { name: 'Mallory' });
  return { id, alice, bob, token };
}

describe('hostile frames', () => {
  it.each(hostileFrames)('%s closes only the offender, and the others keep syncing', async (_name, frame, expected) => {
    const server = await startSyncServer();
    const { id, alice, bob, token } = await scene(server);
    const mallory = await openRawSocket(`${server.url}/${id}?token=${token}`);
    mallory.ws.send(frame());
    expect(await mallory.closed).toEqual(expected);

    alice.doc.getText('t').insert(7, 'after');
    await waitForDoc(bob.doc, (d) => d.getText('t').toString() === 'before after', { what: 'Bob to see Alice after the attack' });
    expect(alice.closes).toEqual([]);
    expect(bob.closes).toEqual([]);
    const stored = new Y.Doc();
    for (const update of (await server.store.load(id)) ?? []) Y.applyUpdate(stored, update);
    expect(stored.getText('t').toString()).toBe('before after');
    expect([...stored.store.clients.keys()].every(Number.isSafeInteger)).toBe(true);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(alice.doc));
    // Logged once, by code and size, without the token.
    expect(server.logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    expect(server.logger.text()).not.toContain(token);
    alice.destroy();
    bob.destroy();
  });

  it('refuses a 64 MiB frame before buffering it, with 4413, and the others keep syncing', async () => {
    const server = await startSyncServer({ limits: { maxMessageBytes: 8 * MiB } });
    const { id, alice, bob, token } = await scene(server);
    const mallory = await openRawSocket(`${server.url}/${id}?token=${token}`);
    const huge = new Uint8Array(64 * MiB);
    huge[0] = 0;
    huge[1] = 2;
    mallory.ws.send(huge);
    expect(await mallory.closed).toEqual(Close.tooLarge);

    alice.doc.getText('t').insert(7, 'after');
    await waitForDoc(bob.doc, (d) => d.getText('t').toString() === 'before after');
    expect(alice.closes).toEqual([]);
    expect(bob.closes).toEqual([]);
    alice.destroy();
    bob.destroy();
  });

  it('accepts a frame just under the limit', async () => {
    const server = await startSyncServer({ limits: { maxMessageBytes: 64 * 1024 } });
    const { alice, bob } = await scene(server);
    const big = 'x'.repeat(60 * 1024);
    alice.doc.getText('big').insert(0, big);
    await waitForDoc(bob.doc, (d) => d.getText('big').length === big.length);
    expect(alice.closes).toEqual([]);
    alice.destroy();
    bob.destroy();
  });

  it('closes a text frame with 4400', async () => {
    const server = await startSyncServer();
    const { id, alice, bob, token } = await scene(server);
    const mallory = await openRawSocket(`${server.url}/${id}?token=${token}`);
    mallory.ws.send('hello');
    expect(await mallory.closed).toEqual(Close.badMessage);
    alice.destroy();
    bob.destroy();
  });
});

describe('a client that stops reading', () => {
  it('is dropped once too much is queued for it, and the others keep syncing', async () => {
    const server = await startSyncServer({ limits: { maxBufferedBytes: 256 * 1024 } });
    const { id, alice, bob, token } = await scene(server);
    const sloth = await openRawSocket(`${server.url}/${id}?token=${token}`);
    // Stop reading: the kernel buffers fill, then the server's queue for this socket grows.
    (sloth.ws as unknown as { _socket: { pause(): void } })._socket.pause();

    const text = alice.doc.getText('t');
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    while (server.logger.lines.every((l) => l.msg !== 'sync socket not reading; dropping it') && sent < 400) {
      text.insert(text.length, chunk);
      sent++;
      await waitForDoc(bob.doc, (d) => d.getText('t').length === text.length, { what: 'Bob to keep up' });
    }
    expect(server.logger.lines.some((l) => l.msg === 'sync socket not reading; dropping it')).toBe(true);
    expect(sent).toBeLessThan(400);
    expect(alice.closes).toEqual([]);
    expect(bob.closes).toEqual([]);
    text.insert(0, 'still here ');
    await waitForDoc(bob.doc, (d) => d.getText('t').toString().startsWith('still here '), { what: 'Bob after the slow reader left' });
    alice.destroy();
    bob.destroy();
  });
});
