/**
 * Notifications and following over HTTP against the production server (no browser): a comment on a
 * document tells its owner once, a reply tells the commenter (who now follows), a publication tells
 * the followers; lists in Danish or English; marking read; following; who lost access no longer sees
 * anything; signed out, cross-origin and bad input are refused; the page and the header's bell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithAdmin, writeBody, type Answer, type Client, type CommentsClient } from './helpers/commentsClient';
import type { AppServer } from './helpers/startAppServer';

let server: AppServer;
let http: CommentsClient;
let admin: Client;

beforeAll(async () => {
  ({ server, http, admin } = await startServerWithAdmin());
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

interface Item {
  readonly id: string;
  readonly kind: string;
  readonly documentId: string;
  readonly at: string;
  readonly read: boolean;
  readonly text: string;
}
interface Listed {
  readonly unread: number;
  readonly items: Item[];
}

const codeOf = (answer: Answer) => `${answer.status}${answer.body?.error ? ` ${answer.body.error.code}` : ''}`;
const listed = async (who: Client, query = ''): Promise<Listed> =>
  (await http.ok(http.call('GET', `/api/notifications${query}`, { as: who }), 'list')).body as unknown as Listed;

/** A public document in consultation, owned by `owner`, with a body to comment on. */
async function consultation(owner: Client, title: string) {
  const created = await http.ok(http.call('POST', '/api/documents', { as: owner, body: { title, template: 'blank' } }), 'create');
  const id = (created.body!.document as { id: string }).id;
  await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as: owner, body: { visibility: 'public' } }), 'public');
  const anchor = await writeBody(server, owner.session!, id);
  for (const state of ['in_review', 'consultation'])
    await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as: owner, body: { state } }), `phase ${state}`);
  return { id, anchor };
}

