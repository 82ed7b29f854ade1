/**
 * Pulling a document's whole state again and again is slowed per connection and per IP, while
 * editors keep editing; one address cannot hold more than its share of sockets. Raw sockets play
 * the puller; stock providers are the editors who must not notice.
 */
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { Close, MessageType, SyncStep } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import { openRawSocket, type RawSocket } from '../helpers/rawSocket';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { waitFor, waitForDoc } from '../helpers/waitFor';
import { waitUntil } from '../helpers/waitUntil';
import type { SyncLimits } from '../../server/sync/createSyncServer';

/** Sync step 1 with an empty state vector: "send me everything". */
const FULL_SYNC = new Uint8Array([MessageType.sync, SyncStep.step1, 1, 0]);
const QUERY_AWARENESS = new Uint8Array([MessageType.queryAwareness]);

function kinds(socket: RawSocket): string[] {
  return socket.frames.map((frame) => {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    return type === MessageType.sync ? `sync${decoding.readVarUint(decoder)}` : `type${type}`;
  });
}

function waitForFrames(socket: RawSocket, predicate: (kinds: string[]) => boolean, what: string): Promise<true> {
  return waitFor(
    () => predicate(kinds(socket)),
    (recheck) => {
      socket.ws.on('message', recheck);
      return () => socket.ws.off('message', recheck);
    },
    { what },
  );
}

const countOf = (list: string[], kind: string) => list.filter((k) => k === kind).length;
const awarenessFrames = (list: string[]) => countOf(list, `type${MessageType.awareness}`);
const fullStates = (list: string[]) => countOf(list, `sync${SyncStep.step2}`);

async function scene(limits: Partial<SyncLimits>) {
  const server = await startSyncServer({ limits });
  const id = await server.createDocument('stort');
  const alice = connectProvider(server.url, id, { cookie: await server.cookie('Alice') });
  const bob = connectProvider(server.url, id, { cookie: await server.cookie('Bob') });
  await Promise.all([alice.synced(), bob.synced()]);
  alice.doc.getText('t').insert(0, 'x'.repeat(20_000));
  await waitForDoc(bob.doc, (d) => d.getText('t').length === 20_000);
  return { server, id, alice, bob };
}

/** Opens a reader socket with a presence of its own, so a presence query always has an answer. */
async function reader(server: TestSyncServer, id: string, clientId: number): Promise<RawSocket> {
  const socket = await openRawSocket(`${server.url}/${id}?token=${await server.token(id, 'view')}`);
  socket.ws.send(new Uint8Array([MessageType.awareness, 6, 1, clientId, 1, 2, ...Buffer.from('{}')]));
  return socket;
}

/** Sends `n` full syncs, then a presence query; resolves once its answer came (frames are handled in order). */
async function pull(socket: RawSocket, n: number): Promise<number> {
  const before = awarenessFrames(kinds(socket));
  for (let i = 0; i < n; i++) socket.ws.send(FULL_SYNC);
  socket.ws.send(QUERY_AWARENESS);
  await waitForFrames(socket, (list) => awarenessFrames(list) > before, 'the answer to the presence query');
  return fullStates(kinds(socket));
}

describe('full-state syncs', () => {
  it('answers a connection only up to its limit at once, while the editors keep editing', async () => {
    const { server, id, alice, bob } = await scene({ fullSyncsPerMinutePerConnection: 3 });
    const puller = await reader(server, id, 21);
    expect(await pull(puller, 10)).toBe(3);
    expect(server.logger.lines.filter((l) => l.msg === 'full syncs over the limit; slowing them')).toHaveLength(1);

    alice.doc.getText('t').insert(0, 'still editing ');
    await waitForDoc(bob.doc, (d) => d.getText('t').toString().startsWith('still editing '), { what: 'Bob to see Alice' });
    bob.doc.getText('t').insert(0, 'and Bob too ');
    await waitForDoc(alice.doc, (d) => d.getText('t').toString().startsWith('and Bob too '), { what: 'Alice to see Bob' });
    // The puller is slowed, not cut off: its edits-as-they-happen still arrive.
    await waitForFrames(puller, (list) => countOf(list, `sync${SyncStep.update}`) >= 2, 'the puller to get the edits');
    expect(alice.closes).toEqual([]);
    expect(bob.closes).toEqual([]);
    alice.destroy();
    bob.destroy();
  });

  it('shares a limit between the connections of one IP address', async () => {
    // Every client here is 127.0.0.1. Two at once, then one every 30 s: the test is done long before.
    const server = await startSyncServer({ limits: { fullSyncsPerMinutePerConnection: 100, fullSyncsPerMinutePerIp: 2 } });
    const id = await server.createDocument('stort');
    const first = await reader(server, id, 11);
    expect(await pull(first, 1)).toBe(1);
    const second = await reader(server, id, 12);
    expect(await pull(second, 3)).toBe(1);
    first.ws.close();
    second.ws.close();
  });
});

describe('sockets per IP address', () => {
  it('refuses the socket over the cap with 4529, and lets one in again once a socket closed', async () => {
    const server = await startSyncServer({ limits: { maxSocketsPerIp: 3 } });
    const id = await server.createDocument('mange');
    const token = await server.token(id, 'view');
    const open = [];
    for (let i = 0; i < 3; i++) open.push(await openRawSocket(`${server.url}/${id}?token=${token}`));
    const extra = await openRawSocket(`${server.url}/${id}?token=${token}`);
    expect(await extra.closed).toEqual(Close.tooManyConnections);
    expect(Close.tooManyConnections.code).toBeGreaterThanOrEqual(4500); // y-websocket retries it, with back-off

    open[0]?.ws.close();
    await open[0]?.closed;
    await waitUntil(() => server.sync.stats().sockets === 2, 'the closed socket to be gone');
    const again = await openRawSocket(`${server.url}/${id}?token=${token}`);
    again.ws.send(FULL_SYNC);
    await waitForFrames(again, (list) => fullStates(list) === 1, 'the new socket to be answered');
    for (const socket of [...open, again]) socket.ws.close();
  });

  it('gives a stock provider over the cap the close code, and it gets in once there is room', async () => {
    const server = await startSyncServer({ limits: { maxSocketsPerIp: 1 } });
    const id = await server.createDocument('provider');
    const blocker = await openRawSocket(`${server.url}/${id}?token=${await server.token(id, 'view')}`);
    const editor = connectProvider(server.url, id, { cookie: await server.cookie('Alice') });
    expect(await editor.closed()).toEqual(Close.tooManyConnections);
    blocker.ws.close();
    await editor.synced();
    editor.destroy();
  });
});
