/**
 * Mentions over HTTP against the production server (no browser): GET …/mentionable answers readers
 * only (names and ids, never e-mails), refuses strangers and bad queries; a comment's mentions of
 * people who cannot read the document are refused and reported; sharing with someone to mention;
 * the editor's schema version on the sync token; a mention node in the body tells its person once,
 * and an edited passage tells its commenter once (the body watch, BODY_WATCH_DELAY_MS=0).
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import { waitUntil } from '../helpers/waitUntil';
import { PASSWORD, commentsClient, writeBody, type Answer, type Client, type CommentsClient } from './helpers/commentsClient';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
let http: CommentsClient;

beforeAll(async () => {
  server = await startAppServer({ env: { BODY_WATCH_DELAY_MS: '0' } });
  http = commentsClient(server);
  await http.ok(
    http.call('POST', '/api/setup', {
      body: { token: server.setupToken(), email: 'admin@eksempel.dk', name: 'Ada Admin', password: PASSWORD },
    }),
    'setup',
  );
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

interface Person {
  readonly id: string;
  readonly name: string;
  readonly canRead: boolean;
}

const codeOf = (answer: Answer) => `${answer.status}${answer.body?.error ? ` ${answer.body.error.code}` : ''}`;
const mentionable = (who: Client | undefined, id: string, query: string) =>
  http.call('GET', `/api/documents/${id}/mentionable?q=${query}`, who ? { as: who } : {});
/** What a person is told of mentions, changed passages and grants: `kind: text`, newest first. */
const kinds = async (who: Client, only: readonly string[] = ['mentioned', 'passage_changed']) =>
  ((await http.ok(http.call('GET', '/api/notifications', { as: who }), 'notifications')).body!.items as { kind: string; text: string }[])
    .filter((item) => only.includes(item.kind))
    .map((item) => `${item.kind}: ${item.text}`);

/** A private document of `owner` with a body, shared with others by e-mail. */
async function privateDocument(owner: Client, title: string, shares: readonly (readonly [Client & { email: string }, string])[]) {
  const created = await http.ok(http.call('POST', '/api/documents', { as: owner, body: { title, template: 'blank' } }), 'create');
  const id = (created.body!.document as { id: string }).id;
  const anchor = await writeBody(server, owner.session!, id);
  await http.share(owner, id, shares);
  return { id, anchor };
}

