// @vitest-environment happy-dom
/**
 * The browser editor's session (CollaborationHolder, as the document page runs it) against the real
 * sync server on port 0 (issue 9): when the document is published while it is open, the editor goes
 * on as a reader with the same Y.Doc (the text stays on screen) over a new connection, and changes
 * the server never confirmed stay in the person's local copy (IndexedDB: fake-indexeddb here), never
 * discarded. The app's token route is played by a stub that mints the tokens it would.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { WebSocket as NodeWebSocket } from 'ws';
import type { DocumentState } from '../../lib/access/model';
import type { Access } from '../../lib/auth/syncToken';
import { LocalDocument, stateVectorOf } from '../../lib/offline/localDocument';
import { restoreFromLocalCopy } from '../../lib/offline/localDocumentSyncState';
import { documentDbName } from '../../lib/offline/localNames';
import { BODY_FRAGMENT, Close, DOCUMENT_ROOTS } from '../../lib/protocol';
import { CollaborationHolder, type Collaboration } from '../../app/_editor/CollaborationHolder';
import { startSyncServer, type TestPerson, type TestSyncServer } from '../helpers/startSyncServer';
import { waitFor } from '../helpers/waitFor';
import { waitUntil } from '../helpers/waitUntil';

/** What the stubbed token route answers: a token with this access, or a network failure. */
type TokenRoute = { readonly access: Access; readonly state: DocumentState } | 'down';

let route: TokenRoute = 'down';

function serveTokens(server: TestSyncServer, person: TestPerson, documentId: string): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      const now = route;
      if (now === 'down') throw new TypeError('Failed to fetch');
      const token = await server.sessionToken(person, documentId, now.access);
      const body = JSON.stringify({ token, access: now.access, expiresIn: 300, epoch: 1, state: now.state });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
}

beforeEach(() => {
  vi.stubGlobal('WebSocket', NodeWebSocket);
  route = 'down';
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function setUp(id: string) {
  const server = await startSyncServer({ roots: DOCUMENT_ROOTS });
  const owner = await server.person('Anna Jensen', { team: false });
  await server.documents.create({ id, title: 'Politik', template: 'blank', createdBy: { id: owner.personId, name: 'Anna Jensen' } });
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`http://127.0.0.1:${server.port}/d/${id}`);
  serveTokens(server, owner, id);
  const holder = new CollaborationHolder({ documentId: id, personKey: owner.personId, readOnly: false, epoch: 1 });
  return { server, owner, holder };
}

/** The first snapshot of the holder that satisfies `predicate`. */
function snapshot(holder: CollaborationHolder, predicate: (c: Collaboration) => boolean, what: string): Promise<Collaboration> {
  return waitFor(
    () => {
      const current = holder.getSnapshot();
      return current && predicate(current) ? current : null;
    },
    (recheck) => {
      const unsubscribe = holder.subscribe(recheck);
      // The tracker of whichever session is current.
      let tracked = holder.getSnapshot()?.tracker.subscribe(recheck);
      const again = holder.subscribe(() => {
        tracked?.();
        tracked = holder.getSnapshot()?.tracker.subscribe(recheck);
      });
      return () => {
        unsubscribe();
        again();
        tracked?.();
      };
    },
    { what },
  );
}

/** The body as Yjs prints it, e.g. `<paragraph>Før</paragraph>` (reads only). */
const bodyOf = (doc: Y.Doc): string => doc.getXmlFragment(BODY_FRAGMENT).toString();

/** The text of the body's one paragraph (the blank template's), made when it has none yet: to write into. */
function paragraphText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
  if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
  return paragraph.get(0) as Y.XmlText;
}

async function storedBody(server: TestSyncServer, id: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await server.store.load(id)) ?? []) Y.applyUpdate(doc, update);
  return doc.getXmlFragment(BODY_FRAGMENT).toString();
}

