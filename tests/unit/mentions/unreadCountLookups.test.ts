/**
 * The unread count on every page: one lookup of the documents for a whole list (getMany), not one per
 * document, and can() still asked per notification at display.
 */
import { describe, expect, it } from 'vitest';
import { createNotificationService } from '../../../lib/notifications/createNotificationService';
import type { DocumentMeta } from '../../../lib/storage/MetadataStore';
import { MemoryNotificationStore } from '../../../server/notifications/MemoryNotificationStore';
import { documentMeta, personActor } from '../notifications/notificationFixture';

describe('the unread count', () => {
  it('reads the documents of many notifications in one lookup and leaves out what the person may no longer read', async () => {
    const documents = new Map<string, DocumentMeta>();
    const calls = { get: 0, getMany: [] as number[] };
    for (let i = 0; i < 30; i++)
      documents.set(
        `d${i}`,
        documentMeta(`d${i}`, {
          grants: [
            { subject: 'person', personId: 'p_owner', role: 'owner' },
            { subject: 'person', personId: 'p_reader', role: 'viewer' },
          ],
        }),
      );
    const reader = personActor('p_reader');
    const service = createNotificationService({
      store: new MemoryNotificationStore(),
      documents: {
        get: async (id) => {
          calls.get += 1;
          return documents.get(id) ?? null;
        },
        getMany: async (ids) => {
          calls.getMany.push(ids.length);
          return new Map(ids.flatMap((id) => (documents.has(id) ? [[id, documents.get(id)!] as const] : [])));
        },
      },
      actorOfPerson: async (id) => (id === 'p_reader' ? reader : personActor(id)),
      membersOf: async () => [],
    });
    for (let i = 0; i < 30; i++) await service.follow(reader, `d${i}`);
    for (let i = 0; i < 30; i++)
      for (const version of [1, 2])
        await service.notify({
          kind: 'published',
          eventId: `version:d${i}:${version}`,
          documentId: `d${i}`,
          actor: { personId: 'p_owner', name: 'Olga' },
          version,
        });
    // The reader loses access to five documents.
    for (let i = 0; i < 5; i++) {
      const meta = documents.get(`d${i}`)!;
      documents.set(`d${i}`, { ...meta, grants: meta.grants.filter((g) => g.subject !== 'person' || g.personId !== 'p_reader') });
    }
    calls.get = 0;
    calls.getMany = [];
    expect(await service.unreadCount(reader)).toBe(50);
    expect(calls).toEqual({ get: 0, getMany: [30] });
  });
});
