/**
 * The comment service beside a real sync server, wired as the process entry wires them: it reads the
 * body through the sync server (the live room's edits included) and every change reaches the
 * document's `?ack=1` connections as `commentsChanged` (101) with the revision, in order; stock
 * clients and other documents' connections hear nothing.
 */
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FixedWindowLimiter } from '../../lib/apiKeys/FixedWindowLimiter';
import { anchorFromRange } from '../../lib/comments/anchors/anchorFromRange';
import { createCommentService } from '../../lib/comments/CommentService';
import type { Participant } from '../../lib/comments/Participant';
import { BODY_FRAGMENT, MessageType } from '../../lib/protocol';
import { actorOf } from '../../server/people/actorOf';
import { MemoryCommentStore } from '../../server/comments/MemoryCommentStore';
import { connectProvider } from '../helpers/connectProvider';
import { openRawSocket } from '../helpers/rawSocket';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { waitForDoc } from '../helpers/waitFor';
import { waitUntil } from '../helpers/waitUntil';

function wire(server: TestSyncServer) {
  const comments = createCommentService({
    store: new MemoryCommentStore(),
    documents: server.documents,
    async loadBody(documentId) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await server.sync.readDocumentState(documentId));
      return doc;
    },
    limits: { person: new FixedWindowLimiter(100, 60_000), guestIp: new FixedWindowLimiter(100, 60_000) },
  });
  comments.onChanged((documentId, revision) => server.sync.notifyCommentsChanged(documentId, revision));
  return comments;
}

const personOf = async (server: TestSyncServer, name: string) => {
  const who = await server.person(name);
  const person = (await server.accountStore.getPerson(who.personId))!;
  const participant: Participant = {
    kind: 'person',
    actor: await actorOf(server.accountStore, person),
    name,
    organisation: null,
    ip: '127.0.0.1',
  };
  return { ...who, participant };
};

/** The revisions in the `commentsChanged` frames a raw socket received. */
const revisionsIn = (frames: readonly Uint8Array[]) =>
  frames.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.commentsChanged) return [];
    const revision = decoding.readVarUint(decoder);
    expect(decoding.hasContent(decoder)).toBe(false);
    return [revision];
  });

describe('commentsChanged over a real socket', () => {
  it('tells the document’s ?ack=1 connections each new revision, in order, and nobody else', async () => {
    const server = await startSyncServer();
    const comments = wire(server);
    const id = await server.createDocument('hoering', 'Kulturhuset for alle');
    const other = await server.createDocument('andet');
    await server.documents.setVisibility(id, 'public');
    await server.documents.setState(id, 'in_review');
    await server.documents.setState(id, 'consultation');
    const karen = await personOf(server, 'Karen');
    const acking = await openRawSocket(`${server.url}/${id}?ack=1`, { headers: { cookie: karen.cookie } });
    const stock = await openRawSocket(`${server.url}/${id}`, { headers: { cookie: karen.cookie } });
    const elsewhere = await openRawSocket(`${server.url}/${other}?ack=1`, { headers: { cookie: karen.cookie } });

    const body = new Y.Doc();
    Y.applyUpdate(body, await server.sync.readDocumentState(id));
    const anchor = anchorFromRange(body, 0, 'Kulturhuset'.length);
    const first = await comments.create(karen.participant, id, { kind: 'comment', anchor, text: 'Godt!' });
    await comments.reply(karen.participant, id, first.comment.id, { text: 'Og en ting mere' });
    await comments.setResolved(karen.participant, id, first.comment.id, true);
    await waitUntil(() => revisionsIn(acking.frames).length >= 3, 'three commentsChanged notices');
    expect(revisionsIn(acking.frames)).toEqual([1, 2, 3]);
    expect(revisionsIn(stock.frames)).toEqual([]);
    expect(revisionsIn(elsewhere.frames)).toEqual([]);
    // An idempotent repeat changes nothing and says nothing.
    await comments.create(karen.participant, id, { kind: 'comment', anchor, text: 'Én', clientKey: 'k1' });
    await comments.create(karen.participant, id, { kind: 'comment', anchor, text: 'Én', clientKey: 'k1' });
    await waitUntil(() => revisionsIn(acking.frames).length >= 4, 'the fourth notice');
    expect(revisionsIn(acking.frames)).toEqual([1, 2, 3, 4]);
    for (const socket of [acking, stock, elsewhere]) socket.ws.close();
  });

  it('reaches a stock y-websocket provider that registers a handler for it, beside its `saved` acks', async () => {
    const server = await startSyncServer();
    const comments = wire(server);
    const id = await server.createDocument('hoering', 'Kulturhuset for alle');
    const editor = await personOf(server, 'Erik');
    const client = connectProvider(server.url, id, { cookie: editor.cookie, ack: true });
    const heard: number[] = [];
    client.provider.messageHandlers[MessageType.commentsChanged] = (_encoder, decoder) => heard.push(decoding.readVarUint(decoder));
    client.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => void decoding.readVarUint8Array(decoder);
    await client.synced();
    const anchor = anchorFromRange(client.doc, 0, 'Kulturhuset'.length);
    await comments.create(editor.participant, id, { kind: 'comment', anchor, text: 'Se her' });
    await waitUntil(() => heard.length === 1, 'the notice at the provider');
    expect(heard).toEqual([1]);
    client.destroy();
  });

  it('reads the body from the live room, with an editor’s edit that is not yet on disk everywhere, and from the store when unloaded', async () => {
    const server = await startSyncServer({ limits: { idleUnloadMs: 50 } });
    const comments = wire(server);
    const id = await server.createDocument('hoering', 'Kulturhuset for alle');
    const editor = await personOf(server, 'Erik');
    const client = connectProvider(server.url, id, { cookie: editor.cookie });
    await client.synced();
    const heading = client.doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
    (heading.get(0) as Y.XmlText).insert(0, 'Nyt: ');
    await waitUntil(async () => (await readText(server, id)).startsWith('Nyt: '), 'the edit in the room');
    // A passage that only exists since the edit can be commented on at once.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(client.doc));
    const anchor = anchorFromRange(fresh, 0, 'Nyt'.length);
    expect((await comments.create(editor.participant, id, { kind: 'comment', anchor, text: 'Hvorfor nyt?' })).comment.text).toBe(
      'Hvorfor nyt?',
    );
    client.destroy();
    // Unloaded by the idle timer: the body is read from the store (the room loads again), the edit included.
    await waitUntil(() => server.sync.stats().rooms === 0, 'the room to unload');
    const again = new Y.Doc();
    Y.applyUpdate(again, await server.sync.readDocumentState(id));
    await waitForDoc(again, (d) => d.getXmlFragment(BODY_FRAGMENT).toString().includes('Nyt: '), { what: 'the stored edit' });
  });
});

async function readText(server: TestSyncServer, id: string): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await server.sync.readDocumentState(id));
  const heading = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
  return (heading.get(0) as Y.XmlText).toString();
}
