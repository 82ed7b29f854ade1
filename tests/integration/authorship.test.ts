/**
 * Attributed history over the real sync server (port 0, stock y-websocket providers with the
 * browser's session tokens): who wrote what is the authenticated person, never what a client
 * claims; it survives a restart and a compaction of the file store; a client writing under another
 * person's Yjs client id gets its own text attributed to itself.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Authorship } from '../../lib/authorship/Authorship';
import { parseDocumentId } from '../../lib/documentId';
import { BODY_FRAGMENT, DOCUMENT_ROOTS } from '../../lib/protocol';
import { bodySchema } from '../../lib/versions/bodyJsonOf';
import { createAuthorshipService } from '../../server/authorship/createAuthorshipService';
import { actorOf } from '../../server/people/actorOf';
import type { MemoryAccountStore } from '../../server/people';
import { FileDocumentStore } from '../../server/storage/FileDocumentStore';
import type { MetadataStore } from '../../lib/storage/MetadataStore';
import { appendParagraph } from '../helpers/bodyDoc';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { startSyncServer, type TestPerson, type TestSyncServer } from '../helpers/startSyncServer';
import { waitForDocs } from '../helpers/waitFor';
import { encodeSyncUpdate } from '../../server/sync/encodeMessage';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-authorship-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(
  dir: string,
  shared: { metadata?: MetadataStore; accountStore?: MemoryAccountStore } = {},
  compactAfterRecords = 10_000,
): Promise<TestSyncServer> {
  return startSyncServer({
    store: new FileDocumentStore({ dir, groupCommitMs: 2 }),
    roots: DOCUMENT_ROOTS,
    limits: { compactAfterRecords },
    ...shared,
  });
}

async function connect(server: TestSyncServer, who: TestPerson, id: string, doc?: Y.Doc): Promise<TestProvider> {
  const client = connectProvider(server.url, id, { token: await server.sessionToken(who, id), ...(doc && { doc }) });
  cleanups.push(() => client.destroy());
  await client.synced();
  return client;
}

/** The authorship read as the app makes it (the service over the sync server's room), by `reader`. */
async function authorshipOf(server: TestSyncServer, reader: TestPerson, id: string): Promise<{ answer: Authorship; texts: string[][] }> {
  const service = createAuthorshipService({
    documents: server.documents,
    readAuthorship: (documentId) => server.sync.readAuthorship(documentId),
    personName: async (personId) => (await server.accountStore.getPerson(personId))?.name ?? null,
    apiKeyName: async () => null,
  });
  const person = (await server.accountStore.getPerson(reader.personId))!;
  const answer = await service.read(await actorOf(server.accountStore, person), parseDocumentId(id)!);
  // Each range's text, read at its positions from the editor's own view of the body.
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await server.sync.readDocumentState(id));
  const pm = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), bodySchema());
  return { answer, texts: answer.ranges.map((range) => [pm.textBetween(range.from, range.to), range.name]) };
}

const bodyOf = (doc: Y.Doc): string => doc.getXmlFragment(BODY_FRAGMENT).toString();

