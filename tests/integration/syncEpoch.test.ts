/**
 * Epochs over real sockets: a client names the epoch of its copy (`?epoch=N`); the server refuses
 * another epoch with 4409 before any sync message, so nothing stale merges. "Nulstil historik"
 * (DocumentService.resetHistory) closes every live connection with 4409, rewrites the body with the
 * same content and no history, and bumps the epoch. Stock clients without the parameter still work.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT, Close, EPOCH_QUERY_PARAM } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import { openRawSocket } from '../helpers/rawSocket';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { waitForDoc } from '../helpers/waitFor';
import { bodyText } from '../helpers/bodyDoc';

/** The stored body as a fresh doc (what a restart would load). */
async function storedDoc(server: TestSyncServer, id: string): Promise<Y.Doc> {
  await server.store.flush(id);
  const doc = new Y.Doc();
  for (const update of (await server.store.load(id)) ?? []) Y.applyUpdate(doc, update);
  return doc;
}

/** Writes a paragraph into the body through a live provider and waits until the server stored it. */
async function writeParagraph(server: TestSyncServer, id: string, token: string, text: string): Promise<void> {
  const writer = connectProvider(server.url, id, { token });
  await writer.synced();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = writer.doc.getXmlFragment(BODY_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
  const reader = connectProvider(server.url, id, { token });
  await waitForDoc(reader.doc, (d) => bodyText(d).includes(text), { what: `"${text}" relayed` });
  writer.destroy();
  reader.destroy();
}

describe('document epochs at connect', () => {
  it('accepts a client that names the current epoch, and a stock client that names none', async () => {
    const server = await startSyncServer();
    const id = await server.createDocument('epoke1');
    const token = await server.token(id, 'edit');
    await writeParagraph(server, id, token, 'Første afsnit');

    const current = connectProvider(server.url, id, { token, params: { [EPOCH_QUERY_PARAM]: '1' } });
    const stock = connectProvider(server.url, id, { token });
    await current.synced();
    await stock.synced();
    expect(bodyText(current.doc)).toContain('Første afsnit');
    expect(bodyText(stock.doc)).toContain('Første afsnit');
    expect(current.closes).toEqual([]);
    current.destroy();
    stock.destroy();
  });

  it('refuses a malformed epoch with 4400', async () => {
    const server = await startSyncServer();
    const id = await server.createDocument('epoke2');
    const token = await server.token(id, 'edit');
    for (const bad of ['0', '-1', '1.5', 'abc', '1e3', '', '9'.repeat(20)]) {
      const socket = await openRawSocket(`${server.url}/${id}?token=${token}&${EPOCH_QUERY_PARAM}=${encodeURIComponent(bad)}`);
      expect(await socket.closed).toEqual(Close.badEpoch);
      expect(socket.frames).toEqual([]);
    }
  });

  it('refuses a stale epoch with 4409 before any sync message, and nothing of the stale copy reaches the document', async () => {
    const server = await startSyncServer();
    const id = await server.createDocument('epoke3');
    const token = await server.token(id, 'edit');
    await writeParagraph(server, id, token, 'Fælles tekst');
    const reset = await server.documents.resetHistory(id);
    expect(reset?.epoch).toBe(2);
    const before = bodyText(await storedDoc(server, id));

    // A raw socket with the old epoch: closed with 4409, and not one frame (no sync step 1, no presence).
    const raw = await openRawSocket(`${server.url}/${id}?token=${token}&${EPOCH_QUERY_PARAM}=1`);
    expect(await raw.closed).toEqual(Close.staleEpoch);
    expect(raw.frames).toEqual([]);

    // A provider whose copy holds old history plus text written offline: refused, nothing merged.
    const stale = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Skrevet offline i den gamle historik')]);
    stale.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph]);
    const client = connectProvider(server.url, id, { token, doc: stale, params: { [EPOCH_QUERY_PARAM]: '1' } });
    expect(await client.closed()).toEqual(Close.staleEpoch);
    expect(client.provider.synced).toBe(false);
    expect(bodyText(stale)).not.toContain('Fælles tekst');
    client.destroy();

    // The new epoch is welcome, and the document is exactly what it was.
    const fresh = connectProvider(server.url, id, { token, params: { [EPOCH_QUERY_PARAM]: '2' } });
    await fresh.synced();
    expect(bodyText(fresh.doc)).toBe(before);
    expect(bodyText(fresh.doc)).not.toContain('offline');
    fresh.destroy();
    expect(bodyText(await storedDoc(server, id))).toBe(before);
    expect(server.logger.lines.some((line) => line.msg === 'sync connection refused: stale epoch')).toBe(true);
  });
});

