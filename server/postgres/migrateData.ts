/**
 * `npm run migrate:data -- --from ./data --to "$DATABASE_URL"`: copies an embedded install into an
 * empty PostgreSQL database, then reads everything back through the PostgreSQL stores and
 * compares: every document's Yjs state vector and body, its metadata, every comment and revision,
 * the moderation log, every person, organisation, membership, workspace, session and one-time
 * token, every invite and co-author request, every API key, every version (issue 9), every notification and follow
 * and every single sign-on link (issue 12). Any difference is reported and fails
 * the run.
 *
 * The data dir is read through the embedded stores exactly as a start of the server builds them
 * (createStores), so a data dir of any version works: the JSON files of earlier versions
 * (meta.json, people.json, access.json, comments.json) are imported into the record and comment
 * logs first, as the first start of this version would do, and nothing else in it is changed.
 * What the store interfaces cannot list (every session, token, membership, invite, request, every
 * document's comments) comes from the File* stores' export methods.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import type { ApiKey } from '../../lib/apiKeys/ApiKeyStore';
import type { DocumentComments } from '../../lib/comments/CommentStore';
import type { ModerationLogEntry } from '../../lib/comments/model';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { AuthorshipTable } from '../../lib/authorship/AuthorshipTable';
import type { CoAuthorRequest, Invite } from '../../lib/sharing/SharingStore';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';
import { FileCommentStore } from '../comments/FileCommentStore';
import { createStores, type Stores } from '../createStores';
import { createLogger, type Logger } from '../logger';
import { FileAccountStore, type AccountExport } from '../people/FileAccountStore';
import { FileSharingStore } from '../sharing/FileSharingStore';
import { createPool, inTransaction, type Pool } from './createPool';
import { migrate } from './migrate';
import { openReportSince, PgCommentStore } from './PgCommentStore';
import { PgAccountStore } from './PgAccountStore';
import { PgApiKeyStore } from './PgApiKeyStore';
import { PgDocumentStore } from './PgDocumentStore';
import { PgMetadataStore } from './PgMetadataStore';
import { PgSharingStore } from './PgSharingStore';
import { PgVersionStore } from './PgVersionStore';
import { FileVersionStore } from '../versions/FileVersionStore';
import type { NewVersion } from '../../lib/versions/model';
import type { Follow, StoredNotification } from '../../lib/notifications/model';
import { FileNotificationStore } from '../notifications/FileNotificationStore';
import { PgNotificationStore } from './PgNotificationStore';
import type { IdentityLink } from '../../lib/oidc/IdentityLinkStore';
import { FileIdentityLinkStore } from '../oidc/FileIdentityLinkStore';
import { PgIdentityLinkStore } from './PgIdentityLinkStore';
import { FileNotificationMailStore, type NotificationMailExport } from '../notifications/FileNotificationMailStore';
import { PgNotificationMailStore } from './PgNotificationMailStore';

export interface MigrateDataOptions {
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly migrationsDir: string;
  /** Progress lines (one per kind of record). */
  readonly log?: (line: string) => void;
  /** What the embedded stores log while they open (imports of older files, damage); silent by default. */
  readonly logger?: Logger;
}

export interface MigrationReport {
  readonly documents: number;
  readonly comments: number;
  readonly moderationLogEntries: number;
  readonly people: number;
  readonly organisations: number;
  readonly memberships: number;
  readonly workspaces: number;
  readonly sessions: number;
  readonly tokens: number;
  readonly invites: number;
  readonly requests: number;
  readonly apiKeys: number;
  readonly versions: number;
  readonly notifications: number;
  readonly follows: number;
  readonly identityLinks: number;
  /** People's e-mail frequencies (their queued e-mails and digests are copied with them). */
  readonly notificationSettings: number;
}

export class DataMigrationError extends Error {
  override readonly name = 'DataMigrationError';
}

