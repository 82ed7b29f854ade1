/**
 * Search over a real sync server (issue 14), wired as server/startServer.ts wires it: the sync
 * server's stored edits reach the indexer, stock y-websocket providers edit as signed-in people, and
 * the search service answers with can() asked per hit. Waits by asking search again until the word
 * appears (never a fixed sleep). Also: a revoked grant hides the hit at once, the index is saved in
 * the data dir and loaded after a restart, and built again from the stored bodies when it is missing.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '../../lib/access/model';
import { BODY_FRAGMENT } from '../../lib/protocol';
import type { SearchRequest } from '../../lib/search/model';
import { MemoryCommentStore } from '../../server/comments/MemoryCommentStore';
import { actorOf } from '../../server/people/actorOf';
import { SEARCH_INDEX_FILE, startSearch, type RunningSearch } from '../../server/search/startSearch';
import { withSearchNotices } from '../../server/search/withSearchNotices';
import { MemoryDocumentStore } from '../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../server/storage/MemoryMetadataStore';
import { connectProvider } from '../helpers/connectProvider';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { waitUntil } from '../helpers/waitUntil';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function world(shared?: { store: MemoryDocumentStore; metadata: MemoryMetadataStore; dataDir: string }) {
  const store = shared?.store ?? new MemoryDocumentStore();
  const metadata = shared?.metadata ?? new MemoryMetadataStore();
  const dataDir = shared?.dataDir ?? (await mkdtemp(join(tmpdir(), 'search-live-')));
  if (!shared) dirs.push(dataDir);
  const late: { search?: RunningSearch } = {};
  const told: object[] = [];
  const logger = { info: (obj: object) => told.push(obj), error: (obj: object) => expect.unreachable(JSON.stringify(obj)) };
  const server = await startSyncServer({ store, metadata, onStored: (documentId) => late.search?.indexer.bodyStored(documentId) });
  const comments = new MemoryCommentStore();
  const documents = withSearchNotices(server.documents, (id) => late.search?.indexer.documentChanged(id));
  const search = (late.search = startSearch({
    dataDir,
    documents,
    readState: (documentId) => server.sync.readDocumentState(documentId),
    readStored: (documentId) => store.load(documentId),
    comments,
    logger,
  }));
  await search.ready;
  const actor = async (personId: string): Promise<Actor> => actorOf(server.accountStore, (await server.accountStore.getPerson(personId))!);
  const found = async (who: Actor, q: string, extra: Partial<SearchRequest> = {}) =>
    (await search.service.search(who, { q, limit: 20, ...extra })).results;
  return { server, search, documents, actor, found, store, metadata, dataDir, comments, told };
}

/** Appends a paragraph with `text` through the client's doc (a stock y-websocket provider). */
function write(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(BODY_FRAGMENT).push([paragraph]);
}

async function stop(server: TestSyncServer, search: RunningSearch): Promise<void> {
  await search.close();
  await server.close();
}

