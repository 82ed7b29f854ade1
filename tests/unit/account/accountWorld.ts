/**
 * Everything the account self-service touches, wired as startServer wires it: people, documents with
 * real Yjs bodies, the comment service (its notifications delivered), notifications, API keys,
 * invites, versions, and the read-time anonymising wrappers. In memory, on real files under `dir`
 * (the embedded stores the server uses), or in PostgreSQL (`pool`), so the same tests run against each.
 */
import { join } from 'node:path';
import * as Y from 'yjs';
import type { PlatformRole } from '../../../lib/access/model';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';
import { FixedWindowLimiter } from '../../../lib/apiKeys/FixedWindowLimiter';
import type { ApiKeyStore } from '../../../lib/apiKeys/ApiKeyStore';
import { anchorFromRange } from '../../../lib/comments/anchors/anchorFromRange';
import { documentText } from '../../../lib/comments/anchors/documentText';
import { createCommentService } from '../../../lib/comments/CommentService';
import type { CommentStore } from '../../../lib/comments/CommentStore';
import type { Participant } from '../../../lib/comments/Participant';
import { createNotificationService } from '../../../lib/notifications/createNotificationService';
import type { NotificationStore } from '../../../lib/notifications/NotificationStore';
import type { AccountStore, Person } from '../../../lib/people/AccountStore';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import type { SharingStore } from '../../../lib/sharing/SharingStore';
import type { DocumentStore } from '../../../lib/storage/DocumentStore';
import type { MetadataStore } from '../../../lib/storage/MetadataStore';
import type { VersionStore } from '../../../lib/versions/VersionStore';
import type { IdentityLinkStore } from '../../../lib/oidc/IdentityLinkStore';
import { FileIdentityLinkStore } from '../../../server/oidc/FileIdentityLinkStore';
import { MemoryIdentityLinkStore } from '../../../server/oidc/MemoryIdentityLinkStore';
import { PgIdentityLinkStore } from '../../../server/postgres/PgIdentityLinkStore';
import type { NotificationMailStore } from '../../../lib/notifications/NotificationMailStore';
import { FileNotificationMailStore } from '../../../server/notifications/FileNotificationMailStore';
import { MemoryNotificationMailStore } from '../../../server/notifications/MemoryNotificationMailStore';
import { PgNotificationMailStore } from '../../../server/postgres/PgNotificationMailStore';
import { anonymisingCommentStore, anonymisingVersionStore, gonePeopleOf } from '../../../server/account/anonymisingStores';
import { createAccountSelfService } from '../../../server/account/createAccountSelfService';
import { createBodyEraser } from '../../../server/account/createBodyEraser';
import { LowApiKeyStore } from '../../../server/apiKeys/LowApiKeyStore';
import { MemoryApiKeyStore } from '../../../server/apiKeys/MemoryApiKeyStore';
import { FileCommentStore } from '../../../server/comments/FileCommentStore';
import { MemoryCommentStore } from '../../../server/comments/MemoryCommentStore';
import { createDocumentService } from '../../../server/documents/createDocumentService';
import { FileNotificationStore } from '../../../server/notifications/FileNotificationStore';
import { MemoryNotificationStore } from '../../../server/notifications/MemoryNotificationStore';
import { actorOf } from '../../../server/people/actorOf';
import { createAccessEvents, type AccessRevoked } from '../../../server/people/accessEvents';
import { FileAccountStore } from '../../../server/people/FileAccountStore';
import { MemoryAccountStore } from '../../../server/people/MemoryAccountStore';
import { startSession } from '../../../server/people/startSession';
import { FileSharingStore } from '../../../server/sharing/FileSharingStore';
import { MemorySharingStore } from '../../../server/sharing/MemorySharingStore';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { FileMetadataStore } from '../../../server/storage/FileMetadataStore';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';
import { FileVersionStore } from '../../../server/versions/FileVersionStore';
import { MemoryVersionStore } from '../../../server/versions/MemoryVersionStore';
import type { Pool } from '../../../server/postgres/createPool';
import { PgAccountStore } from '../../../server/postgres/PgAccountStore';
import { PgApiKeyStore } from '../../../server/postgres/PgApiKeyStore';
import { PgCommentStore } from '../../../server/postgres/PgCommentStore';
import { PgDocumentStore } from '../../../server/postgres/PgDocumentStore';
import { PgMetadataStore } from '../../../server/postgres/PgMetadataStore';
import { PgNotificationStore } from '../../../server/postgres/PgNotificationStore';
import { PgSharingStore } from '../../../server/postgres/PgSharingStore';
import { PgVersionStore } from '../../../server/postgres/PgVersionStore';
import { cheapHasher } from '../../helpers/cheapHasher';
import { waitUntil } from '../../helpers/waitUntil';
import type { DocumentId } from '../../../lib/documentId';