describe('resetting the history', () => {
  it('closes every live connection with 4409, keeps the content and drops the deleted history', async () => {
    const server = await startSyncServer();
    const id = await server.createDocument('nulstil1');
    const token = await server.token(id, 'edit');
    const writer = connectProvider(server.url, id, { token, params: { [EPOCH_QUERY_PARAM]: '1' } });
    const stock = connectProvider(server.url, id, { token });
    await writer.synced();
    await stock.synced();
    const fragment = writer.doc.getXmlFragment(BODY_FRAGMENT);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('Hemmeligt udkast, der slettes. ');
    paragraph.insert(0, [text]);
    fragment.insert(fragment.length, [paragraph]);
    text.insert(text.length, 'Det, der bliver stående.');
    text.delete(0, 'Hemmeligt udkast, der slettes. '.length);
    await waitForDoc(stock.doc, (d) => bodyText(d).includes('Det, der bliver stående.') && !bodyText(d).includes('Hemmeligt'));
    const content = bodyText(writer.doc);
    const oldClients = [...Y.decodeStateVector(Y.encodeStateVector(writer.doc)).keys()];

    const meta = await server.documents.resetHistory(id);
    expect(meta?.epoch).toBe(2);
    expect(await writer.closed()).toEqual(Close.staleEpoch);
    expect(await stock.closed()).toEqual(Close.staleEpoch);

    // Same content; none of the old items (so none of the deleted text's tombstones) are left.
    const stored = await storedDoc(server, id);
    expect(bodyText(stored)).toBe(content);
    const storedClients = [...Y.decodeStateVector(Y.encodeStateVector(stored)).keys()];
    expect(storedClients).toHaveLength(1);
    expect(oldClients).not.toContain(storedClients[0]);
    expect((await server.metadata.getDocument(id))?.epoch).toBe(2);

    // A stock client without the parameter still connects and reads the fresh body.
    const later = connectProvider(server.url, id, { token });
    await later.synced();
    expect(bodyText(later.doc)).toBe(content);
    later.destroy();
    writer.destroy();
    stock.destroy();
  });

  it('runs two resets of one document one after the other (epoch 3, content kept)', async () => {
    const server = await startSyncServer();
    const id = await server.createDocument('nulstil2');
    const token = await server.token(id, 'edit');
    await writeParagraph(server, id, token, 'Indhold');
    const content = bodyText(await storedDoc(server, id));
    const [first, second] = await Promise.all([server.documents.resetHistory(id), server.documents.resetHistory(id)]);
    expect([first?.epoch, second?.epoch]).toEqual([2, 3]);
    expect(bodyText(await storedDoc(server, id))).toBe(content);
    const client = connectProvider(server.url, id, { token, params: { [EPOCH_QUERY_PARAM]: '3' } });
    await client.synced();
    expect(bodyText(client.doc)).toBe(content);
    client.destroy();
  });

  it('answers null for an unknown or invalid document', async () => {
    const server = await startSyncServer();
    expect(await server.documents.resetHistory('findes-ikke')).toBeNull();
    expect(await server.documents.resetHistory('../x')).toBeNull();
  });
});