describe('the editor when its document is published', () => {
  it('goes on as a reader over a new connection, with the same doc and text, after Close.published', async () => {
    const { server, holder } = await setUp('udgives-aaben');
    route = { access: 'edit', state: 'draft' };
    holder.start();
    const editing = await snapshot(holder, (c) => c.tracker.status().kind === 'saved', 'the editor synced');
    paragraphText(editing.doc).insert(0, 'Vedtaget tekst');
    await snapshot(holder, (c) => c.tracker.status().kind === 'saved' && c.tracker.pending === 0, 'the text saved');

    route = { access: 'view', state: 'final' };
    await server.documents.setState('udgives-aaben', 'final');
    const reading = await snapshot(holder, (c) => c.published !== null && c.tracker.status().kind === 'saved', 'the reader session synced');

    expect(editing.tracker.status()).toMatchObject({ kind: 'closed', code: Close.published.code });
    expect(reading.published).toEqual({ unsaved: 0, reason: 'published' });
    expect(reading.doc).toBe(editing.doc);
    expect(reading.provider).not.toBe(editing.provider);
    expect(reading.provider.awareness).toBe(editing.provider.awareness);
    expect(bodyOf(reading.doc)).toBe('<paragraph>Vedtaget tekst</paragraph>');
    expect(reading.tracker.status()).toEqual({ kind: 'saved', savedAt: expect.any(Number) });

    // The new connection is a reader's: what it sends is dropped.
    const dropped = server.sync.stats().droppedReadOnly;
    paragraphText(reading.doc).insert(0, 'Ændret: ');
    await waitUntil(() => server.sync.stats().droppedReadOnly > dropped, 'the reader’s edit to be dropped');
    expect(await storedBody(server, 'udgives-aaben')).toContain('>Vedtaget tekst<');
    holder.stop();
  });

  it('keeps what was typed while away in the local copy, and comes back as a reader without connecting as a writer', async () => {
    const { server, owner, holder } = await setUp('udgives-vaek');
    route = { access: 'edit', state: 'draft' };
    holder.start();
    const editing = await snapshot(holder, (c) => c.tracker.status().kind === 'saved', 'the editor synced');
    paragraphText(editing.doc).insert(0, 'Før');
    await snapshot(holder, (c) => c.tracker.status().kind === 'saved' && c.tracker.pending === 0, 'the first text saved');

    // The connection drops and the app cannot be reached: a change made now waits.
    route = 'down';
    editing.provider.ws?.close();
    await snapshot(holder, (c) => c.tracker.status().kind === 'reconnecting', 'the editor to notice the drop');
    paragraphText(editing.doc).insert(3, ' og efter');
    expect(editing.tracker.pending).toBe(1);

    // Published meanwhile; the next token says so, and the editor goes on as a reader at once.
    await server.documents.setState('udgives-vaek', 'final');
    const dropped = server.sync.stats().droppedReadOnly;
    route = { access: 'view', state: 'final' };
    const reading = await snapshot(holder, (c) => c.published !== null && c.tracker.status().kind === 'saved', 'the reader session synced');
    expect(reading.published).toEqual({ unsaved: 1, reason: 'published' });
    expect(reading.doc).toBe(editing.doc);
    expect(bodyOf(reading.doc)).toBe('<paragraph>Før og efter</paragraph>');
    // The reader's sync carried the change; the server dropped it.
    await waitUntil(() => server.sync.stats().droppedReadOnly > dropped, 'the unsent change to be dropped');
    expect(await storedBody(server, 'udgives-vaek')).not.toContain('og efter');
    const accepted = server.logger.lines.filter((line) => line.msg === 'sync connection accepted');
    // The writer's one connection before the drop; after it, only the reader's.
    expect(accepted.map((line) => (line.obj as { access?: string }).access)).toEqual(['edit', 'view']);

    // The local copy still holds the change and counts it as unconfirmed.
    holder.stop();
    await waitUntil(async () => {
      const doc = new Y.Doc();
      const copy = await LocalDocument.open(documentDbName(owner.personId, 'udgives-vaek'), doc);
      try {
        const pending = restoreFromLocalCopy(stateVectorOf(doc), copy.storedSyncState).pending.length;
        return pending === 1 && bodyOf(doc) === '<paragraph>Før og efter</paragraph>';
      } finally {
        await copy.close();
        doc.destroy();
      }
    }, 'the local copy to hold the unconfirmed change');
  });
});