describe('attributed history over real sockets', () => {
  it('names who wrote what, by their sessions; survives a restart and the compaction it makes', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const alice = await first.person('Alice Andersen');
    const bob = await first.person('Bent Berg');
    const id = await first.createDocument('forfattere', 'Om fællesspisning');
    const a = await connect(first, alice, id);
    const b = await connect(first, bob, id);
    // Bob's client claims to be Alice in presence; the server stamps who it authorized.
    b.provider.awareness.setLocalStateField('user', { name: 'Alice Andersen', color: '#000000' });
    appendParagraph(a.doc, 'Alice skrev dette.');
    await waitForDocs([b.doc], () => bodyOf(b.doc).includes('Alice skrev dette.'));
    appendParagraph(b.doc, 'Bent tilføjede dette.');
    await waitForDocs([a.doc], () => bodyOf(a.doc).includes('Bent tilføjede dette.'));

    const live = await authorshipOf(first, alice, id);
    expect(live.texts).toEqual([
      ['Om fællesspisning', 'Skabelon'], // the body the document was created with: the template's
      ['Alice skrev dette.', 'Alice Andersen'],
      ['Bent tilføjede dette.', 'Bent Berg'],
    ]);
    expect(live.answer.contributors.map((c) => [c.personId, c.name, c.chars])).toEqual([
      [bob.personId, 'Bent Berg', 'Bent tilføjede dette.'.length],
      [alice.personId, 'Alice Andersen', 'Alice skrev dette.'.length],
      [null, 'Skabelon', 'Om fællesspisning'.length],
    ]);
    expect(live.answer.sessions.map((s) => s.personId ?? s.kind)).toEqual(['template', alice.personId, bob.personId]);

    // A restart: the room unloads (compacting: the snapshot carries the table) and a new server loads it.
    a.destroy();
    b.destroy();
    await first.close();
    expect(existsSync(join(dir, id, 'snapshot.bin'))).toBe(true);
    const second = await start(dir, { metadata: first.metadata, accountStore: first.accountStore });
    const again = await authorshipOf(second, bob, id);
    expect(again.texts).toEqual(live.texts);
    expect(again.answer.sessions).toEqual(live.answer.sessions);
  });

  it('lists a frozen state’s contributors by their names now; a person no longer there is “Tidligere deltager”', async () => {
    const server = await start(tempDir());
    const alice = await server.person('Alice Andersen');
    const bob = await server.person('Bent Berg');
    const id = await server.createDocument('bidrag', 'Bidrag');
    const a = await connect(server, alice, id);
    const b = await connect(server, bob, id);
    appendParagraph(a.doc, 'Alice først.');
    await waitForDocs([b.doc], () => bodyOf(b.doc).includes('Alice først.'));
    appendParagraph(b.doc, 'Bent bagefter, og længere.');
    await waitForDocs([a.doc], () => bodyOf(a.doc).includes('Bent bagefter'));
    // The state a version would freeze now; then Alice writes more, which that version does not hold.
    const frozen = await server.sync.readDocumentState(id);
    appendParagraph(a.doc, 'Alice igen, efter versionen, med meget mere tekst end før.');
    await waitForDocs([b.doc], () => bodyOf(b.doc).includes('Alice igen'));

    // Bent's account is gone (deleted): the people service no longer knows him.
    const gone = new Set([bob.personId]);
    const service = createAuthorshipService({
      documents: server.documents,
      readAuthorship: (documentId) => server.sync.readAuthorship(documentId),
      personName: async (personId) => (gone.has(personId) ? null : ((await server.accountStore.getPerson(personId))?.name ?? null)),
      apiKeyName: async () => null,
    });
    const reader = await actorOf(server.accountStore, (await server.accountStore.getPerson(alice.personId))!);
    const contributors = await service.contributorsOf(reader, parseDocumentId(id)!, frozen);
    expect(contributors.map((c) => [c.kind, c.personId, c.name, c.chars])).toEqual([
      ['former', null, 'Tidligere deltager', 'Bent bagefter, og længere.'.length],
      ['person', alice.personId, 'Alice Andersen', 'Alice først.'.length],
      ['template', null, 'Skabelon', 'Bidrag'.length],
    ]);
    const now = await service.read(reader, parseDocumentId(id)!);
    expect(now.ranges.map((r) => r.name)).toEqual(['Skabelon', 'Alice Andersen', 'Tidligere deltager', 'Alice Andersen']);
  });

  it('keeps attribution through compactions while people write', async () => {
    const dir = tempDir();
    const first = await start(dir, {}, 3);
    const alice = await first.person('Alice Andersen');
    const bob = await first.person('Bent Berg');
    const id = await first.createDocument('komprimeret', 'Komprimering');
    const a = await connect(first, alice, id);
    const b = await connect(first, bob, id);
    for (let i = 0; i < 5; i++) {
      appendParagraph(a.doc, `Alice ${i}.`);
      await waitForDocs([b.doc], () => bodyOf(b.doc).includes(`Alice ${i}.`));
      appendParagraph(b.doc, `Bent ${i}.`);
      await waitForDocs([a.doc], () => bodyOf(a.doc).includes(`Bent ${i}.`));
    }
    const live = await authorshipOf(first, alice, id);
    a.destroy();
    b.destroy();
    await first.close();
    // Compacted while they wrote (3 records a snapshot), and at the unload.
    const second = await start(dir, { metadata: first.metadata, accountStore: first.accountStore });
    const again = await authorshipOf(second, alice, id);
    expect(again.texts).toEqual(live.texts);
    expect(again.texts.slice(1)).toEqual(
      [0, 1, 2, 3, 4].flatMap((i) => [
        [`Alice ${i}.`, 'Alice Andersen'],
        [`Bent ${i}.`, 'Bent Berg'],
      ]),
    );
  });

  it('a client writing under another person’s Yjs client id gets its own text, not theirs', async () => {
    const server = await start(tempDir());
    const alice = await server.person('Alice Andersen');
    const mallory = await server.person('Mette Mallory');
    const id = await server.createDocument('forfalsket', 'Forfalskning');
    const a = await connect(server, alice, id);
    appendParagraph(a.doc, 'Alices afsnit.');
    // Mallory's copy of the document, then her client takes Alice's client id and writes.
    const spoof = new Y.Doc();
    const m = await connect(server, mallory, id, spoof);
    await waitForDocs([spoof], () => bodyOf(spoof).includes('Alices afsnit.'));
    const [aliceId, ownId] = [a.doc.clientID, spoof.clientID];
    // Presence is keyed by the ids the providers started with (Yjs gives Alice's doc a new one when it
    // sees its id in Mallory's update): given back before the providers are destroyed.
    cleanups.push(() => {
      a.doc.clientID = aliceId;
      spoof.clientID = ownId;
    });
    spoof.clientID = aliceId;
    appendParagraph(spoof, 'Mallorys afsnit, som Alice.');
    await waitForDocs([a.doc], () => bodyOf(a.doc).includes('Mallorys afsnit'));
    // …then sends everything it has, Alice's stored items included, as one raw update on its socket,
    // and one more paragraph after it (same socket, so it is handled after the re-send).
    m.provider.ws!.send(encodeSyncUpdate(Y.encodeStateAsUpdate(spoof)));
    appendParagraph(spoof, 'Markør.');
    await waitForDocs([a.doc], () => bodyOf(a.doc).includes('Markør.'));

    const { texts } = await authorshipOf(server, alice, id);
    expect(texts.slice(1)).toEqual([
      ['Alices afsnit.', 'Alice Andersen'],
      ['Mallorys afsnit, som Alice.', 'Mette Mallory'],
      ['Markør.', 'Mette Mallory'],
    ]);
  });
});
