/**
 * `GET /api/documents/<id>/authorship` called as Next calls it, over the real authorship service
 * and the sync core (a RoomRegistry with memory clients: no ports): who may read it (owners,
 * editors, admins; 401/403/404 otherwise) and the answer's shape. Only Next's cookie store is stood in for.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncActor } from '../../../lib/auth/authorizeSync';
import type { PersonActor } from '../../../lib/access/model';
import type { Principal } from '../../../lib/people/Principal';
import { setServices, type Services } from '../../../lib/services';
import type { DocumentMeta } from '../../../lib/storage/MetadataStore';
import { createAuthorshipService } from '../../../server/authorship/createAuthorshipService';
import { appendParagraph } from '../../helpers/bodyDoc';
import { createTestRegistry, type TestRegistry } from '../../helpers/testRegistry';
import { settle } from '../../helpers/tick';
import { documentMeta } from '../notifications/notificationFixture';

let sessionCookie: string | undefined;
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'samskriv_session' && sessionCookie ? { value: sessionCookie } : undefined) }),
}));
const { GET } = await import('../../../app/api/documents/[id]/authorship/route');

const NAMES: Record<string, string> = { p_owner: 'Olga Ejer', p_editor: 'Erik Redaktør', p_reader: 'Rasmus Læser', p_admin: 'Ada Admin' };
const person = (id: string): PersonActor => ({
  kind: 'person',
  id,
  role: id === 'p_admin' ? 'admin' : 'citizen',
  disabled: false,
  organisationIds: [],
  workspaceIds: [],
});
const syncActor = (personId: string): SyncActor => ({
  id: personId,
  name: 'Påstået navn',
  color: '#000000',
  session: { personId, idHash: `h-${personId}` },
});

let test: TestRegistry<never>;
const documents = new Map<string, DocumentMeta>();

beforeEach(async () => {
  test = createTestRegistry() as unknown as TestRegistry<never>;
  documents.set(
    'dok',
    documentMeta('dok', {
      grants: [
        { subject: 'person', personId: 'p_owner', role: 'owner' },
        { subject: 'person', personId: 'p_editor', role: 'editor' },
        { subject: 'person', personId: 'p_reader', role: 'viewer' },
      ],
    }),
  );
  setServices({
    authorship: createAuthorshipService({
      documents: { get: async (id) => documents.get(id) ?? null },
      readAuthorship: (id) => test.registry.readAuthorship(id),
      personName: async (id) => NAMES[id] ?? null,
      apiKeyName: async () => null,
    }),
    resolvePrincipal: async (session: string | null | undefined) =>
      session ? ({ actor: person(session), personId: session, label: session } as unknown as Principal) : null,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  } as Partial<Services> as Services);
  const owner = test.client('dok', { actor: syncActor('p_owner') });
  const editor = test.client('dok', { actor: syncActor('p_editor') });
  await settle();
  appendParagraph(owner.doc, 'Olgas afsnit.');
  await settle();
  appendParagraph(editor.doc, 'Eriks afsnit.');
  await settle();
});
afterEach(async () => {
  setServices(undefined);
  sessionCookie = undefined;
  await test.close();
});

const get = async (id = 'dok'): Promise<[number, unknown]> => {
  const response = await GET(new Request(`http://samskriv.test/api/documents/${id}/authorship`), { params: Promise.resolve({ id }) });
  return [response.status, await response.json()];
};

describe('GET /api/documents/<id>/authorship', () => {
  it('answers editors with the ranges, contributors and sessions, by authenticated person', async () => {
    sessionCookie = 'p_editor';
    const [status, body] = await get();
    expect(status).toBe(200);
    expect(body).toEqual({
      ranges: [
        { kind: 'person', personId: 'p_owner', name: 'Olga Ejer', from: 1, to: 14, at: expect.any(String) },
        { kind: 'person', personId: 'p_editor', name: 'Erik Redaktør', from: 16, to: 29, at: expect.any(String) },
      ],
      contributors: [
        { kind: 'person', personId: 'p_owner', name: 'Olga Ejer', chars: 13, firstAt: expect.any(String), lastAt: expect.any(String) },
        { kind: 'person', personId: 'p_editor', name: 'Erik Redaktør', chars: 13, firstAt: expect.any(String), lastAt: expect.any(String) },
      ],
      sessions: [
        { kind: 'person', personId: 'p_owner', name: 'Olga Ejer', from: expect.any(String), to: expect.any(String), edits: 1 },
        { kind: 'person', personId: 'p_editor', name: 'Erik Redaktør', from: expect.any(String), to: expect.any(String), edits: 1 },
      ],
    });
  });

  it('answers admins too, and refuses readers (403), strangers (404) and the signed out (401)', async () => {
    sessionCookie = 'p_admin';
    expect((await get())[0]).toBe(200);
    sessionCookie = 'p_reader';
    expect(await get()).toEqual([403, { error: expect.objectContaining({ code: 'forbidden' }) }]);
    sessionCookie = 'p_stranger';
    expect(await get()).toEqual([404, { error: expect.objectContaining({ code: 'not_found' }) }]);
    expect((await get('ingen-her'))[0]).toBe(404);
    sessionCookie = undefined;
    expect(await get()).toEqual([401, { error: expect.objectContaining({ code: 'unauthenticated' }) }]);
  });
});