export const PASSWORD = 'korrekt hest batteri';

interface Stores {
  readonly bodies: DocumentStore;
  readonly metadata: MetadataStore;
  readonly comments: CommentStore;
  readonly accounts: AccountStore;
  readonly notifications: NotificationStore;
  readonly apiKeys: ApiKeyStore;
  readonly sharing: SharingStore;
  readonly versions: VersionStore;
  readonly identityLinks: IdentityLinkStore;
  readonly notificationMail: NotificationMailStore;
}

function storesIn(dir: string | undefined, pool: Pool | undefined): Stores {
  if (pool !== undefined) {
    return {
      bodies: new PgDocumentStore(pool),
      metadata: new PgMetadataStore(pool),
      comments: new PgCommentStore(pool),
      accounts: new PgAccountStore(pool),
      notifications: new PgNotificationStore(pool),
      apiKeys: new PgApiKeyStore(pool),
      sharing: new PgSharingStore(pool),
      versions: new PgVersionStore(pool),
      identityLinks: new PgIdentityLinkStore(pool),
      notificationMail: new PgNotificationMailStore(pool),
    };
  }
  if (dir === undefined) {
    return {
      bodies: new MemoryDocumentStore(),
      metadata: new MemoryMetadataStore(),
      comments: new MemoryCommentStore(),
      accounts: new MemoryAccountStore(),
      notifications: new MemoryNotificationStore(),
      apiKeys: new MemoryApiKeyStore(),
      sharing: new MemorySharingStore(),
      versions: new MemoryVersionStore(),
      identityLinks: new MemoryIdentityLinkStore(),
      notificationMail: new MemoryNotificationMailStore(),
    };
  }
  const records = join(dir, 'records');
  return {
    bodies: new FileDocumentStore({ dir: join(dir, 'docs'), groupCommitMs: 0 }),
    metadata: new FileMetadataStore({ dir: records }),
    comments: new FileCommentStore({ dataDir: dir, groupCommitMs: 0 }),
    accounts: new FileAccountStore({ dir: records }),
    notifications: new FileNotificationStore({ dir: records }),
    apiKeys: new LowApiKeyStore(join(dir, 'api-keys.json')),
    sharing: new FileSharingStore({ dir: records }),
    versions: new FileVersionStore({ dir: join(dir, 'versions') }),
    identityLinks: new FileIdentityLinkStore({ dir: records }),
    notificationMail: new FileNotificationMailStore({ dir: records }),
  };
}

