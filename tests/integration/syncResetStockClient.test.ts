/**
 * A history reset must hold against stock y-websocket clients too, which never send `?epoch=`:
 * a provider that kept its Y.Doc (the pre-reset history) and reconnects is refused with 4409, and
 * nothing of its old history (duplicated text, text written meanwhile) reaches the document, the
 * store or anyone else. The retired client ids are kept with the document's metadata, so this holds
 * after a restart too.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT, Close } from '../../lib/protocol';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { waitFor, waitForDoc } from '../helpers/waitFor';
import { appendParagraph, bodyText } from '../helpers/bodyDoc';
import { startFileSyncServer, tempDataDir } from '../helpers/fileSyncServer';

const dataDir = () => tempDataDir('reset');
const start = (dir: string): Promise<TestSyncServer> => startFileSyncServer(dir);

async function storedDoc(server: TestSyncServer, id: string): Promise<Y.Doc> {
  await server.store.flush(id);
  const doc = new Y.Doc();
  for (const update of (await server.store.load(id)) ?? []) Y.applyUpdate(doc, update);
  return doc;
}

/** The nth close the server sent this provider (0-based). */
const nthClose = (client: TestProvider, n: number) =>
  waitFor(
    () => client.closes[n],
    (recheck) => {
      client.provider.on('connection-close', recheck);
      return () => client.provider.off('connection-close', recheck);
    },
    { what: `close #${n + 1}` },
  );

describe('a stock client (no ?epoch=) that kept its copy across a history reset', () => {
  it('is refused with 4409 on reconnect, and none of its old history comes back, also after a restart', async () => {
    const dir = dataDir();
    const first = await start(dir);
    const id = await first.createDocument('nulstil-stock');
    const token = await first.token(id, 'edit');

    // The stock client edits: a paragraph, and text it deletes again (a tombstone in its history).
    const stock = connectProvider(first.url, id, { token });
    const watcher = connectProvider(first.url, id, { token });
    await Promise.all([stock.synced(), watcher.synced()]);
    appendParagraph(stock.doc, 'Gammel tekst');
    appendParagraph(stock.doc, 'Slettet udkast');
    stock.doc.getXmlFragment(BODY_FRAGMENT).delete(stock.doc.getXmlFragment(BODY_FRAGMENT).length - 1, 1);
    await waitForDoc(watcher.doc, (d) => bodyText(d).includes('Gammel tekst') && !bodyText(d).includes('Slettet'));
    watcher.destroy();

    await first.documents.resetHistory(id);
    expect(await stock.closed()).toEqual(Close.staleEpoch);
    const afterReset = bodyText(await storedDoc(first, id));
    expect(afterReset).toContain('Gammel tekst');
    await first.close();

    // Restarted on the same files: the retired history is still recognised.
    const server = await start(dir);
    const fresh = connectProvider(server.url, id, { token });
    await fresh.synced();
    expect(bodyText(fresh.doc)).toBe(afterReset);

    // Offline, the stock client writes into its old copy, then connects again with that copy (a page
    // reload with a local copy, or another app's provider over the same Y.Doc).
    appendParagraph(stock.doc, 'Skrevet offline i den gamle historik');
    stock.provider.destroy();
    const again = connectProvider(server.url, id, { token, doc: stock.doc });
    expect(await again.closed()).toEqual(Close.staleEpoch);

    // The server's document, a new client and the store hold only the reset body.
    expect(bodyText(fresh.doc)).toBe(afterReset);
    const state = new Y.Doc();
    Y.applyUpdate(state, await server.sync.readDocumentState(id));
    expect(bodyText(state)).toBe(afterReset);
    const second = connectProvider(server.url, id, { token });
    await second.synced();
    expect(bodyText(second.doc)).toBe(afterReset);
    expect(bodyText(await storedDoc(server, id))).toBe(afterReset);

    // And it keeps serving the others.
    appendParagraph(second.doc, 'Efter nulstillingen');
    await waitForDoc(fresh.doc, (d) => bodyText(d).includes('Efter nulstillingen'), { what: 'a post-reset edit relayed' });
    expect(bodyText(fresh.doc)).not.toContain('offline');
    expect(bodyText(await storedDoc(server, id)).match(/Gammel tekst/g)).toHaveLength(1);
    expect(server.logger.lines.some((line) => line.msg === 'sync connection refused: state from before a history reset')).toBe(true);
    again.destroy();
    fresh.destroy();
    second.destroy();
  });

  it('is refused again when it reconnects to the same server, and the others keep working', async () => {
    const server = await startSyncServer();
    const id = await server.createDocument('nulstil-stock3');
    const token = await server.token(id, 'edit');
    const stock = connectProvider(server.url, id, { token });
    await stock.synced();
    appendParagraph(stock.doc, 'Gammel tekst');
    const watcher = connectProvider(server.url, id, { token });
    await waitForDoc(watcher.doc, (d) => bodyText(d).includes('Gammel tekst'));
    await server.documents.resetHistory(id);
    expect(await stock.closed()).toEqual(Close.staleEpoch);
    expect(await watcher.closed()).toEqual(Close.staleEpoch);
    watcher.destroy();
    const afterReset = bodyText(await storedDoc(server, id));

    // y-websocket stops after a 44xx close; reconnecting is the application's call, with the same doc.
    stock.provider.connect();
    expect(await nthClose(stock, 1)).toEqual(Close.staleEpoch);
    const reader = connectProvider(server.url, id, { token });
    await reader.synced();
    expect(bodyText(reader.doc)).toBe(afterReset);
    appendParagraph(reader.doc, 'Ny tekst');
    const other = connectProvider(server.url, id, { token });
    await waitForDoc(other.doc, (d) => bodyText(d).includes('Ny tekst'), { what: 'a post-reset edit relayed' });
    expect(bodyText(other.doc)).toBe(bodyText(reader.doc));
    expect(bodyText(other.doc).match(/Gammel tekst/g)).toHaveLength(1);
    stock.destroy();
    reader.destroy();
    other.destroy();
  });

  it('refuses a stock client that sends old-history edits without a sync step 1 of its own', async () => {
    const server = await startSyncServer();
    const id = await server.createDocument('nulstil-stock2');
    const token = await server.token(id, 'edit');
    const stock = connectProvider(server.url, id, { token });
    await stock.synced();
    appendParagraph(stock.doc, 'Før nulstilling');
    const watcher = connectProvider(server.url, id, { token });
    await watcher.synced();
    await waitForDoc(watcher.doc, (d) => bodyText(d).includes('Før nulstilling'));
    watcher.destroy();
    const oldState = Y.encodeStateAsUpdate(stock.doc);
    stock.destroy();
    await server.documents.resetHistory(id);
    const afterReset = bodyText(await storedDoc(server, id));

    // A new stock provider whose doc is fresh (so its sync step 1 names no old client) but that
    // then takes in the old history, e.g. from another replica, and sends it as an update.
    const late = connectProvider(server.url, id, { token });
    await late.synced();
    Y.applyUpdate(late.doc, oldState);
    expect(await late.closed()).toEqual(Close.staleEpoch);

    const reader = connectProvider(server.url, id, { token });
    await reader.synced();
    expect(bodyText(reader.doc)).toBe(afterReset);
    expect(bodyText(await storedDoc(server, id))).toBe(afterReset);
    late.destroy();
    reader.destroy();
  });
});
