/**
 * The workshop map (WORKSHOP_MAP, issue 14) beside the body: an editor's ticks and workshop mode
 * reach the other clients, are stored and come back after a restart; a reader cannot write it; and
 * what does not belong there (list items, nested types) closes the connection like any unknown root.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Close, DOCUMENT_ROOTS, WORKSHOP_MAP } from '../../lib/protocol';
import { MODE_KEY, tickKey, workshopView } from '../../lib/workshop/model';
import { connectProvider } from '../helpers/connectProvider';
import type { TestSyncServer } from '../helpers/startSyncServer';
import { waitForDoc } from '../helpers/waitFor';
import { startFileSyncServer, tempDataDir } from '../helpers/fileSyncServer';

const start = (dir: string): Promise<TestSyncServer> => startFileSyncServer(dir, { roots: DOCUMENT_ROOTS });
const anna = { id: 'p_anna', name: 'Anna Jensen' };
const viewOf = (doc: Y.Doc) => workshopView(doc.getMap<unknown>(WORKSHOP_MAP).entries());

describe('the workshop map', () => {
  it('carries ticks and the workshop mode between editors, stored across a restart', async () => {
    const dir = tempDataDir('workshop');
    const first = await start(dir);
    const id = await first.createDocument('vaerksted');
    const token = await first.token(id, 'edit');
    const facilitator = connectProvider(first.url, id, { token });
    const participant = connectProvider(first.url, id, { token });
    await Promise.all([facilitator.synced(), participant.synced()]);

    const map = facilitator.doc.getMap<unknown>(WORKSHOP_MAP);
    facilitator.doc.transact(() => {
      map.set(MODE_KEY, { facilitator: anna, section: 'formål', startedAt: 1_000, minutes: 10 });
      map.set(tickKey('formål', 'hvem-har-brug'), { by: anna, at: 2_000 });
    });
    await waitForDoc(participant.doc, (doc) => viewOf(doc).ticks.size === 1 && viewOf(doc).mode !== null, {
      what: 'the tick and the mode',
    });
    expect(viewOf(participant.doc).mode?.section).toBe('formål');

    // Moving on and unticking reach the others too.
    facilitator.doc.transact(() => {
      map.set(MODE_KEY, { facilitator: anna, section: 'baggrund', startedAt: 3_000, minutes: 10 });
      map.delete(tickKey('formål', 'hvem-har-brug'));
    });
    await waitForDoc(participant.doc, (doc) => viewOf(doc).mode?.section === 'baggrund' && viewOf(doc).ticks.size === 0, {
      what: 'the move',
    });
    participant.doc.getMap<unknown>(WORKSHOP_MAP).set(tickKey('baggrund', 'viden'), { by: { id: 'p_bo', name: 'Bo' }, at: 4_000 });
    await waitForDoc(facilitator.doc, (doc) => viewOf(doc).ticks.has(tickKey('baggrund', 'viden')), { what: 'the participant’s tick' });
    facilitator.destroy();
    participant.destroy();
    await first.close();

    const second = await start(dir);
    const back = connectProvider(second.url, id, { token: await second.token(id, 'view') });
    await back.synced();
    const view = viewOf(back.doc);
    expect(view.mode).toEqual({ facilitator: anna, section: 'baggrund', startedAt: 3_000, minutes: 10 });
    expect([...view.ticks.keys()]).toEqual([tickKey('baggrund', 'viden')]);

    // A reader's write is refused and reaches nobody.
    back.doc.getMap<unknown>(WORKSHOP_MAP).set(tickKey('baggrund', 'udfordring'), { by: anna, at: 5_000 });
    const editor = connectProvider(second.url, id, { token });
    await editor.synced();
    editor.doc.getMap<unknown>(WORKSHOP_MAP).set(MODE_KEY, { facilitator: anna, section: 'målgruppe', startedAt: 6_000, minutes: 5 });
    await waitForDoc(back.doc, (doc) => viewOf(doc).mode?.section === 'målgruppe', { what: 'a later edit' });
    const fresh = connectProvider(second.url, id, { token });
    await fresh.synced();
    expect(viewOf(fresh.doc).ticks.has(tickKey('baggrund', 'udfordring'))).toBe(false);
    for (const client of [back, editor, fresh]) client.destroy();
    await second.close();
  });

  it('closes a connection that puts list items or a nested type in it', async () => {
    const server = await start(tempDataDir('workshop-bad'));
    const id = await server.createDocument('vaerksted2');
    const token = await server.token(id, 'edit');
    const nested = connectProvider(server.url, id, { token });
    await nested.synced();
    nested.doc.getMap<unknown>(WORKSHOP_MAP).set('skjult', new Y.Map());
    expect(await nested.closed()).toEqual(Close.unknownSharedType);
    const listed = connectProvider(server.url, id, { token });
    await listed.synced();
    listed.doc.getArray<unknown>(WORKSHOP_MAP).push(['skjult']);
    expect(await listed.closed()).toEqual(Close.unknownSharedType);
    nested.destroy();
    listed.destroy();
    await server.close();
  });
});