describe('mentions over HTTP', () => {
  it('suggests readers only, by name; refuses strangers, the signed out and hostile queries', async () => {
    const owner = await http.signUp('Olga Ejer');
    const reader = await http.signUp('Rasmus Læser');
    const commenter = await http.signUp('Carl Kommentator');
    const stranger = await http.signUp('Sven Fremmed');
    const { id } = await privateDocument(owner, 'Budget 2027', [
      [reader, 'viewer'],
      [commenter, 'commenter'],
    ]);

    const forReader = await http.ok(mentionable(reader, id, ''), 'reader');
    expect(forReader.body).toEqual({
      people: [
        { id: commenter.id, name: 'Carl Kommentator', canRead: true },
        { id: owner.id, name: 'Olga Ejer', canRead: true },
      ],
      canShare: false,
    });
    expect(forReader.text).not.toContain('@eksempel.dk');
    expect(forReader.headers['cache-control']).toContain('no-store');
    expect(((await http.ok(mentionable(reader, id, 'ol'), 'prefix')).body!.people as Person[]).map((p) => p.name)).toEqual(['Olga Ejer']);

    expect(codeOf(await mentionable(stranger, id, ''))).toBe('404 not_found');
    expect(codeOf(await mentionable(undefined, id, ''))).toBe('401 unauthenticated');
    expect(codeOf(await mentionable(reader, 'findes-ikke', ''))).toBe('404 not_found');
    for (const query of ['%00', 'a'.repeat(65), 'a&q=b', '%E2%80%8B'])
      expect(codeOf(await mentionable(reader, id, query)), query).toBe('400 query_invalid');
    for (const query of [encodeURIComponent("' OR 1=1 --"), encodeURIComponent('<script>'), '%25', encodeURIComponent('eksempel.dk')])
      expect((await http.ok(mentionable(reader, id, query), query)).body!.people, query).toEqual([]);
  });

  it('stores mentions of readers, reports those refused, tells the mentioned once; sharing makes a non-reader mentionable', async () => {
    const owner = await http.signUp('Olga Ejer');
    const reader = await http.signUp('Rasmus Læser');
    const commenter = await http.signUp('Carl Kommentator');
    const former = await http.signUp('Frida Forhenværende');
    const { id, anchor } = await privateDocument(owner, 'Skolevej', [
      [reader, 'viewer'],
      [commenter, 'commenter'],
      [former, 'commenter'],
    ]);
    // Frida comments, then loses access: she stays around the document, unable to read it.
    await http.ok(
      http.call('POST', `/api/documents/${id}/comments`, {
        as: former,
        body: { kind: 'comment', anchor: anchor('Kulturhuset'), text: 'Godt' },
      }),
      'former comments',
    );
    await http.ok(http.call('DELETE', `/api/documents/${id}/access`, { as: owner, body: { personId: former.id } }), 'revoke');

    const body = {
      kind: 'comment',
      anchor: anchor('spise sammen'),
      text: '@Rasmus Læser og @Frida Forhenværende: hvad siger I?',
      mentions: [reader.id, former.id],
      clientKey: 'm-1',
    };
    const posted = await http.call('POST', `/api/documents/${id}/comments`, { as: commenter, body });
    expect(posted.status).toBe(201);
    expect(posted.body!.refusedMentions).toEqual([former.id]);
    expect((posted.body!.comment as { mentions: unknown }).mentions).toEqual([{ id: reader.id, name: 'Rasmus Læser' }]);
    // The outbox's retry: the same comment, nobody told twice.
    await http.ok(http.call('POST', `/api/documents/${id}/comments`, { as: commenter, body }), 'again');
    expect(await kinds(reader)).toEqual(['mentioned: Carl Kommentator nævnte dig i en kommentar til “Skolevej”.']);
    expect(await kinds(former)).toEqual([]);
    const listed = await http.ok(http.call('GET', `/api/documents/${id}/comments`, { as: reader }), 'list');
    expect((listed.body!.comments as { mentions?: unknown }[]).find((c) => c.mentions)?.mentions).toEqual([
      { id: reader.id, name: 'Rasmus Læser' },
    ]);
    expect(
      codeOf(
        await http.call('POST', `/api/documents/${id}/comments`, { as: commenter, body: { ...body, clientKey: 'm-2', mentions: 'x' } }),
      ),
    ).toBe('400 mentions_invalid');

    // Only those who may share see Frida (and that she cannot read it); only they may share with her.
    const forOwner = (await http.ok(mentionable(owner, id, 'fr'), 'owner')).body!;
    expect(forOwner).toEqual({ people: [{ id: former.id, name: 'Frida Forhenværende', canRead: false }], canShare: true });
    expect((await http.ok(mentionable(commenter, id, 'fr'), 'commenter')).body!.people).toEqual([]);
    const share = (who: Client, personId: string, origin?: string) =>
      http.call('POST', `/api/documents/${id}/mentionable/share`, { as: who, body: { personId }, ...(origin && { origin }) });
    expect(codeOf(await share(commenter, former.id))).toBe('403 forbidden');
    expect(codeOf(await share(owner, former.id, 'https://evil.example'))).toBe('403 cross_origin');
    expect(codeOf(await share(owner, reader.id))).toBe('404 mention_person_not_found');
    const shared = await share(owner, former.id);
    expect(shared.status).toBe(201);
    expect(shared.body).toEqual({ person: { id: former.id, name: 'Frida Forhenværende' } });
    const reply = await http.ok(
      http.call('POST', `/api/documents/${id}/comments/${(posted.body!.comment as { id: string }).id}/replies`, {
        as: commenter,
        body: { text: '@Frida Forhenværende, nu kan du se den.', mentions: [former.id] },
      }),
      'reply',
    );
    expect(reply.body!.refusedMentions).toEqual([]);
    expect(await kinds(former, ['mentioned', 'access_granted'])).toEqual([
      'mentioned: Carl Kommentator nævnte dig i en kommentar til “Skolevej”.',
      'access_granted: Olga Ejer gav dig adgang til “Skolevej” (Kan kommentere).',
      // The first share, before she lost access and got it back.
      'access_granted: Olga Ejer gav dig adgang til “Skolevej” (Kan kommentere).',
    ]);
  });

  it('gives an editor of an older body schema a read-only sync token', async () => {
    const owner = await http.signUp('Olga Ejer');
    const created = await http.ok(
      http.call('POST', '/api/documents', { as: owner, body: { title: 'Skema', template: 'blank' } }),
      'create',
    );
    const id = (created.body!.document as { id: string }).id;
    const access = async (query: string) => (await http.call('GET', `/api/documents/${id}/sync-token${query}`, { as: owner })).body;
    // Version 3 added tables (issue 13), 4 the toolbox's guides and impact chain (issue 14): older editors would delete them.
    expect(await access('?schema=4')).toMatchObject({ access: 'edit' });
    expect(await access('')).toMatchObject({ access: 'edit' });
    expect(await access('?schema=3')).toMatchObject({ access: 'view' });
    expect(await access('?schema=2')).toMatchObject({ access: 'view' });
    expect(await access('?schema=1')).toMatchObject({ access: 'view' });
    expect(codeOf(await http.call('GET', `/api/documents/${id}/sync-token?schema=to`, { as: owner }))).toBe('400 schema_invalid');
  });

  it('a mention in the text tells its person once, and an edited passage tells its commenter once, not the editor', async () => {
    const owner = await http.signUp('Olga Ejer');
    const reader = await http.signUp('Rasmus Læser');
    const commenter = await http.signUp('Carl Kommentator');
    const { id, anchor } = await privateDocument(owner, 'Havnen', [
      [reader, 'viewer'],
      [commenter, 'commenter'],
    ]);
    await http.ok(
      http.call('POST', `/api/documents/${id}/comments`, {
        as: commenter,
        body: { kind: 'comment', anchor: anchor('hver uge'), text: 'Hvorfor ugentligt?' },
      }),
      'comment',
    );
    const client = connectProvider(`${server.url.replace(/^http/, 'ws')}/sync`, id, { cookie: `samskriv_session=${owner.session}` });
    await client.synced();
    const fragment = client.doc.getXmlFragment(BODY_FRAGMENT);
    const mentionOf = (person: { id: string }, label: string) => {
      const paragraph = new Y.XmlElement('paragraph');
      const node = new Y.XmlElement('mention');
      node.setAttribute('id', person.id);
      node.setAttribute('label', label);
      paragraph.insert(0, [new Y.XmlText('Spørg '), node]);
      return paragraph;
    };
    fragment.push([mentionOf(reader, 'Rasmus Læser')]);
    await waitUntil(async () => (await kinds(reader)).length > 0, 'the mention told');
    expect(await kinds(reader)).toEqual(['mentioned: Olga Ejer nævnte dig i teksten til “Havnen”.']);

    // The passage "hver uge" becomes "hver anden uge".
    const paragraphWith = (words: string) =>
      fragment
        .toArray()
        .map((block) => (block as Y.XmlElement).get(0))
        .find((child): child is Y.XmlText => child instanceof Y.XmlText && child.toString().includes(words))!;
    const text = paragraphWith('hver uge');
    text.insert(text.toString().indexOf('uge'), 'anden ');
    await waitUntil(async () => (await kinds(commenter)).length > 0, 'the changed passage told');
    expect(await kinds(commenter)).toEqual(['passage_changed: Teksten, du kommenterede i “Havnen”, er blevet ændret.']);

    // Later edits: the same passage again and a mention of the commenter; the mention arriving shows the watch looked.
    client.doc.transact(() => {
      text.insert(text.toString().indexOf('uge'), 'eller tredje ');
      fragment.push([mentionOf(commenter, 'Carl Kommentator')]);
    });
    await waitUntil(async () => (await kinds(commenter)).length > 1, 'the second mention told');
    expect(await kinds(commenter)).toEqual([
      'mentioned: Olga Ejer nævnte dig i teksten til “Havnen”.',
      'passage_changed: Teksten, du kommenterede i “Havnen”, er blevet ændret.',
    ]);
    expect(await kinds(reader)).toEqual(['mentioned: Olga Ejer nævnte dig i teksten til “Havnen”.']);
    expect(await kinds(owner)).toEqual([]);
    client.destroy();
  });
});
