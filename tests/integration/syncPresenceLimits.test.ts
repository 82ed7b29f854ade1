/**
 * Presence (awareness) cannot be used to amplify: a signed-out reader of a public document speaks
 * for one awareness client with a state of limited size at a limited rate, a joiner is sent a
 * bounded amount of the others' presence, and the presence of a socket that stays open but silent
 * is removed. Raw sockets play the hostile reader; a stock provider is the editor who must not notice.
 */
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '../../lib/protocol';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { openRawSocket, type RawSocket } from '../helpers/rawSocket';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { waitFor, waitForAwareness } from '../helpers/waitFor';
import type { SyncLimits } from '../../server/sync/createSyncServer';

type Entry = { clientId: number; clock: number; state: unknown };

function awarenessFrame(entries: readonly Entry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, MessageType.awareness);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** The entries of every awareness frame a raw socket received, with their sizes. */
function receivedPresence(socket: RawSocket): Array<{ clientId: number; bytes: number }[]> {
  const frames: Array<{ clientId: number; bytes: number }[]> = [];
  for (const frame of socket.frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.awareness) continue;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const entries: { clientId: number; bytes: number }[] = [];
    for (let count = decoding.readVarUint(update); count > 0; count--) {
      const clientId = decoding.readVarUint(update);
      decoding.readVarUint(update);
      entries.push({ clientId, bytes: Buffer.byteLength(decoding.readVarString(update)) });
    }
    frames.push(entries);
  }
  return frames;
}

async function publicScene(limits: Partial<SyncLimits> = {}): Promise<{ server: TestSyncServer; id: string; editor: TestProvider }> {
  const server = await startSyncServer({ limits });
  const owner = await server.person('Anna Jensen', { team: false });
  const meta = await server.documents.create({
    title: 'Høring',
    template: 'blank',
    createdBy: { id: owner.personId, name: 'Anna Jensen' },
    visibility: 'public',
  });
  const editor = connectProvider(server.url, meta.id, { cookie: owner.cookie });
  await editor.synced();
  return { server, id: meta.id, editor };
}

/** Every state the editor's awareness held for `clientId`, in order. */
function statesSeen(editor: TestProvider, clientId: number): unknown[] {
  const seen: unknown[] = [];
  editor.provider.awareness.on('change', () => {
    const state = editor.provider.awareness.getStates().get(clientId);
    if (state !== undefined) seen.push(state);
  });
  return seen;
}

describe('presence limits', () => {
  it("relays only a signed-out reader's first awareness client, never a second one", async () => {
    const { server, id, editor } = await publicScene();
    const reader = await openRawSocket(`${server.url}/${id}`);
    reader.ws.send(
      awarenessFrame([
        { clientId: 1001, clock: 1, state: { cursor: 1 } },
        { clientId: 1002, clock: 1, state: { cursor: 2 } },
      ]),
    );
    // A second frame for the other id, then a marker from the first: frames are handled in order.
    reader.ws.send(awarenessFrame([{ clientId: 1002, clock: 2, state: { cursor: 3 } }]));
    reader.ws.send(awarenessFrame([{ clientId: 1001, clock: 2, state: { done: true } }]));
    await waitForAwareness(editor.provider.awareness, (states) => states.get(1001)?.done === true);
    expect(editor.provider.awareness.getStates().has(1002)).toBe(false);
    editor.destroy();
  });

  it('drops an oversized state (and logs it once) while a small one from the same reader gets through', async () => {
    const { server, id, editor } = await publicScene({ presenceMaxBytes: 2048 });
    const seen = statesSeen(editor, 2001);
    const reader = await openRawSocket(`${server.url}/${id}`);
    const huge = 'x'.repeat(64 * 1024);
    reader.ws.send(awarenessFrame([{ clientId: 2001, clock: 1, state: { huge } }]));
    reader.ws.send(awarenessFrame([{ clientId: 2001, clock: 2, state: { huge: huge.slice(0, 4096) } }]));
    reader.ws.send(awarenessFrame([{ clientId: 2001, clock: 3, state: { small: true } }]));
    await waitForAwareness(editor.provider.awareness, (states) => states.get(2001)?.small === true);
    expect(seen.every((state) => JSON.stringify(state).length < 2048)).toBe(true);
    expect(server.logger.lines.filter((l) => l.msg === 'presence state too large; dropped')).toHaveLength(1);
    expect(editor.closes).toEqual([]);
    editor.destroy();
  });

  it('relays a burst of presence updates beyond the rate only in part, and the last one always', async () => {
    const { server, id, editor } = await publicScene({ presenceUpdatesPerSecond: 5 });
    const seen = statesSeen(editor, 3001);
    const reader = await openRawSocket(`${server.url}/${id}`);
    for (let clock = 1; clock <= 50; clock++) reader.ws.send(awarenessFrame([{ clientId: 3001, clock, state: { clock } }]));
    await waitForAwareness(editor.provider.awareness, (states) => states.get(3001)?.clock === 50, { what: 'the last update' });
    expect(seen.length).toBeLessThan(20);
    editor.destroy();
  });

  it("sends a joiner at most the replay limit of the others' presence", async () => {
    const { server, id, editor } = await publicScene({ presenceMaxBytes: 2048, presenceReplayMaxBytes: 4096 });
    const readers = await Promise.all([1, 2, 3, 4, 5].map(() => openRawSocket(`${server.url}/${id}`)));
    readers.forEach((reader, i) => reader.ws.send(awarenessFrame([{ clientId: 4001 + i, clock: 1, state: { pad: 'p'.repeat(1500) } }])));
    await waitForAwareness(editor.provider.awareness, (states) => [1, 2, 3, 4, 5].every((i) => states.has(4000 + i)));

    const joiner = await openRawSocket(`${server.url}/${id}`);
    await waitFor(
      () => receivedPresence(joiner).length > 0,
      (recheck) => {
        joiner.ws.on('message', recheck);
        return () => joiner.ws.off('message', recheck);
      },
      { what: "the joiner's presence replay" },
    );
    const replay = receivedPresence(joiner)[0] ?? [];
    expect(replay.reduce((sum, entry) => sum + entry.bytes, 0)).toBeLessThanOrEqual(4096);
    expect(replay.length).toBeGreaterThan(0);
    expect(replay.length).toBeLessThan(6);
    editor.destroy();
  });

  it('removes the presence of a socket that stays open but silent, and tells the others', async () => {
    const { server, id, editor } = await publicScene({ presenceTimeoutMs: 300 });
    const reader = await openRawSocket(`${server.url}/${id}`);
    reader.ws.send(awarenessFrame([{ clientId: 5001, clock: 1, state: { here: true } }]));
    await waitForAwareness(editor.provider.awareness, (states) => states.has(5001), { what: 'the silent reader to appear' });
    await waitForAwareness(editor.provider.awareness, (states) => !states.has(5001), { what: 'the silent reader to time out' });
    // The socket is still open: speaking again brings the presence back.
    reader.ws.send(awarenessFrame([{ clientId: 5001, clock: 2, state: { back: true } }]));
    await waitForAwareness(editor.provider.awareness, (states) => states.get(5001)?.back === true, { what: 'the reader to return' });
    expect(editor.closes).toEqual([]);
    editor.destroy();
  });
});