describe('search over the live documents', () => {
  it('finds a document by an inflected Danish word of its body soon after the edit, stays current after more edits, and forgets a revoked reader', async () => {
    const { server, search, actor, found } = await world();
    const id = await server.createDocument('budget-doc', 'Budget 2027');
    const writer = await server.person('Anna Skribent');
    const outsider = await server.person('Sven Fremmed', { team: false });
    const client = connectProvider(server.url, id, { cookie: writer.cookie });
    await client.synced();

    client.doc.transact(() => write(client.doc, 'Kommunerne skal samarbejde med foreningerne.'));
    const reader = await actor(writer.personId);
    await waitUntil(async () => (await found(reader, 'kommunen')).length > 0, 'the edit to be searchable');
    const [hit] = await found(reader, 'kommunen');
    expect(hit).toMatchObject({ kind: 'document', documentId: id, title: 'Budget 2027' });
    expect(hit!.snippet).toContain('Kommunerne skal samarbejde');
    expect(hit!.highlights.map(([start, end]) => hit!.snippet.slice(start, end))).toEqual(['Kommunerne']);
    // Someone who may not read it finds nothing, not even its title.
    expect(await found(await actor(outsider.personId), 'kommunen')).toEqual([]);
    expect(await found(await actor(outsider.personId), 'budget')).toEqual([]);

    // More edits: the new words are found, the removed ones no longer.
    client.doc.transact(() => {
      const fragment = client.doc.getXmlFragment(BODY_FRAGMENT);
      fragment.delete(fragment.length - 1, 1);
      write(client.doc, 'Svømmehallerne får nye åbningstider.');
    });
    await waitUntil(async () => (await found(reader, 'svømmehal')).length > 0, 'the second edit to be searchable');
    expect(await found(reader, 'kommunen')).toEqual([]);

    // Revoked (the team loses its grant): gone from the next search.
    await server.documents.setGrants(id, [{ subject: 'person', personId: 'p_test', role: 'owner' }]);
    expect(await found(await actor(writer.personId), 'svømmehal')).toEqual([]);
    client.destroy();
    await stop(server, search);
  });

  it('follows a rename and a phase change, and indexes a new document before its first edit', async () => {
    const { server, search, documents, actor, found } = await world();
    const owner = await server.person('Olga Ejer');
    const created = await documents.create({
      title: 'Cykelstier i midtbyen',
      template: 'blank',
      createdBy: { id: owner.personId, name: 'Olga Ejer' },
    });
    const who = await actor(owner.personId);
    await waitUntil(async () => (await found(who, 'cykelsti')).length > 0, 'the new document to be searchable');
    await documents.rename(created.id, 'Gangstier i midtbyen');
    await waitUntil(async () => (await found(who, 'gangsti')).length > 0, 'the new title to be searchable');
    expect(await found(who, 'cykelsti')).toEqual([]);
    await documents.setState(created.id, 'in_review');
    await waitUntil(async () => (await found(who, 'gangsti', { state: 'in_review' })).length > 0, 'the phase to follow');
    await stop(server, search);
  });

  it('finds comments as they are written, hidden ones only for moderators, deleted ones never', async () => {
    const { server, search, actor, found, comments } = await world();
    const id = await server.createDocument('comment-doc', 'Høring om parken');
    const member = await actor((await server.person('Anna Medlem')).personId);
    const moderator = await actor((await server.person('Mona Moderator', { role: 'moderator' })).personId);
    const comment = (commentId: string, text: string, extra: object = {}) => ({
      id: commentId,
      documentId: id,
      threadId: commentId,
      parentId: null,
      kind: 'comment' as const,
      anchor: null,
      text,
      author: { kind: 'person' as const, id: 'p_test', name: 'Test' },
      createdAt: new Date().toISOString(),
      supporters: [],
      reports: [],
      moderation: { state: 'visible' as const },
      ...extra,
    });
    await comments.update(id, () => ({
      put: [
        comment('c1', 'Træerne i parken skal bevares.'),
        comment('c2', 'Grimme ord om parkens bænke', { moderation: { state: 'hidden' } }),
      ],
      result: null,
    }));
    search.indexer.commentsChanged(id);
    await waitUntil(async () => (await found(member, 'park', { kind: 'comment' })).length > 0, 'the comment to be searchable');
    expect((await found(member, 'park', { kind: 'comment' })).map((hit) => hit.commentId)).toEqual(['c1']);
    expect((await found(moderator, 'park', { kind: 'comment' })).map((hit) => hit.commentId).sort()).toEqual(['c1', 'c2']);
    await comments.update(id, () => ({
      put: [comment('c1', 'Træerne i parken skal bevares.', { deletedAt: new Date().toISOString() })],
      result: null,
    }));
    search.indexer.commentsChanged(id);
    await waitUntil(async () => (await found(member, 'park', { kind: 'comment' })).length === 0, 'the deleted comment to go');
    await stop(server, search);
  });

  it('saves the index in the data dir, loads it after a restart, and builds it again from the bodies when it is missing', async () => {
    const first = await world();
    const id = await first.server.createDocument('restart-doc', 'Legepladser');
    const writer = await first.server.person('Anna Skribent');
    const client = connectProvider(first.server.url, id, { cookie: writer.cookie });
    await client.synced();
    client.doc.transact(() => write(client.doc, 'Børnene ønsker flere gynger.'));
    const reader = await first.actor(writer.personId);
    await waitUntil(async () => (await first.found(reader, 'gyngerne')).length > 0, 'the edit to be searchable');
    client.destroy();
    await stop(first.server, first.search);
    const path = join(first.dataDir, SEARCH_INDEX_FILE);
    expect((await stat(path)).size).toBeGreaterThan(0);

    // Restart on the same data: loaded, nothing to index again (the reader as can() judged them before).
    const shared = { store: first.store, metadata: first.metadata, dataDir: first.dataDir };
    const second = await world(shared);
    expect(second.told).toEqual([expect.objectContaining({ loaded: true, documents: 1, bodies: 0 })]);
    expect(await second.found(reader, 'gyngerne')).toHaveLength(1);
    await stop(second.server, second.search);

    // The file gone: built again from the stored bodies.
    await rm(path);
    const third = await world(shared);
    expect(third.told).toEqual([expect.objectContaining({ loaded: false, documents: 1, bodies: 1 })]);
    expect((await third.found(reader, 'gyngerne')).map((hit) => hit.documentId)).toEqual([id]);
    await stop(third.server, third.search);
  });
});