describe('the editor when its reader is granted more while it is open', () => {
  it('goes on writable over a new connection, with the same doc, and what is typed then is stored', async () => {
    const id = 'tildelt-aaben';
    const server = await startSyncServer({ roots: DOCUMENT_ROOTS });
    const owner = await server.person('Anna Jensen', { team: false });
    const bent = await server.person('Bent Hansen', { team: false });
    await server.documents.create({ id, title: 'Politik', template: 'blank', createdBy: { id: owner.personId, name: 'Anna Jensen' } });
    const grant = (role: 'viewer' | 'commenter' | 'editor') =>
      server.documents.setGrants(id, [
        { subject: 'person', personId: owner.personId, role: 'owner' },
        { subject: 'person', personId: bent.personId, role },
      ]);
    await grant('viewer');
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`http://127.0.0.1:${server.port}/d/${id}`);
    serveTokens(server, bent, id);
    const holder = new CollaborationHolder({ documentId: id, personKey: bent.personId, readOnly: true, epoch: 1 });
    route = { access: 'view', state: 'draft' };
    holder.start();
    const reading = await snapshot(holder, (c) => c.tracker.hasSynced && c.access === 'view', 'the reader synced');
    expect(reading.readOnly).toBe(true);

    // Commenting: still a reader's editor, but the token answer says what the person may do now.
    route = { access: 'comment', state: 'draft' };
    await grant('commenter');
    const commenting = await snapshot(holder, (c) => c.access === 'comment', 'the editor to learn of the comment access');
    expect(commenting.readOnly).toBe(true);
    expect(commenting.doc).toBe(reading.doc);

    route = { access: 'edit', state: 'draft' };
    await grant('editor');
    // Granted while its token was minted and not yet connected: judged again once connected.
    const writing = await snapshot(holder, (c) => !c.readOnly && c.tracker.status().kind === 'saved', 'the writable session synced');
    expect(writing.raised).toBe(true);
    expect(writing.doc).toBe(reading.doc);
    expect(writing.provider).not.toBe(reading.provider);
    paragraphText(writing.doc).insert(0, 'Bent skriver nu');
    await snapshot(holder, (c) => c.tracker.status().kind === 'saved' && c.tracker.pending === 0, 'the text saved');
    expect(await storedBody(server, id)).toContain('>Bent skriver nu<');
    const accepted = server.logger.lines.filter((line) => line.msg === 'sync connection accepted');
    expect(accepted.map((line) => (line.obj as { access?: string }).access)).toEqual(['view', 'comment', 'edit']);
    holder.stop();
  });
  it('comes back as a reader, saying access was lowered, when the next token says view on a draft', async () => {
    const { server, holder } = await setUp('saenket-vaek');
    route = { access: 'edit', state: 'draft' };
    holder.start();
    const editing = await snapshot(holder, (c) => c.tracker.status().kind === 'saved', 'the editor synced');
    paragraphText(editing.doc).insert(0, 'Før');
    await snapshot(holder, (c) => c.tracker.status().kind === 'saved' && c.tracker.pending === 0, 'the first text saved');

    route = 'down';
    editing.provider.ws?.close();
    await snapshot(holder, (c) => c.tracker.status().kind === 'reconnecting', 'the editor to notice the drop');
    paragraphText(editing.doc).insert(3, ' og efter');

    // Lowered to a reader meanwhile (not published): the editor goes on read-only and says why.
    route = { access: 'view', state: 'draft' };
    const reading = await snapshot(holder, (c) => c.published !== null && c.tracker.status().kind === 'saved', 'the reader session synced');
    expect(reading.published).toEqual({ unsaved: 1, reason: 'lowered' });
    expect(reading.readOnly).toBe(true);
    expect(reading.doc).toBe(editing.doc);
    expect(await storedBody(server, 'saenket-vaek')).not.toContain('og efter');
    const accepted = server.logger.lines.filter((line) => line.msg === 'sync connection accepted');
    expect(accepted.map((line) => (line.obj as { access?: string }).access)).toEqual(['edit', 'view']);
    holder.stop();
  });
});
