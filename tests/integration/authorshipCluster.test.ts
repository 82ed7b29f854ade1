/**
 * Attributed history on two nodes (the in-process cluster bus, one shared store): each node stamps
 * what its own connections send, and either node's answer names everyone, also for edits that
 * reached it only over the bus.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { AuthorshipTable } from '../../lib/authorship/AuthorshipTable';
import { createLocalCluster } from '../../lib/sync/LocalClusterBus';
import { BODY_FRAGMENT, DOCUMENT_ROOTS } from '../../lib/protocol';
import { MemoryDocumentStore } from '../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../server/storage/MemoryMetadataStore';
import { appendParagraph } from '../helpers/bodyDoc';
import { connectProvider } from '../helpers/connectProvider';
import { startSyncServer } from '../helpers/startSyncServer';
import { waitForDocs } from '../helpers/waitFor';

const bodyOf = (doc: Y.Doc): string => doc.getXmlFragment(BODY_FRAGMENT).toString();

/** Each text run of the body with its author key, as the node's authorship read has it. */
async function authorsOn(readAuthorship: (id: string) => Promise<{ state: Uint8Array; attribution: Uint8Array }>, id: string) {
  const { state, attribution } = await readAuthorship(id);
  const table = AuthorshipTable.fromStored([attribution]);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const runs: Array<[string, string | null]> = [];
  for (const paragraph of doc.getXmlFragment(BODY_FRAGMENT).toArray()) {
    if (!(paragraph instanceof Y.XmlElement)) continue;
    for (const child of paragraph.toArray()) {
      if (!(child instanceof Y.XmlText)) continue;
      for (let item = child._start; item; item = item.right) {
        if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
        runs.push([item.content.str, table.authorOf(item.id.client, item.id.clock)?.by ?? null]);
      }
    }
  }
  return runs;
}

describe('attributed history on two nodes', () => {
  it('either node names who wrote what, whichever node they wrote through', async () => {
    const hub = createLocalCluster();
    const store = new MemoryDocumentStore();
    const metadata = new MemoryMetadataStore();
    const a = await startSyncServer({ store, metadata, cluster: hub.node('a'), roots: DOCUMENT_ROOTS });
    const b = await startSyncServer({ store, metadata, accountStore: a.accountStore, cluster: hub.node('b'), roots: DOCUMENT_ROOTS });
    const alice = await a.person('Alice Andersen');
    const bent = await a.person('Bent Berg');
    const id = await a.createDocument('to-noder', 'To noder');
    const onA = connectProvider(a.url, id, { token: await a.sessionToken(alice, id) });
    const onB = connectProvider(b.url, id, { token: await b.sessionToken(bent, id) });
    onTestFinished(() => {
      onA.destroy();
      onB.destroy();
    });
    await Promise.all([onA.synced(), onB.synced()]);
    appendParagraph(onA.doc, 'Alice via A.');
    await waitForDocs([onB.doc], () => bodyOf(onB.doc).includes('Alice via A.'));
    appendParagraph(onB.doc, 'Bent via B.');
    await waitForDocs([onA.doc], () => bodyOf(onA.doc).includes('Bent via B.'));

    const expected = [
      ['To noder', 'template'],
      ['Alice via A.', `person:${alice.personId}`],
      ['Bent via B.', `person:${bent.personId}`],
    ];
    expect(await authorsOn((doc) => a.sync.readAuthorship(doc), id)).toEqual(expected);
    expect(await authorsOn((doc) => b.sync.readAuthorship(doc), id)).toEqual(expected);
  });
});
