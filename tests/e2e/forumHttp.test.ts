/**
 * The knowledge forum (issue 14) over HTTP against the production server: an admin makes a forum;
 * signed-in people write posts with a type and tags, list them recent and popular and by tag, reply
 * (comment threads of kind forum_reply) and support them; bad bodies and parameters are refused with
 * codes; a post its author made private is gone for everyone else: from the list, its replies, its
 * support and search. Search is current within about a second: the test asks until it is (no sleeps).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithAdmin, type Answer, type Client, type CommentsClient } from './helpers/commentsClient';
import { writeParagraph } from './helpers/consultationDocument';
import type { AppServer } from './helpers/startAppServer';
import { waitUntil } from '../helpers/waitUntil';

let server: AppServer;
let http: CommentsClient;
let admin: Client;
let karen: Client;
let ole: Client;
let forumId = '';

interface Post {
  id: string;
  title: string;
  type: string;
  tags: string[];
  supportCount: number;
  replyCount: number;
  supported: boolean;
}

const codeOf = (answer: Answer) => `${answer.status}${answer.body?.error ? ` ${answer.body.error.code}` : ''}`;
const createPost = (as: Client, body: unknown) => http.call('POST', '/api/forum/posts', { as, body });
async function list(query: string, as: Client = karen): Promise<Post[]> {
  const answer = await http.ok(http.call('GET', `/api/forum/posts?${query}`, { as }), `list ${query}`);
  return answer.body!.posts as Post[];
}
async function search(query: string, as: Client): Promise<{ kind: string; documentId: string }[]> {
  const answer = await http.ok(http.call('GET', `/api/search?${query}`, { as }), `search ${query}`);
  return answer.body!.results as { kind: string; documentId: string }[];
}

beforeAll(async () => {
  ({ server, http, admin } = await startServerWithAdmin());
  const forum = await http.ok(
    http.call('POST', '/api/admin/workspaces', { as: admin, body: { name: 'Fælles-skabet', description: 'Vidensforum', kind: 'forum' } }),
    'forum',
  );
  forumId = (forum.body!.workspace as { id: string; kind: string }).id;
  expect(forum.body!.workspace).toMatchObject({ kind: 'forum' });
  karen = await http.signUp('Karen Frivillig');
  ole = await http.signUp('Ole Medarbejder');
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

describe('forum posts over HTTP', () => {
  let experience: Post;
  let article: Post;

  it('creates posts in the forum with a type and normalised tags, opening in the editor', async () => {
    const answer = await createPost(karen, {
      title: 'Erfaring: Gode spørgsmål på borgermødet',
      type: 'erfaring',
      tags: [' Gode Spørgsmål ', 'BORGERMØDE', 'gode spørgsmål'],
    });
    expect(codeOf(answer)).toBe('201');
    experience = answer.body!.post as Post;
    expect(experience).toMatchObject({ type: 'erfaring', tags: ['gode spørgsmål', 'borgermøde'], supportCount: 0, replyCount: 0 });
    expect(answer.headers.location).toBe(`/d/${experience.id}`);
    // The normal editor: the author writes the body over the sync endpoint.
    await writeParagraph(server, karen.session!, experience.id, 'Vi lod borgerne tale om legepladserne, før vi fremlagde noget.');
    article = (
      await http.ok(
        createPost(ole, { title: 'Artikel om samskabelse', type: 'artikel', tags: ['samskabelse'], workspaceId: forumId }),
        'article',
      )
    ).body!.post as Post;
    // A team's workspace takes no posts.
    const team = await http.ok(http.call('POST', '/api/admin/workspaces', { as: admin, body: { name: 'Projektgruppen' } }), 'team');
    const teamId = (team.body!.workspace as { id: string }).id;
    expect(codeOf(await createPost(karen, { title: 'Forkert sted', type: 'case', workspaceId: teamId }))).toBe('404 forum_not_found');
  });

  it('refuses bad bodies and parameters with clear codes, and strangers', async () => {
    expect(codeOf(await createPost(karen, { title: 'X', type: 'nyhed' }))).toBe('400 post_type_invalid');
    expect(codeOf(await createPost(karen, { title: '', type: 'case' }))).toBe('400 title_required');
    expect(codeOf(await createPost(karen, { title: 'X', type: 'case', tags: ['a'.repeat(33)] }))).toBe('400 tag_too_long');
    expect(codeOf(await createPost(karen, { title: 'X', type: 'case', tags: Array.from({ length: 9 }, (_, i) => `t${i}`) }))).toBe(
      '400 too_many_tags',
    );
    expect(codeOf(await createPost(karen, { title: 'X', type: 'case', tags: 'samskabelse' }))).toBe('400 tags_invalid');
    expect(codeOf(await createPost(karen, { title: 'X', type: 'case', tags: ['x'.repeat(10_000)] }))).toBe('413 body_too_large');
    expect(codeOf(await createPost({}, { title: 'X', type: 'case' }))).toBe('401 unauthenticated');
    expect(codeOf(await http.call('GET', '/api/forum/posts?sort=best', { as: karen }))).toBe('400 forum_sort_invalid');
    expect(codeOf(await http.call('GET', '/api/forum/posts?limit=51', { as: karen }))).toBe('400 forum_limit_invalid');
    expect(codeOf(await http.call('GET', '/api/forum/posts?page=2', { as: karen }))).toBe('400 forum_param_unknown');
    expect(codeOf(await http.call('GET', '/api/forum/posts?tag=a&tag=b', { as: karen }))).toBe('400 forum_param_repeated');
    const tags = (body: unknown, as: Client = karen) => http.call('PUT', `/api/forum/posts/${experience.id}/tags`, { as, body });
    expect(codeOf(await tags({ tags: [''] }))).toBe('400 tag_empty');
    // Only those who may edit the post change its tags.
    expect(codeOf(await tags({ tags: ['spam'] }, ole))).toBe('403 no_grant');
  });

  it('lists recent and popular posts, with reply and support counts, and filters by tag', async () => {
    expect((await list('sort=recent')).map((p) => p.id)).toEqual([article.id, experience.id]);
    expect(await list('sort=popular')).toEqual([]);
    // Ole replies to Karen's post and supports it; Karen answers the reply.
    const reply = await http.call('POST', `/api/documents/${experience.id}/comments`, {
      as: ole,
      body: { kind: 'forum_reply', text: 'Tak! Vi prøver det samme i Sakskøbing.' },
    });
    expect(codeOf(reply)).toBe('201');
    const replyId = (reply.body!.comment as { id: string; kind: string; anchor: null }).id;
    expect(reply.body!.comment).toMatchObject({ kind: 'forum_reply', anchor: null });
    await http.ok(
      http.call('POST', `/api/documents/${experience.id}/comments/${replyId}/replies`, { as: karen, body: { text: 'Held og lykke!' } }),
      'answer',
    );
    const supported = await http.call('PUT', `/api/forum/posts/${experience.id}/support`, { as: ole });
    expect(codeOf(supported)).toBe('200');
    expect(supported.body!.post).toMatchObject({ supportCount: 1, supported: true });
    // Idempotent: supporting twice counts once.
    await http.ok(http.call('PUT', `/api/forum/posts/${experience.id}/support`, { as: ole }), 'again');
    const popular = await list('sort=popular');
    expect(popular.map((p) => p.id)).toEqual([experience.id]);
    expect(popular[0]).toMatchObject({ supportCount: 1, replyCount: 2, supported: false });
    expect((await list('sort=popular', ole))[0]).toMatchObject({ supported: true });
    expect((await list(`tag=${encodeURIComponent('Gode spørgsmål')}`)).map((p) => p.id)).toEqual([experience.id]);
    expect((await list('tag=samskabelse&limit=1')).map((p) => p.id)).toEqual([article.id]);
    expect(await list('tag=ukendt')).toEqual([]);
    // Replies are a forum post's: a team document refuses the kind.
    const doc = await http.ok(http.call('POST', '/api/documents', { as: karen, body: { title: 'Noter', template: 'blank' } }), 'doc');
    const docId = (doc.body!.document as { id: string }).id;
    expect(
      codeOf(await http.call('POST', `/api/documents/${docId}/comments`, { as: karen, body: { kind: 'forum_reply', text: 'Hej' } })),
    ).toBe('400 kind_not_allowed');
    // Taking the support back.
    const withdrawn = await http.call('DELETE', `/api/forum/posts/${experience.id}/support`, { as: ole });
    expect(withdrawn.body!.post).toMatchObject({ supportCount: 0, supported: false });
  });

  it('changes tags for the author, and search finds posts by kind and tag with an inflected word', async () => {
    const changed = await http.call('PUT', `/api/forum/posts/${experience.id}/tags`, {
      as: karen,
      body: { tags: ['Legepladser', 'borgermøde'] },
    });
    expect(codeOf(changed)).toBe('200');
    expect(changed.body!.post).toMatchObject({ tags: ['legepladser', 'borgermøde'] });
    await waitUntil(
      async () => (await search('q=legepladsen&kind=post&tag=legepladser', ole)).some((hit) => hit.documentId === experience.id),
      'the post to be searchable by its new tag',
      30_000,
    );
    const hits = await search('q=legepladsen&kind=post', ole);
    expect(hits.map((hit) => [hit.kind, hit.documentId])).toEqual([['post', experience.id]]);
    // The old tag is gone from the index; the filter by a tag it never had finds nothing.
    expect(await search('q=legepladsen&kind=post&tag=gode%20sp%C3%B8rgsm%C3%A5l', ole)).toEqual([]);
    expect(await search('q=legepladsen&kind=document', ole)).toEqual([]);
  });

  it('lets everyone signed in read, but hides a private post from all but its author: list, replies, support, search', async () => {
    // Signed out: forum posts are for those signed in.
    expect(await list('sort=recent', {})).toEqual([]);
    await http.ok(
      http.call('PUT', `/api/documents/${experience.id}/visibility`, { as: karen, body: { visibility: 'private' } }),
      'private',
    );
    expect((await list('sort=recent', ole)).map((p) => p.id)).toEqual([article.id]);
    expect((await list('sort=recent', karen)).map((p) => p.id)).toEqual([article.id, experience.id]);
    expect(codeOf(await http.call('PUT', `/api/forum/posts/${experience.id}/support`, { as: ole }))).toBe('404 not_found');
    expect((await http.call('GET', `/api/documents/${experience.id}/comments`, { as: ole })).status).toBe(404);
    expect(
      codeOf(await http.call('POST', `/api/documents/${experience.id}/comments`, { as: ole, body: { kind: 'forum_reply', text: 'Hej' } })),
    ).toMatch(/^404/);
    expect(await search('q=legepladsen', ole)).toEqual([]);
    expect((await search('q=legepladsen&kind=post', karen)).map((hit) => hit.documentId)).toEqual([experience.id]);
  });
});
