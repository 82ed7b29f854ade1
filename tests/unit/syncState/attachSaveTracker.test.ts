/**
 * The save tracker wired to the stock y-websocket provider, over an in-memory socket whose other
 * end follows the server's ack contract (one `saved` frame per sync step 2 / update, in order).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../../lib/protocol';
import { SaveTracker } from '../../../lib/sync/SaveTracker';
import { attachSaveTracker } from '../../../lib/sync/attachSaveTracker';
import { restoreFromLocalCopy } from '../../../lib/offline/localDocumentSyncState';

const stateVectorOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

/** The browser side of an in-memory socket; the test plays the server. */
class MemorySocket {
  static last: MemorySocket | null = null;
  static readonly OPEN = 1;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'arraybuffer';
  readonly sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;

  constructor(readonly url: string) {
    MemorySocket.last = this;
  }
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  deliver(frame: Uint8Array) {
    this.onmessage?.({ data: frame.slice().buffer });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

/** Plays the sync server: answers step 1, stores updates, and acks when told to (durability is in the test's hands). */
class FakeServer {
  readonly doc = new Y.Doc();
  private unanswered: Map<number, number>[] = [];
  private read = 0;

  constructor(private socket: MemorySocket) {}

  attach(socket: MemorySocket) {
    this.socket = socket;
    this.read = 0;
    this.unanswered = [];
  }

  /** Reads what the client sent since last time; returns how many update-carrying messages came. */
  receive(): number {
    let updates = 0;
    for (const frame of this.socket.sent.slice(this.read)) {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
      const type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) continue;
      Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder));
      this.unanswered.push(Y.decodeStateVector(Y.encodeStateVector(this.doc)));
      updates++;
    }
    this.read = this.socket.sent.length;
    return updates;
  }

  sendStep1() {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.socket.deliver(encoding.toUint8Array(encoder));
  }

  sendStep2(clientStateVector = new Uint8Array([0])) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep2(encoder, this.doc, clientStateVector);
    this.socket.deliver(encoding.toUint8Array(encoder));
  }

  /** Sends the next `saved` frame (for the oldest unanswered message); `only`: the real server's clocks (just the clients in that message). */
  ackNext(only?: Map<number, number>) {
    const next = this.unanswered.shift();
    if (!next) throw new Error('nothing to ack');
    const clocks = only ?? next;
    const sv = encoding.createEncoder();
    encoding.writeVarUint(sv, clocks.size);
    for (const [client, clock] of clocks) {
      encoding.writeVarUint(sv, client);
      encoding.writeVarUint(sv, clock);
    }
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, MessageType.saved);
    encoding.writeVarUint8Array(frame, encoding.toUint8Array(sv));
    this.socket.deliver(encoding.toUint8Array(frame));
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function connect() {
  const doc = new Y.Doc();
  const tracker = new SaveTracker({ now: () => 7 });
  const provider = new WebsocketProvider('ws://test/sync', 'doc1', doc, {
    connect: false,
    disableBc: true,
    params: { ack: '1' },
    WebSocketPolyfill: MemorySocket as unknown as typeof WebSocket,
  });
  const detach = attachSaveTracker(doc, provider, tracker);
  cleanups.push(() => {
    detach();
    provider.destroy();
    doc.destroy();
  });
  provider.connect();
  const socket = MemorySocket.last as MemorySocket;
  const server = new FakeServer(socket);
  socket.open();
  server.sendStep1(); // the client answers with its step 2
  server.sendStep2();
  server.receive();
  server.ackNext();
  return { doc, tracker, provider, server, socket };
}

describe('attachSaveTracker with the y-websocket provider', () => {
  it('goes from connecting to saved once the first sync and its ack are done', () => {
    const { tracker } = connect();
    expect(tracker.status()).toEqual({ kind: 'saved', savedAt: 7 });
  });

  it('counts typed changes as saving until the server acknowledges them', () => {
    const { doc, tracker, server } = connect();
    doc.getText('t').insert(0, 'hej');
    doc.getText('t').insert(3, '!');
    expect(server.receive()).toBe(2);
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 2 });
    server.ackNext();
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 1 });
    server.ackNext();
    expect(tracker.status()).toEqual({ kind: 'saved', savedAt: 7 });
  });

  it('does not count a deletion as saved by the ack of an earlier message', () => {
    const { doc, tracker, server } = connect();
    doc.getText('t').insert(0, 'hej');
    doc.getText('t').delete(0, 1);
    expect(server.receive()).toBe(2);
    server.ackNext(); // for the insert, arriving after the deletion was sent
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 1 });
    server.ackNext();
    expect(tracker.status().kind).toBe('saved');
  });

  it('ignores updates that came from the server', () => {
    const { tracker, server } = connect();
    server.doc.getText('t').insert(0, 'fra en anden');
    server.sendStep2();
    expect(tracker.status().kind).toBe('saved');
  });

  it('remembers content from the server as confirmed, so a reload from a local copy counts none of it as waiting', () => {
    const { doc, tracker, server } = connect();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'Bo skrev dette');
    Y.applyUpdate(server.doc, Y.encodeStateAsUpdate(other));
    server.sendStep2(new Uint8Array(Y.encodeStateVector(doc)));
    expect(doc.getText('t').toString()).toBe('Bo skrev dette');
    const kept = tracker.saved();
    expect(kept.confirmed.get(other.clientID)).toBe(other.getText('t').length);
    expect(restoreFromLocalCopy(stateVectorOf(doc), kept).pending).toEqual([]);
    other.destroy();
  });

  it('re-sends unacknowledged changes after a dropped connection and confirms them on the new one', () => {
    const { doc, tracker, provider, server, socket } = connect();
    doc.getText('t').insert(0, 'abc');
    server.receive();
    socket.drop();
    expect(tracker.status()).toEqual({ kind: 'reconnecting', pending: 1 });
    doc.getText('t').delete(0, 1); // made while disconnected
    expect(tracker.status()).toEqual({ kind: 'reconnecting', pending: 2 });

    provider.connect();
    const next = MemorySocket.last as MemorySocket;
    expect(next).not.toBe(socket);
    server.attach(next);
    next.open();
    server.sendStep1();
    server.sendStep2();
    expect(server.receive()).toBe(1); // one step 2 with both changes
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 2 });
    server.ackNext();
    expect(tracker.status().kind).toBe('saved');
    expect(server.doc.getText('t').toString()).toBe('bc');
  });

  it('confirms a change the server stored but whose ack was lost, by the server’s step 1 on the next connection', () => {
    const { doc, tracker, provider, server, socket } = connect();
    doc.getText('t').insert(0, 'gemt, men ikke kvitteret');
    server.receive(); // stored by the server …
    socket.drop(); // … and the connection drops before the ack
    expect(tracker.status()).toEqual({ kind: 'reconnecting', pending: 1 });

    provider.connect();
    const next = MemorySocket.last as MemorySocket;
    server.attach(next);
    next.open();
    server.sendStep1(); // says the server has our clock
    server.sendStep2();
    expect(server.receive()).toBe(1);
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 1 });
    // Our step 2 brought nothing new: the real server's ack names no clients.
    server.ackNext(new Map());
    expect(tracker.status().kind).toBe('saved');
  });

  it('reports a final close from the server', () => {
    const { tracker, socket } = connect();
    socket.drop(4403);
    expect(tracker.status()).toMatchObject({ kind: 'closed', code: 4403 });
  });
});