/** Everything read from the data dir. */
interface Source {
  readonly bodies: ReadonlyMap<string, Y.Doc>;
  /** Each body's attribution (who wrote what), folded into one table; absent: none stored. */
  readonly attribution: ReadonlyMap<string, Uint8Array>;
  readonly metas: readonly DocumentMeta[];
  readonly accounts: AccountExport;
  readonly invites: readonly Invite[];
  readonly requests: readonly CoAuthorRequest[];
  readonly comments: readonly DocumentComments[];
  /** Oldest first. */
  readonly moderationLog: readonly ModerationLogEntry[];
  readonly keys: readonly ApiKey[];
  /** By document and number, with their idempotency keys. */
  readonly versions: readonly NewVersion[];
  readonly notifications: readonly StoredNotification[];
  readonly follows: readonly Follow[];
  readonly identityLinks: readonly IdentityLink[];
  readonly notificationMail: NotificationMailExport;
}

/** Every document with a body or metadata: ids from the metadata and the docs folder. */
async function documentIds(dataDir: string, listed: readonly string[]): Promise<string[]> {
  let dirs: string[] = [];
  try {
    dirs = (await readdir(join(dataDir, 'docs'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return [...new Set([...listed, ...dirs])].sort();
}

const bodyOf = (updates: readonly Uint8Array[]): Y.Doc => {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
};

/** The embedded stores over `dataDir`, as a start without DATABASE_URL opens them (older files imported). */
async function openEmbedded(dataDir: string, logger: Logger): Promise<Stores> {
  try {
    if (!(await stat(dataDir)).isDirectory()) throw new DataMigrationError(`${dataDir} is not a directory`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DataMigrationError(`there is no data dir at ${dataDir}`);
    throw error;
  }
  try {
    return await createStores({ config: { DATABASE_URL: undefined, SYNC_GROUP_COMMIT_MS: 0 }, dataDir, projectDir: dataDir, logger });
  } catch (error) {
    throw new DataMigrationError((error as Error).message.replace('Samskriv did not start: ', 'the data dir cannot be read: '), {
      cause: error,
    });
  }
}

/** Reads every record of the embedded install. */
async function readSource(embedded: Stores, dataDir: string): Promise<Source> {
  const { accounts, sharing, comments, versions, notifications, identityLinks, notificationMail } = embedded;
  if (
    !(accounts instanceof FileAccountStore) ||
    !(sharing instanceof FileSharingStore) ||
    !(comments instanceof FileCommentStore) ||
    !(versions instanceof FileVersionStore) ||
    !(notifications instanceof FileNotificationStore) ||
    !(identityLinks instanceof FileIdentityLinkStore) ||
    !(notificationMail instanceof FileNotificationMailStore)
  )
    throw new Error('migrate:data reads the embedded stores only');
  const metas = await embedded.metadata.listDocuments();
  const bodies = new Map<string, Y.Doc>();
  const attribution = new Map<string, Uint8Array>();
  for (const id of await documentIds(
    dataDir,
    metas.map((meta) => meta.id),
  )) {
    let updates: Uint8Array[] | null;
    try {
      const { documents } = embedded;
      const loaded = documents.loadAttributed
        ? await documents.loadAttributed(id)
        : await documents.load(id).then((found) => found && { updates: found, attribution: [] });
      updates = loaded?.updates ?? null;
      if (loaded && loaded.attribution.length > 0) attribution.set(id, AuthorshipTable.fromStored(loaded.attribution).encode());
    } catch (error) {
      throw new DataMigrationError(`document ${id} cannot be read (${(error as Error).message}): repair or restore it first`);
    }
    if (updates) bodies.set(id, bodyOf(updates));
    await embedded.documents.release?.(id);
  }
  const perDocument: DocumentComments[] = [];
  for (const id of await comments.documentIds()) {
    try {
      perDocument.push(await comments.read(id));
    } catch (error) {
      throw new DataMigrationError(
        `the comments of document ${id} cannot be read (${(error as Error).message}): repair or restore them first`,
      );
    }
  }
  const { invites, requests } = await sharing.exportAll();
  let allVersions: NewVersion[];
  try {
    allVersions = await versions.exportAll();
  } catch (error) {
    throw new DataMigrationError(`a stored version cannot be read (${(error as Error).message}): repair or restore it first`);
  }
  return {
    versions: allVersions,
    ...(await notifications.exportAll()),
    notificationMail: await notificationMail.exportAll(),
    bodies,
    attribution,
    metas,
    accounts: await accounts.exportAll(),
    invites,
    requests,
    comments: perDocument,
    moderationLog: (await comments.moderationLog({ limit: Number.MAX_SAFE_INTEGER })).reverse(),
    keys: await embedded.apiKeys.list(),
    identityLinks: await identityLinks.exportAll(),
  };
}

export async function migrateData(options: MigrateDataOptions): Promise<MigrationReport> {
  const log = options.log ?? (() => {});
  const dataDir = resolve(options.dataDir);
  const embedded = await openEmbedded(dataDir, options.logger ?? createLogger('silent'));
  let source: Source | null = null;
  const pool = createPool(options.databaseUrl, { max: 4 });
  try {
    await migrate(pool, options.migrationsDir);
    await refuseNonEmpty(pool);
    source = await readSource(embedded, dataDir);
    await copy(pool, source, log);
    return await verify(pool, source);
  } finally {
    for (const doc of source?.bodies.values() ?? []) doc.destroy();
    await embedded.close().catch(() => {});
    await pool.end();
  }
}

async function copy(pool: Pool, source: Source, log: (line: string) => void): Promise<void> {
  // Bodies: each document's log and snapshot merged into one snapshot.
  const bodies = new PgDocumentStore(pool);
  for (const [id, doc] of source.bodies) await bodies.compact(id, Y.encodeStateAsUpdate(doc), source.attribution.get(id));
  log(`documents: ${source.bodies.size} bodies`);
  const metadata = new PgMetadataStore(pool);
  for (const meta of source.metas) await metadata.createDocument(meta);
  log(`documents: ${source.metas.length} metadata records`);

  const accounts = new PgAccountStore(pool);
  const people = source.accounts;
  for (const person of people.people) await accounts.createPerson(person);
  for (const organisation of people.organisations) await accounts.createOrganisation(organisation);
  for (const membership of people.memberships) await accounts.addMembership(membership);
  for (const workspace of people.workspaces) await accounts.createWorkspace(workspace);
  for (const session of people.sessions) await accounts.createSession(session);
  for (const token of people.tokens) await accounts.createToken(token);
  log(`people: ${people.people.length}, sessions: ${people.sessions.length}`);

  const invitesAndRequests = new PgSharingStore(pool);
  for (const invite of source.invites) await invitesAndRequests.createInvite(invite);
  for (const request of source.requests) await invitesAndRequests.createRequest(request);
  const apiKeys = new PgApiKeyStore(pool);
  for (const key of [...source.keys].reverse()) await apiKeys.create(key);

  // Comments keep their revisions (clients compare them), so they are written as they are.
  await inTransaction(pool, async (client) => {
    for (const record of source.comments) {
      await client.query('INSERT INTO comment_documents (document_id, revision) VALUES ($1, $2)', [record.documentId, record.revision]);
      for (const comment of record.comments) {
        await client.query('INSERT INTO comments (id, document_id, created_at, open_report_since, data) VALUES ($1, $2, $3, $4, $5)', [
          comment.id,
          record.documentId,
          comment.createdAt,
          openReportSince(comment),
          JSON.stringify(comment),
        ]);
      }
    }
    for (const entry of source.moderationLog) {
      await client.query('INSERT INTO moderation_log (id, document_id, data) VALUES ($1, $2, $3)', [
        entry.id,
        entry.documentId,
        JSON.stringify(entry),
      ]);
    }
  });
  log(`comments: ${source.comments.reduce((sum, record) => sum + record.comments.length, 0)}`);

  const versions = new PgVersionStore(pool);
  for (const version of source.versions) {
    const added = await versions.add(version);
    if (added !== 'added') throw new DataMigrationError(`version ${version.number} of ${version.documentId}: ${added}`);
  }
  log(`versions: ${source.versions.length}`);

  const notifications = new PgNotificationStore(pool);
  for (const notification of source.notifications) await notifications.add(notification);
  for (const follow of source.follows) await notifications.putFollow(follow);
  log(`notifications: ${source.notifications.length}, follows: ${source.follows.length}`);

  // After the people: a link refers to its person.
  const identityLinks = new PgIdentityLinkStore(pool);
  for (const link of source.identityLinks) await identityLinks.add(link);
  log(`single sign-on links: ${source.identityLinks.length}`);
  const notificationMail = new PgNotificationMailStore(pool);
  for (const settings of source.notificationMail.settings) await notificationMail.putSettings(settings);
  for (const mail of source.notificationMail.mails) await notificationMail.updateMail(mail);
  for (const digest of source.notificationMail.digests) await notificationMail.updateDigest(digest);
  log(
    `notification settings: ${source.notificationMail.settings.length}, queued e-mails: ${source.notificationMail.mails.length}, digests: ${source.notificationMail.digests.length}`,
  );
}

async function refuseNonEmpty(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM document_updates) OR EXISTS (SELECT 1 FROM document_snapshots)
         OR EXISTS (SELECT 1 FROM people) OR EXISTS (SELECT 1 FROM comments) OR EXISTS (SELECT 1 FROM document_versions) AS found`,
  );
  if (rows[0]?.found) throw new DataMigrationError('the target database already holds data: migrate into an empty database');
}

/** Reads everything back through the PostgreSQL stores; throws naming every difference. */
async function verify(pool: Pool, source: Source): Promise<MigrationReport> {
  const problems: string[] = [];
  const same = (what: string, actual: unknown, expected: unknown) => {
    // Through JSON: what the stores write is JSON, so absent and undefined are the same thing.
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(actual ?? null)), JSON.parse(JSON.stringify(expected ?? null))))
      problems.push(`${what} differs`);
  };
  const bodies = new PgDocumentStore(pool);
  for (const [id, doc] of source.bodies) {
    const stored = await bodies.load(id);
    if (!stored) {
      problems.push(`document ${id}: body missing`);
      continue;
    }
    const copy = bodyOf(stored);
    same(`document ${id}: state vector`, [...Y.encodeStateVector(copy)], [...Y.encodeStateVector(doc)]);
    same(`document ${id}: body`, copy.getXmlFragment(BODY_FRAGMENT).toString(), doc.getXmlFragment(BODY_FRAGMENT).toString());
    copy.destroy();
  }
  const metadata = new PgMetadataStore(pool);
  for (const meta of source.metas) same(`document ${meta.id}: metadata`, await metadata.getDocument(meta.id), meta);

  const accounts = new PgAccountStore(pool);
  const { people, organisations, memberships, workspaces, sessions, tokens } = source.accounts;
  for (const person of people) same(`person ${person.id}`, await accounts.getPerson(person.id), person);
  for (const organisation of organisations)
    if (organisation.removedAt === undefined)
      same(`organisation ${organisation.id}`, await accounts.getOrganisation(organisation.id), organisation);
    // A removed organisation is a tombstone: only its name is still read.
    else same(`organisation ${organisation.id}`, await accounts.organisationNameOf(organisation.id), organisation.name);
  for (const membership of memberships)
    if (!(await accounts.organisationIdsOf(membership.personId)).includes(membership.organisationId))
      problems.push(`membership of ${membership.personId} in ${membership.organisationId} missing`);
  for (const workspace of workspaces)
    same(`workspace ${workspace.id}`, await accounts.getWorkspace(workspace.id), {
      ...workspace,
      memberIds: [...new Set(workspace.memberIds)],
    });
  for (const session of sessions) same(`a session of ${session.personId}`, await accounts.getSession(session.idHash), session);
  const { rows: tokenRows } = await pool.query<{ hash: string }>('SELECT hash FROM one_time_tokens');
  const storedTokens = new Set(tokenRows.map((row) => row.hash));
  for (const token of tokens) if (!storedTokens.has(token.hash)) problems.push(`a ${token.purpose} token missing`);

  const sharing = new PgSharingStore(pool);
  for (const invite of source.invites) same(`invite ${invite.id}`, await sharing.getInvite(invite.id), invite);
  for (const request of source.requests) same(`request ${request.id}`, await sharing.getRequest(request.id), request);

  const commentStore = new PgCommentStore(pool);
  let commentCount = 0;
  for (const record of source.comments) {
    const stored = await commentStore.read(record.documentId);
    if (stored.revision !== record.revision)
      problems.push(`comments of ${record.documentId}: revision ${stored.revision}, expected ${record.revision}`);
    const byId = new Map(stored.comments.map((comment) => [comment.id, comment]));
    for (const comment of record.comments) {
      commentCount++;
      same(`comment ${comment.id}`, byId.get(comment.id), comment);
    }
  }
  const log = await commentStore.moderationLog({ limit: Number.MAX_SAFE_INTEGER });
  same('the moderation log', [...log].reverse(), source.moderationLog);

  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  same('the API keys', byId(await new PgApiKeyStore(pool).list()), byId(source.keys));

  const versionStore = new PgVersionStore(pool);
  for (const { idempotencyKey, ...version } of source.versions) {
    const what = `version ${version.number} of ${version.documentId}`;
    const stored = await versionStore.get(version.documentId, version.number);
    same(what, stored && { ...stored, content: { ...stored.content, yjsState: [...stored.content.yjsState] } }, {
      ...version,
      content: { ...version.content, yjsState: [...version.content.yjsState] },
    });
    if (idempotencyKey !== null && (await versionStore.byIdempotencyKey(version.documentId, idempotencyKey))?.number !== version.number)
      problems.push(`${what}: its idempotency key is missing`);
  }

  const notificationStore = new PgNotificationStore(pool);
  const recipients = new Set(source.notifications.map((notification) => notification.personId));
  const storedNotifications = [];
  for (const personId of recipients)
    storedNotifications.push(...(await notificationStore.list(personId, { limit: Number.MAX_SAFE_INTEGER })));
  same('the notifications', byId(storedNotifications), byId(source.notifications));
  for (const follow of source.follows)
    same(
      `${follow.personId} following ${follow.documentId}`,
      await notificationStore.getFollow(follow.personId, follow.documentId),
      follow,
    );

  const linkStore = new PgIdentityLinkStore(pool);
  for (const link of source.identityLinks)
    same(`the ${link.providerId} link of ${link.personId}`, await linkStore.get(link.providerId, link.subject), link);
  const notificationMail = new PgNotificationMailStore(pool);
  for (const settings of source.notificationMail.settings)
    same(`the notification settings of ${settings.personId}`, await notificationMail.getSettings(settings.personId), settings);
  for (const mail of source.notificationMail.mails)
    same(`the queued e-mail of ${mail.personId} for ${mail.eventId}`, await notificationMail.getMail(mail.personId, mail.eventId), mail);
  for (const digest of source.notificationMail.digests)
    same(`the ${digest.period} digest of ${digest.personId}`, await notificationMail.getDigest(digest.personId, digest.period), digest);

  if (problems.length > 0) {
    throw new DataMigrationError(
      `the copy differs from the data dir:\n  ${problems.join('\n  ')}\n(the database holds the copy as it is: empty it before trying again)`,
    );
  }
  return {
    documents: source.bodies.size,
    comments: commentCount,
    moderationLogEntries: source.moderationLog.length,
    people: people.length,
    organisations: organisations.length,
    memberships: memberships.length,
    workspaces: workspaces.length,
    sessions: sessions.length,
    tokens: tokens.length,
    invites: source.invites.length,
    requests: source.requests.length,
    apiKeys: source.keys.length,
    versions: source.versions.length,
    notifications: source.notifications.length,
    follows: source.follows.length,
    identityLinks: source.identityLinks.length,
    notificationSettings: source.notificationMail.settings.length,
  };
}
