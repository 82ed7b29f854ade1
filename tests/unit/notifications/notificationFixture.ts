/** A small world for the notification service: documents in a map, people as actors, a memory store. */
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';
import type { Grant, PersonActor } from '../../../lib/access/model';
import { createNotificationService } from '../../../lib/notifications/createNotificationService';
import type { NotificationService } from '../../../lib/notifications/NotificationService';
import type { DocumentMeta } from '../../../lib/storage/MetadataStore';
import { MemoryNotificationStore } from '../../../server/notifications/MemoryNotificationStore';

export function personActor(id: string, overrides: Partial<PersonActor> = {}): PersonActor {
  return { kind: 'person', id, role: 'citizen', disabled: false, organisationIds: [], workspaceIds: [], ...overrides };
}

export function documentMeta(id: string, overrides: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    id,
    title: `Dokument ${id}`,
    template: 'blank',
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    createdBy: { id: 'p_owner', name: 'Olga Ejer' },
    epoch: 1,
    workspaceId: null,
    visibility: 'private',
    state: 'draft',
    grants: [{ subject: 'person', personId: 'p_owner', role: 'owner' }],
    consultation: DEFAULT_CONSULTATION,
    ...overrides,
  };
}

export interface NotificationWorld {
  readonly service: NotificationService;
  readonly store: MemoryNotificationStore;
  readonly documents: Map<string, DocumentMeta>;
  readonly people: Map<string, PersonActor>;
  readonly members: Map<string, string[]>;
  /** Person actors for ids (unknown ids: a plain citizen, added). */
  person(id: string): PersonActor;
  grant(documentId: string, ...grants: Grant[]): void;
  revoke(documentId: string, personId: string): void;
  /** The kinds and document ids of what a person may see now, newest first. */
  seen(personId: string): Promise<string[]>;
}

export function notificationWorld(): NotificationWorld {
  const store = new MemoryNotificationStore();
  const documents = new Map<string, DocumentMeta>();
  const people = new Map<string, PersonActor>();
  const members = new Map<string, string[]>();
  let tick = 0;
  let ids = 0;
  const service = createNotificationService({
    store,
    documents: { get: async (id) => documents.get(id) ?? null },
    actorOfPerson: async (id) => people.get(id) ?? null,
    membersOf: async (organisationId) => members.get(organisationId) ?? [],
    // Each notification a millisecond after the last: "newest first" is the order things happened.
    now: () => new Date(Date.parse('2026-12-01T10:00:00.000Z') + tick++),
    newId: () => `n_${String(++ids).padStart(4, '0')}`,
  });
  const person = (id: string) => {
    let found = people.get(id);
    if (!found) people.set(id, (found = personActor(id)));
    return found;
  };
  return {
    service,
    store,
    documents,
    people,
    members,
    person,
    grant(documentId, ...grants) {
      const meta = documents.get(documentId)!;
      documents.set(documentId, { ...meta, grants: [...meta.grants, ...grants] });
    },
    revoke(documentId, personId) {
      const meta = documents.get(documentId)!;
      documents.set(documentId, {
        ...meta,
        grants: meta.grants.filter((g) => !(g.subject === 'person' && g.personId === personId)),
      });
    },
    async seen(personId) {
      const { items } = await service.list(person(personId));
      return items.map((item) => `${item.kind}:${item.documentId}`);
    },
  };
}
