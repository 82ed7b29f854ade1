/**
 * Mentions in the body and changed passages over a real sync server, wired as the process entry
 * wires them: stored edits reach the body watch (createBodyWatch) through the sync server's onStored
 * hook, which tells the notification service of new mention nodes and the comment service of edited
 * passages. Stock y-websocket providers edit as signed-in people. The watch's delay is long; the test
 * waits for the hook to have heard of an edit, then makes the watch look (flush) and checks the outcome.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FixedWindowLimiter } from '../../lib/apiKeys/FixedWindowLimiter';
import { anchorFromRange } from '../../lib/comments/anchors/anchorFromRange';
import { documentText } from '../../lib/comments/anchors/documentText';
import { createCommentService } from '../../lib/comments/CommentService';
import type { Participant } from '../../lib/comments/Participant';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { translator } from '../../lib/i18n/translator';
import { createNotificationService } from '../../lib/notifications/createNotificationService';
import { notificationText } from '../../lib/notifications/notificationText';
import { externalSubject } from '../../lib/platformApi/schemas';
import { BODY_FRAGMENT, DOCUMENT_ROOTS } from '../../lib/protocol';
import { bodyJsonOf } from '../../lib/versions/bodyJsonOf';
import { MemoryCommentStore } from '../../server/comments/MemoryCommentStore';
import { createBodyWatch, type BodyWatch } from '../../server/mentions/createBodyWatch';
import { MemoryNotificationStore } from '../../server/notifications/MemoryNotificationStore';
import { actorOf } from '../../server/people/actorOf';
import { connectProvider } from '../helpers/connectProvider';
import { startSyncServer, type TestPerson } from '../helpers/startSyncServer';
import { TEST_SECRET } from '../helpers/tokens';
import { waitUntil } from '../helpers/waitUntil';

async function world() {
  const late: { watch?: BodyWatch } = {};
  const stored: [string, string | null][] = [];
  const server = await startSyncServer({
    roots: DOCUMENT_ROOTS,
    onStored: (documentId, by, update) => {
      stored.push([documentId, by]);
      late.watch?.stored(documentId, by, update);
    },
  });
  const actorOfPerson = async (personId: string) => {
    const person = await server.accountStore.getPerson(personId);
    return person ? actorOf(server.accountStore, person) : null;
  };
  const notifications = createNotificationService({
    store: new MemoryNotificationStore(),
    documents: server.documents,
    actorOfPerson,
    membersOf: (organisationId) => server.accountStore.memberIdsOf(organisationId),
    nameOf: async (personId) => (await server.accountStore.getPerson(personId))?.name ?? null,
  });
  const loadBody = async (documentId: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await server.sync.readDocumentState(documentId));
    return doc;
  };
  const comments = createCommentService({
    store: new MemoryCommentStore(),
    documents: server.documents,
    loadBody,
    limits: { person: new FixedWindowLimiter(100, 60_000), guestIp: new FixedWindowLimiter(100, 60_000) },
    notify: (event) => notifications.notify(event),
  });
  const watch = (late.watch = createBodyWatch({
    delayMs: 3_600_000,
    readState: (documentId) => server.sync.readDocumentState(documentId),
    notify: (event) => notifications.notify(event),
    comments,
    apiKeyName: async (keyId) => (await server.apiKeyStore.list()).find((key) => key.id === keyId)?.name ?? null,
    logger: { error: (obj) => expect.unreachable(JSON.stringify(obj)) },
  }));
  /** What a person is shown now, as sentences (Danish and English), newest first. */
  const told = async (who: TestPerson) => {
    const actor = (await actorOfPerson(who.personId))!;
    const items = (await notifications.list(actor)).items;
    return items.map((item) => [notificationText(translator('da'), item), notificationText(translator('en'), item)]);
  };
  /** What a person is shown now: the kinds, newest first. */
  const shown = async (who: TestPerson) => {
    const actor = (await actorOfPerson(who.personId))!;
    return (await notifications.list(actor)).items.map((item) => item.kind);
  };
  /** Waits until the hook heard of `count` durable edits by anyone, then has the watch look now. */
  const looked = async (count: number) => {
    await waitUntil(() => stored.length >= count, `${count} stored edits`);
    await watch.flush();
  };
  const participant = async (who: TestPerson, name: string): Promise<Participant> => ({
    kind: 'person',
    actor: (await actorOfPerson(who.personId))!,
    name,
    organisation: null,
    ip: '127.0.0.1',
  });
  return { server, comments, notifications, shown, told, looked, stored, participant, loadBody };
}

/** A paragraph "Spørg <mention>" appended by the editing client. */
function appendMention(doc: Y.Doc, personId: string, label: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  const mention = new Y.XmlElement('mention');
  mention.setAttribute('id', personId);
  mention.setAttribute('label', label);
  mention.setAttribute('mentionSuggestionChar', '@');
  paragraph.insert(0, [new Y.XmlText('Spørg '), mention]);
  doc.getXmlFragment(BODY_FRAGMENT).push([paragraph]);
}

