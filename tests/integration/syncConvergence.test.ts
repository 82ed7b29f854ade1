/**
 * The stock y-websocket provider against the real sync endpoint: convergence, presence and the
 * opt-in `saved` acks.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { BODY_FRAGMENT, MessageType } from '../../lib/protocol';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { waitFor, waitForAwareness, waitForDoc } from '../helpers/waitFor';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

async function storedDoc(server: TestSyncServer, id: string): Promise<Y.Doc> {
  await server.store.flush(id);
  const doc = new Y.Doc();
  for (const update of (await server.store.load(id)) ?? []) Y.applyUpdate(doc, update);
  return doc;
}

async function connected(server: TestSyncServer, id: string, name: string, options: { ack?: boolean } = {}): Promise<TestProvider> {
  const client = connectProvider(server.url, id, { cookie: await server.cookie(name), ...options });
  await client.synced();
  return client;
}

describe('sync endpoint with stock y-websocket providers', () => {
  it('lets five writers edit the body at once and converge, with the server holding the same state', async () => {
    const server = await startSyncServer();
    const id = await server.createDocument('fem-skribenter', 'Fælles plan');
    const writers = await Promise.all([1, 2, 3, 4, 5].map((n) => connected(server, id, `Skribent ${n}`)));
    const initial = writers[0]!.doc.getXmlFragment(BODY_FRAGMENT).length;
    expect(initial).toBeGreaterThan(0);

    // Concurrent: every writer inserts its paragraphs and edits the shared heading before hearing from the others.
    writers.forEach((writer, n) => {
      const body = writer.doc.getXmlFragment(BODY_FRAGMENT);
      for (let k = 0; k < 10; k++) body.insert(k % 2 === 0 ? body.length : 1, [paragraph(`skribent ${n} afsnit ${k}`)]);
      const heading = body.get(0) as Y.XmlElement;
      (heading.get(0) as Y.XmlText).insert(0, `${n}`);
    });

    const expected = initial + 50;
    await Promise.all(
      writers.map((w) => waitForDoc(w.doc, (d) => d.getXmlFragment(BODY_FRAGMENT).length === expected, { what: 'all paragraphs' })),
    );
    await Promise.all(
      writers.map((w) =>
        waitForDoc(w.doc, (d) => Y.encodeStateVector(d).toString() === Y.encodeStateVector(writers[0]!.doc).toString(), {
          what: 'equal state vectors',
        }),
      ),
    );
    const body = writers[0]!.doc.getXmlFragment(BODY_FRAGMENT).toString();
    for (const writer of writers) expect(writer.doc.getXmlFragment(BODY_FRAGMENT).toString()).toBe(body);
    for (let n = 1; n <= 5; n++) expect(body).toContain(`skribent ${n - 1} afsnit 9`);

    // Everything a client has seen was stored first.
    expect((await storedDoc(server, id)).getXmlFragment(BODY_FRAGMENT).toString()).toBe(body);
    const late = await connected(server, id, 'Senkommen');
    expect(late.doc.getXmlFragment(BODY_FRAGMENT).toString()).toBe(body);
    for (const client of [...writers, late]) client.destroy();
  });

  it('shows each person with the name from their session, whatever the client claims', async () => {
    const server = await startSyncServer();
    const id = await server.createDocument('tilstede');
    const karen = await connected(server, id, 'Karen Blixen');
    const bob = await connected(server, id, 'Bob');
    karen.provider.awareness.setLocalStateField('user', { name: 'Mallory', color: '#000000' });
    const karenId = karen.doc.clientID;
    await waitForAwareness(bob.provider.awareness, (states) => states.has(karenId));
    const seen = bob.provider.awareness.getStates().get(karenId) as { user: { name: string; color: string } };
    expect(seen.user.name).toBe('Karen Blixen');
    expect(seen.user.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(seen.user.color).not.toBe('#000000');
    karen.destroy();
    await waitForAwareness(bob.provider.awareness, (states) => !states.has(karenId), { what: 'Karen to leave' });
    bob.destroy();
  });

  it('acks every update of an ?ack=1 connection once it is durable, and stock clients get no acks', async () => {
    const server = await startSyncServer();
    const id = await server.createDocument('kvittering');
    const acking = await connected(server, id, 'Acking', { ack: true });
    const stock = await connected(server, id, 'Stock');
    const acks: Array<Map<number, number>> = [];
    acking.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
      acks.push(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
    };
    const stockTypes: number[] = [];
    stock.provider.ws?.addEventListener('message', (event) => stockTypes.push(new Uint8Array(event.data as ArrayBuffer)[0]!));

    const text = acking.doc.getText('notes');
    for (let i = 0; i < 20; i++) text.insert(i, 'x');
    const clock = Y.getState(acking.doc.store, acking.doc.clientID);
    await waitFor(
      () => acks.some((ack) => (ack.get(acking.doc.clientID) ?? 0) >= clock),
      (recheck) => {
        acking.provider.ws?.addEventListener('message', recheck);
        return () => acking.provider.ws?.removeEventListener('message', recheck);
      },
      { what: 'the ack for the last edit' },
    );
    // When the ack arrives, the edit is in the store.
    expect((await storedDoc(server, id)).getText('notes').toString()).toBe('x'.repeat(20));
    await waitForDoc(stock.doc, (d) => d.getText('notes').length === 20);
    expect(stockTypes).not.toContain(MessageType.saved);
    acking.destroy();
    stock.destroy();
  });
});