export async function accountWorld(options: { dir?: string; pool?: Pool; mail?: boolean } = {}) {
  const stores = storesIn(options.dir, options.pool);
  const world = { now: Date.parse('2027-03-05T12:00:00.000Z') };
  const clock = () => world.now;
  const passwords = cheapHasher();
  const events = createAccessEvents();
  const revoked: AccessRevoked[] = [];
  events.onAccessRevoked((event) => revoked.push(event));
  const documents = createDocumentService({ store: stores.bodies, metadata: stores.metadata, now: () => new Date(clock()) });
  const notificationService = createNotificationService({
    store: stores.notifications,
    documents,
    actorOfPerson: async (personId) => {
      const person = await stores.accounts.getPerson(personId);
      return person ? actorOf(stores.accounts, person) : null;
    },
    membersOf: (organisationId) => stores.accounts.memberIdsOf(organisationId),
    nameOf: async (personId) => (await stores.accounts.getPerson(personId))?.name ?? null,
    now: () => new Date(clock()),
  });
  const gone = gonePeopleOf((id) => stores.accounts.getPerson(id));
  async function readDocumentState(documentId: string): Promise<Uint8Array> {
    return Y.mergeUpdates((await stores.bodies.load(documentId)) ?? []);
  }
  async function body(documentId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await readDocumentState(documentId));
    return doc;
  }
  const comments = createCommentService({
    store: anonymisingCommentStore(stores.comments, gone),
    documents,
    loadBody: body,
    limits: { person: new FixedWindowLimiter(1000, 60_000, clock), guestIp: new FixedWindowLimiter(1000, 60_000, clock) },
    now: () => new Date(clock()),
    notify: notificationService.notify,
  });
  const sent: Array<{ to: string; subject: string; text: string }> = [];
  const selfService = createAccountSelfService({
    accounts: stores.accounts,
    documents,
    metadata: stores.metadata,
    comments: stores.comments,
    notifications: stores.notifications,
    apiKeys: stores.apiKeys,
    sharing: stores.sharing,
    identityLinks: stores.identityLinks,
    notificationMail: stores.notificationMail,
    readDocumentState,
    eraseBody: createBodyEraser({
      readDocumentState,
      applyServerUpdate: (documentId, update) => stores.bodies.append(documentId, update),
      documents,
    }),
    secret: 'a test secret that is long enough to sign with',
    mail: options.mail ? { mailer: { send: async (message) => void sent.push(message) }, publicUrl: 'https://samskriv.example.dk' } : null,
    events,
    passwords,
    clock,
  });
  const versions = anonymisingVersionStore(stores.versions, gone);

  async function person(id: string, name: string, role: PlatformRole = 'citizen', password: string | null = PASSWORD) {
    const at = new Date(clock()).toISOString();
    const stored: Person = await stores.accounts.createPerson({
      id,
      email: `${id}@example.dk`,
      name,
      passwordHash: password === null ? '' : await passwords.hash(password),
      role,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
    const actor = await actorOf(stores.accounts, stored);
    const participant: Participant = { kind: 'person', actor, name, organisation: null, ip: '10.0.0.1' };
    return { person: stored, participant, signIn: (userAgent?: string) => startSession(stores.accounts, id, clock(), userAgent) };
  }

  let count = 0;
  async function document(
    ownerId: string,
    ownerName: string,
    title: string,
    paragraphs: readonly string[],
    extraOwners: readonly string[] = [],
  ) {
    count += 1;
    const meta = await documents.createWithContent(
      { id: `dok-${count}`, title, template: 'blank', createdBy: { id: ownerId, name: ownerName }, visibility: 'public' },
      { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
    );
    await documents.setGrants(meta.id, [
      { subject: 'person', personId: ownerId, role: 'owner' },
      ...extraOwners.map((personId) => ({ subject: 'person' as const, personId, role: 'owner' as const })),
    ]);
    await documents.setConsultation(meta.id, { ...DEFAULT_CONSULTATION, citizensMayComment: true });
    await documents.setState(meta.id, 'consultation');
    return meta.id as DocumentId;
  }

  async function anchor(documentId: string, text: string) {
    const doc = await body(documentId);
    const plain = documentText(doc.getXmlFragment(BODY_FRAGMENT)).text;
    const from = plain.indexOf(text);
    if (from < 0) throw new Error(`no "${text}" in the body`);
    const found = anchorFromRange(doc, from, from + text.length);
    doc.destroy();
    return found;
  }

  /** Mail is sent without waiting (the answer must not tell which mails went): wait for the n-th. */
  const waitForMail = (n: number) => waitUntil(() => sent.length >= n, `${n} e-mails sent`);

  async function close() {
    await documents.close();
    for (const store of Object.values(stores)) await (store as { close(): Promise<void> }).close();
  }

  return Object.assign(world, {
    stores,
    documents,
    comments,
    notificationService,
    selfService,
    versions,
    revoked,
    sent,
    waitForMail,
    person,
    document,
    anchor,
    readDocumentState,
    close,
  });
}

export type AccountWorld = Awaited<ReturnType<typeof accountWorld>>;