/** The first block's text (the heading the test server seeds with the title). */
const heading = (doc: Y.Doc) => (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;

describe('mentions in the document’s text', () => {
  it('tell the person once when the mention node appears, not on later edits, and never someone who cannot read it', async () => {
    const { server, shown, looked } = await world();
    const id = await server.createDocument('mention-doc', 'Budget 2027');
    const writer = await server.person('Anna Skribent');
    const mentioned = await server.person('Cecilie Kollega');
    const stranger = await server.person('Sven Fremmed', { team: false });
    const client = connectProvider(server.url, id, { cookie: writer.cookie });
    await client.synced();

    client.doc.transact(() => {
      appendMention(client.doc, mentioned.personId, 'Cecilie Kollega');
      appendMention(client.doc, stranger.personId, 'Sven Fremmed');
    });
    await looked(1);
    expect(await shown(mentioned)).toEqual(['mentioned']);
    expect(await shown(stranger)).toEqual([]);
    expect(await shown(writer)).toEqual([]);

    // More typing, also in the mention's paragraph: nobody is told again.
    client.doc.transact(() => {
      heading(client.doc).insert(0, 'Udkast: ');
      const paragraph = client.doc.getXmlFragment(BODY_FRAGMENT).get(2) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, 'Husk at ');
    });
    await looked(2);
    expect(await shown(mentioned)).toEqual(['mentioned']);

    // The server stored the node as the client wrote it, and reads it through the editor's schema.
    const json = JSON.stringify(bodyJsonOf(await server.sync.readDocumentState(id)));
    expect(json).toContain(`"id":"${mentioned.personId}"`);
    expect(json).toContain('"label":"Cecilie Kollega"');
    client.destroy();
  });
});

describe('mentions written through the platform API', () => {
  it('tell the person, naming the API key (or "another platform") as who mentioned them, in both languages', async () => {
    const { server, told, looked, stored } = await world();
    // The key's token brings its own document into being (a key edits only documents it made).
    const id = 'api-mention-doc';
    const admin = await server.person('Ada Admin', { team: false, role: 'admin' });
    const mentioned = await server.person('Cecilie Kollega');
    const { apiKey } = await server.apiKeys.create(admin.personId, { name: 'Intranettet' });
    const viaKey = await mintSyncToken(
      {
        sub: externalSubject(apiKey.id, 'bruger-1'),
        name: 'Platformbruger',
        doc: id,
        access: 'edit',
        kid: apiKey.id,
        title: 'Lokalplan 12',
      },
      TEST_SECRET,
      300,
    );
    const byKey = connectProvider(server.url, id, { token: viaKey });
    await byKey.synced();
    await server.documents.setGrants(id, [{ subject: 'person', personId: mentioned.personId, role: 'viewer' }]);
    let heard = stored.length;
    byKey.doc.transact(() => appendMention(byKey.doc, mentioned.personId, 'Cecilie Kollega'));
    await looked(heard + 1);
    expect(stored.at(-1)).toEqual([id, `key:${apiKey.id}`]);
    expect(await told(mentioned)).toEqual([
      [
        'API-nøglen “Intranettet” nævnte dig i teksten til “Lokalplan 12”.',
        'The API key “Intranettet” mentioned you in the text of “Lokalplan 12”.',
      ],
    ]);
    byKey.destroy();

    // A token signed with the server's secret directly names no key: "another platform".
    const direct = await mintSyncToken({ sub: 'ext_1', name: 'Ekstern', doc: id, access: 'edit' }, TEST_SECRET, 300);
    const byPlatform = connectProvider(server.url, id, { token: direct });
    await byPlatform.synced();
    heard = stored.length;
    byPlatform.doc.transact(() => appendMention(byPlatform.doc, mentioned.personId, 'Cecilie Kollega'));
    await looked(heard + 1);
    expect(stored.at(-1)).toEqual([id, 'platform']);
    expect((await told(mentioned))[0]).toEqual([
      'En anden platform (via API) nævnte dig i teksten til “Lokalplan 12”.',
      'Another platform (through the API) mentioned you in the text of “Lokalplan 12”.',
    ]);
    expect(await told(admin)).toEqual([]);
    byPlatform.destroy();
  });
});

describe('an edited passage', () => {
  it('tells the commenter once, not the person who edited it', async () => {
    const { server, comments, shown, looked, participant, loadBody } = await world();
    const id = await server.createDocument('passage-doc', 'Vi bygger en ny skole');
    const editor = await server.person('Erik Redaktør');
    const commenter = await server.person('Karen Borger');
    const body = await loadBody(id);
    const plain = documentText(body.getXmlFragment(BODY_FRAGMENT)).text;
    const from = plain.indexOf('ny skole');
    const anchor = anchorFromRange(body, from, from + 'ny skole'.length);
    body.destroy();
    await comments.create(await participant(commenter, 'Karen Borger'), id, { kind: 'comment', anchor, text: 'Hvor?' });

    const client = connectProvider(server.url, id, { cookie: editor.cookie });
    await client.synced();
    // "ny skole" becomes "ny, stor skole": an edit inside the passage.
    const text = heading(client.doc);
    text.insert(text.toString().indexOf('ny') + 2, ', stor');
    await looked(1);
    expect(await shown(commenter)).toEqual(['passage_changed']);
    expect(await shown(editor)).toEqual([]);

    // Edited again the same day: still one.
    text.insert(text.toString().indexOf('stor') + 4, 're');
    await looked(2);
    expect(await shown(commenter)).toEqual(['passage_changed']);
    client.destroy();
  });
});