describe('notifications over HTTP', () => {
  it('a comment tells the owner once, a reply tells the commenter, a publication tells the followers; read marks stick', async () => {
    const owner = await http.signUp('Olga Ejer');
    const citizen = await http.signUp('Karen Borger');
    const reader = await http.signUp('Rasmus Læser');
    const { id, anchor } = await consultation(owner, 'Kulturhuset for alle');
    expect(await listed(owner)).toEqual({ unread: 0, items: [] });

    // The reader follows the public document; the citizen will follow by commenting.
    expect((await http.ok(http.call('PUT', `/api/documents/${id}/follow`, { as: reader }), 'follow')).body).toEqual({
      following: true,
      implicit: false,
    });
    expect((await http.ok(http.call('GET', `/api/documents/${id}/follow`, { as: owner }), 'owner follows')).body).toEqual({
      following: true,
      implicit: true,
    });

    const body = { kind: 'comment', anchor: anchor('Kulturhuset'), text: 'Hvad med parkering?', clientKey: 'k-1' };
    const comment = await http.ok(http.call('POST', `/api/documents/${id}/comments`, { as: citizen, body }), 'comment');
    // The outbox's retry of the same comment: no second notification.
    await http.ok(http.call('POST', `/api/documents/${id}/comments`, { as: citizen, body }), 'comment again');
    const commentId = (comment.body!.comment as { id: string }).id;

    const forOwner = await listed(owner);
    expect(forOwner.unread).toBe(1);
    expect(forOwner.items).toEqual([
      {
        id: expect.any(String),
        kind: 'comment_new',
        documentId: id,
        at: expect.any(String),
        read: false,
        text: 'Karen Borger kommenterede “Kulturhuset for alle”.',
        path: `/d/${id}#kommentar-${commentId}`,
      },
    ]);
    expect((await listed(owner, '?lang=en')).items[0]!.text).toBe('Karen Borger commented on “Kulturhuset for alle”.');
    expect((await listed(reader)).items.map((item) => item.kind)).toEqual(['comment_new']);
    expect(await listed(citizen)).toEqual({ unread: 0, items: [] });

    await http.ok(
      http.call('POST', `/api/documents/${id}/comments/${commentId}/replies`, { as: owner, body: { text: 'Der kommer ti pladser.' } }),
      'reply',
    );
    expect((await listed(citizen)).items.map((item) => item.text)).toEqual([
      'Olga Ejer svarede på din kommentar i “Kulturhuset for alle”.',
    ]);

    // Published by an admin: every follower is told (the owner, the citizen who commented, the reader).
    // Version 2: moving into consultation froze the consultation draft as version 1 (told to nobody).
    await http.ok(http.call('POST', `/api/documents/${id}/versions`, { as: admin, body: { summary: 'Første udgave' } }), 'publish');
    const published = 'published';
    expect((await listed(owner)).items.map((item) => item.kind)).toEqual([published, 'comment_new']);
    expect((await listed(citizen)).items.map((item) => item.kind)).toEqual([published, 'reply']);
    expect((await listed(reader, '?unread=1')).items.map((item) => item.text)).toEqual([
      '“Kulturhuset for alle” er udgivet som version 2.',
      'Karen Borger kommenterede “Kulturhuset for alle”.',
    ]);

    // Marking read: one by id (someone else's id is ignored), then all.
    const [newest, oldest] = (await listed(owner)).items;
    const marked = await http.ok(http.call('POST', '/api/notifications/read', { as: owner, body: { ids: [oldest!.id] } }), 'read one');
    expect(marked.body).toEqual({ marked: 1, unread: 1 });
    expect(
      (await http.ok(http.call('POST', '/api/notifications/read', { as: reader, body: { ids: [newest!.id] } }), 'not mine')).body,
    ).toEqual({
      marked: 0,
      unread: 2,
    });
    expect((await listed(owner, '?unread=1')).items.map((item) => item.id)).toEqual([newest!.id]);
    expect((await http.ok(http.call('POST', '/api/notifications/read', { as: owner, body: { all: true } }), 'read all')).body).toEqual({
      marked: 1,
      unread: 0,
    });
    expect((await listed(owner)).items.map((item) => item.read)).toEqual([true, true]);

    // The reader unfollows, then the document goes back to draft (told to followers).
    await http.ok(http.call('DELETE', `/api/documents/${id}/follow`, { as: reader }), 'unfollow');
    await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as: owner, body: { state: 'draft' } }), 'back to draft');
    expect((await listed(citizen)).items.map((item) => item.text)[0]).toBe('“Kulturhuset for alle” er flyttet til fasen: Kladde.');
    expect((await listed(reader)).items.map((item) => item.kind)).toEqual([published, 'comment_new']);

    // Made private: the reader and the citizen may no longer read it, and see nothing of it.
    await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as: owner, body: { visibility: 'private' } }), 'private');
    expect(await listed(reader)).toEqual({ unread: 0, items: [] });
    expect(await listed(citizen)).toEqual({ unread: 0, items: [] });
    expect(codeOf(await http.call('PUT', `/api/documents/${id}/follow`, { as: reader }))).toBe('404 not_found');
  });

  it('refuses the signed out, other origins and bad input', async () => {
    const someone = await http.signUp('Sif Sørensen');
    expect(codeOf(await http.call('GET', '/api/notifications'))).toBe('401 unauthenticated');
    expect(codeOf(await http.call('POST', '/api/notifications/read', { body: { all: true } }))).toBe('401 unauthenticated');
    expect(codeOf(await http.call('PUT', '/api/documents/findes-ikke/follow'))).toBe('401 unauthenticated');
    expect(
      codeOf(await http.call('POST', '/api/notifications/read', { as: someone, body: { all: true }, origin: 'https://evil.example' })),
    ).toBe('403 cross_origin');
    expect(codeOf(await http.call('PUT', '/api/documents/findes-ikke/follow', { as: someone, origin: null }))).toBe('403 cross_origin');
    for (const body of [{}, { all: false }, { ids: [] }, { ids: 'n_1' }, { ids: ['n_1'], all: true }])
      expect(codeOf(await http.call('POST', '/api/notifications/read', { as: someone, body }))).toBe('400 notification_ids_invalid');
    expect(codeOf(await http.call('POST', '/api/notifications/read', { as: someone, raw: '{', contentType: 'application/json' }))).toBe(
      '400 invalid_json',
    );
    expect(codeOf(await http.call('POST', '/api/notifications/read', { as: someone, body: { ids: ['x'.repeat(40_000)] } }))).toBe(
      '413 body_too_large',
    );
    expect(codeOf(await http.call('GET', '/api/notifications?limit=0', { as: someone }))).toBe('400 limit_invalid');
    expect(codeOf(await http.call('GET', '/api/notifications?unread=ja', { as: someone }))).toBe('400 unread_invalid');
    expect(codeOf(await http.call('GET', '/api/notifications?lang=de', { as: someone }))).toBe('400 lang_invalid');
    expect(codeOf(await http.call('PUT', '/api/documents/findes-ikke/follow', { as: someone }))).toBe('404 not_found');
  });

  it('the page lists them newest first with the unread ones said in text, and the header’s bell counts them', async () => {
    const owner = await http.signUp('Oda Ejer');
    const citizen = await http.signUp('Carl Borger');
    const { id, anchor } = await consultation(owner, 'Stiplan');
    for (const text of ['Første', 'Anden'])
      await http.ok(
        http.call('POST', `/api/documents/${id}/comments`, { as: citizen, body: { kind: 'comment', anchor: anchor('Kulturhuset'), text } }),
        text,
      );
    const page = await http.call('GET', '/notifikationer', { as: owner });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1 id="notifications-heading">Notifikationer</h1>');
    // The bell's name is its text: "Notifikationer 2 ulæste" (the last word visually hidden).
    expect(page.text).toMatch(
      /<span class="notification-bell__count">2<\/span><span class="visually-hidden">[^<]*(<!-- -->)?ulæste<\/span>/,
    );
    expect(page.text).toContain('Du har 2 ulæste notifikationer.');
    expect(page.text.match(/>Ulæst<\/span>/g)?.length).toBe(2);
    // Each leads to its comment on the document's page.
    expect(page.text).toMatch(new RegExp(`href="/d/${id}#kommentar-c_[0-9a-f-]+"`));
    expect(page.text).toContain('Markér alle som læst');
    // The document page offers the follow toggle; the citizen follows since commenting.
    const documentPage = await http.call('GET', `/d/${id}`, { as: citizen });
    expect(documentPage.text).toContain('Du følger dokumentet');

    const empty = await http.call('GET', '/notifikationer', { as: citizen });
    expect(empty.text).toContain('Du har ingen notifikationer endnu.');
    expect(empty.text).toMatch(/<a class="notification-bell"[^>]*>.*?Notifikationer<\/a>/);
    const signedOut = await http.call('GET', '/notifikationer');
    expect(signedOut.status).toBe(307);
    expect(signedOut.headers.location).toContain('/konto/log-ind');
  });
});
