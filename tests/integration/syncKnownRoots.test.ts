/**
 * A document has one shared type, the body (BODY_FRAGMENT). An edit connection that creates any
 * other root (a Y.Text, a Y.Map) is closed with Close.unknownSharedType, and nothing of that
 * update is applied, stored or relayed: such roots would be replayed to everyone while invisible
 * in the editor and in exports.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT, Close, DOCUMENT_ROOTS } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import type { TestSyncServer } from '../helpers/startSyncServer';
import { waitForDoc } from '../helpers/waitFor';
import { appendParagraph, bodyText } from '../helpers/bodyDoc';
import { startFileSyncServer, tempDataDir } from '../helpers/fileSyncServer';

const dataDir = () => tempDataDir('roots');
const start = (dir: string): Promise<TestSyncServer> => startFileSyncServer(dir, { roots: DOCUMENT_ROOTS });

/** Root names that hold anything in the stored document. */
async function storedRoots(server: TestSyncServer, id: string): Promise<string[]> {
  await server.store.flush(id);
  const names = new Set<string>();
  for (const update of (await server.store.load(id)) ?? []) {
    for (const struct of Y.decodeUpdate(update).structs)
      if (struct instanceof Y.Item && typeof struct.parent === 'string') names.add(struct.parent);
  }
  return [...names].sort();
}

describe('shared types beside the body', () => {
  it('closes an edit connection that creates a Y.Text or a Y.Map root; nothing of it is stored or relayed, also after a restart', async () => {
    const dir = dataDir();
    const first = await start(dir);
    const id = await first.createDocument('roedder');
    const token = await first.token(id, 'edit');
    const reader = connectProvider(first.url, id, { token });
    const writer = connectProvider(first.url, id, { token });
    await Promise.all([reader.synced(), writer.synced()]);
    appendParagraph(writer.doc, 'Synlig tekst');
    await waitForDoc(reader.doc, (d) => bodyText(d).includes('Synlig tekst'));

    // A hidden Y.Text next to the body, in the same transaction as a visible edit.
    const tracer = connectProvider(first.url, id, { token });
    await tracer.synced();
    tracer.doc.transact(() => {
      appendParagraph(tracer.doc, 'Følger med sporet');
      tracer.doc.getText('trace').insert(0, 'skjult spor');
    });
    expect(await tracer.closed()).toEqual(Close.unknownSharedType);

    // A Y.Map root on its own.
    const mapper = connectProvider(first.url, id, { token });
    await mapper.synced();
    mapper.doc.getMap('kommentarer').set('skjult', 'værdi');
    expect(await mapper.closed()).toEqual(Close.unknownSharedType);

    // Relays are in order: once the reader has this later edit, anything relayed before it had arrived.
    appendParagraph(writer.doc, 'Senere tekst');
    await waitForDoc(reader.doc, (d) => bodyText(d).includes('Senere tekst'), { what: 'the later edit' });
    expect([...reader.doc.share.keys()]).toEqual([BODY_FRAGMENT]);
    expect(bodyText(reader.doc)).not.toContain('Følger med sporet');
    expect(await storedRoots(first, id)).toEqual([BODY_FRAGMENT]);
    expect(first.logger.lines.some((line) => (line.obj as { error?: string }).error === 'unknown-shared-type')).toBe(true);
    reader.destroy();
    writer.destroy();
    tracer.destroy();
    mapper.destroy();
    await first.close();

    const second = await start(dir);
    expect(await storedRoots(second, id)).toEqual([BODY_FRAGMENT]);
    const fresh = connectProvider(second.url, id, { token });
    await fresh.synced();
    expect([...fresh.doc.share.keys()]).toEqual([BODY_FRAGMENT]);
    expect(bodyText(fresh.doc)).toContain('Senere tekst');
    expect(bodyText(fresh.doc)).not.toContain('Følger med sporet');
    fresh.destroy();
  });

  it('also refuses map entries on the body root itself (it is a list, they would be invisible)', async () => {
    const server = await start(dataDir());
    const id = await server.createDocument('roedder2');
    const token = await server.token(id, 'edit');
    const client = connectProvider(server.url, id, { token });
    await client.synced();
    // The body fragment taken as a Y.Map: an entry keyed on the root.
    client.doc.get(BODY_FRAGMENT, Y.Map).set('skjult', 'værdi');
    expect(await client.closed()).toEqual(Close.unknownSharedType);
    client.destroy();
  });
});
