/**
 * The notification route handlers called as Next calls them, over the real notification service:
 * status codes, validation, the answer's shape and the language of its text. Only Next's request
 * context (the cookie store) is stood in for; tests/e2e/notificationsHttp.test.ts runs the same
 * routes in the production server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setServices, type Services } from '../../../lib/services';
import type { Principal } from '../../../lib/people/Principal';
import { documentMeta, notificationWorld, type NotificationWorld } from './notificationFixture';

let sessionCookie: string | undefined;
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'samskriv_session' && sessionCookie ? { value: sessionCookie } : undefined) }),
}));

const { GET: list } = await import('../../../app/api/notifications/route');
const { POST: markRead } = await import('../../../app/api/notifications/read/route');
const follow = await import('../../../app/api/documents/[id]/follow/route');

const ORIGIN = 'http://samskriv.test';
let world: NotificationWorld;

function request(method: string, path: string, body?: unknown, origin: string | null = ORIGIN): Request {
  const headers: Record<string, string> = { host: 'samskriv.test' };
  if (origin !== null) headers.origin = origin;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });
async function answer(response: Promise<Response>): Promise<[number, unknown]> {
  const done = await response;
  return [done.status, await done.json()];
}

beforeEach(async () => {
  world = notificationWorld();
  world.documents.set('dok', documentMeta('dok', { title: 'Lokalplan 12', visibility: 'public' }));
  world.person('p_owner');
  world.person('p_reader');
  setServices({
    notifications: world.service,
    resolvePrincipal: async (session: string | null | undefined) =>
      session ? ({ actor: world.person(session), personId: session, label: session } as unknown as Principal) : null,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  } as Partial<Services> as Services);
  for (const n of [1, 2])
    await world.service.notify({
      kind: 'published',
      eventId: `version:dok:${n}`,
      documentId: 'dok',
      actor: { personId: 'p_x', name: 'X' },
      version: n,
    });
});
afterEach(() => {
  setServices(undefined);
  sessionCookie = undefined;
});

describe('GET /api/notifications', () => {
  it('lists the signed-in person’s notifications with their text, in Danish or English', async () => {
    sessionCookie = 'p_owner';
    const [status, body] = await answer(list(request('GET', '/api/notifications')));
    expect(status).toBe(200);
    expect(body).toEqual({
      unread: 2,
      items: [
        {
          id: expect.any(String),
          kind: 'published',
          documentId: 'dok',
          at: expect.any(String),
          read: false,
          text: '“Lokalplan 12” er udgivet som version 2.',
          // A publication is about the document: its path has no comment.
          path: '/d/dok',
        },
        {
          id: expect.any(String),
          kind: 'published',
          documentId: 'dok',
          at: expect.any(String),
          read: false,
          text: '“Lokalplan 12” er udgivet som version 1.',
          // A publication is about the document: its path has no comment.
          path: '/d/dok',
        },
      ],
    });
    const [, english] = await answer(list(request('GET', '/api/notifications?lang=en&limit=1')));
    expect(english).toMatchObject({ unread: 2, items: [{ text: '“Lokalplan 12” was published as version 2.' }] });
  });

  it('answers 401 signed out and 400 for a query it does not take', async () => {
    expect(await answer(list(request('GET', '/api/notifications')))).toEqual([
      401,
      { error: { code: 'unauthenticated', message: expect.any(String) } },
    ]);
    sessionCookie = 'p_owner';
    for (const [query, code] of [
      ['?unread=ja', 'unread_invalid'],
      ['?limit=500', 'limit_invalid'],
      ['?lang=fr', 'lang_invalid'],
    ])
      expect(await answer(list(request('GET', `/api/notifications${query}`)))).toEqual([
        400,
        { error: { code, message: expect.any(String) } },
      ]);
  });
});

describe('POST /api/notifications/read', () => {
  it('marks the person’s own by id, or all, and says how many are left unread', async () => {
    sessionCookie = 'p_owner';
    const [, listed] = await answer(list(request('GET', '/api/notifications')));
    const ids = (listed as { items: { id: string }[] }).items.map((item) => item.id);
    expect(await answer(markRead(request('POST', '/api/notifications/read', { ids: [ids[1]] })))).toEqual([200, { marked: 1, unread: 1 }]);
    expect(await answer(list(request('GET', '/api/notifications?unread=1')))).toMatchObject([200, { unread: 1, items: [{ id: ids[0] }] }]);
    sessionCookie = 'p_reader';
    expect(await answer(markRead(request('POST', '/api/notifications/read', { ids })))).toEqual([200, { marked: 0, unread: 0 }]);
    sessionCookie = 'p_owner';
    expect(await answer(markRead(request('POST', '/api/notifications/read', { all: true })))).toEqual([200, { marked: 1, unread: 0 }]);
  });

  it('refuses other origins, the signed out and bodies it does not take', async () => {
    expect((await markRead(request('POST', '/api/notifications/read', { all: true }))).status).toBe(401);
    sessionCookie = 'p_owner';
    expect((await answer(markRead(request('POST', '/api/notifications/read', { all: true }, 'https://evil.example'))))[0]).toBe(403);
    for (const body of [{}, { all: false }, { ids: [] }, { ids: ['a'], all: true }, { ids: [1] }])
      expect(await answer(markRead(request('POST', '/api/notifications/read', body)))).toEqual([
        400,
        { error: { code: 'notification_ids_invalid', message: 'Angiv hvilke notifikationer (højst 200), eller alle.' } },
      ]);
  });
});

describe('/api/documents/<id>/follow', () => {
  it('follows, tells, and stops following; a document the person cannot read is not found', async () => {
    sessionCookie = 'p_reader';
    expect(await answer(follow.GET(request('GET', '/api/documents/dok/follow'), params('dok')))).toEqual([
      200,
      { following: false, implicit: true },
    ]);
    expect(await answer(follow.PUT(request('PUT', '/api/documents/dok/follow'), params('dok')))).toEqual([
      200,
      { following: true, implicit: false },
    ]);
    await world.service.notify({
      kind: 'published',
      eventId: 'version:dok:3',
      documentId: 'dok',
      actor: { personId: 'p_x', name: 'X' },
      version: 3,
    });
    expect(await answer(list(request('GET', '/api/notifications')))).toMatchObject([200, { unread: 1 }]);
    expect(await answer(follow.DELETE(request('DELETE', '/api/documents/dok/follow'), params('dok')))).toEqual([
      200,
      { following: false, implicit: false },
    ]);
    world.documents.set('lukket', documentMeta('lukket'));
    expect((await answer(follow.PUT(request('PUT', '/api/documents/lukket/follow'), params('lukket'))))[0]).toBe(404);
    expect((await answer(follow.PUT(request('PUT', '/api/documents/..%2F/follow'), params('../'))))[0]).toBe(404);
    expect((await answer(follow.PUT(request('PUT', '/api/documents/dok/follow', undefined, null), params('dok'))))[0]).toBe(403);
    sessionCookie = undefined;
    expect((await answer(follow.PUT(request('PUT', '/api/documents/dok/follow'), params('dok'))))[0]).toBe(401);
  });
});
