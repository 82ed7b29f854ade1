/**
 * `npm run migrate:data -- --from ./data --to "$DATABASE_URL"`: copies an embedded install (the
 * data dir as today's stores write it) into an empty PostgreSQL database, then reads everything
 * back through the PostgreSQL stores and compares: every document's Yjs state vector and body, its
 * metadata, every comment and revision, the moderation log, every person, organisation,
 * membership, workspace, session and one-time token, every invite and co-author request, every
 * API key. Any difference is reported and fails the run; the data dir is only read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../lib/protocol';
import type { OneTimeToken, Session } from '../../lib/people/AccountStore';
import { LowApiKeyStore } from '../apiKeys';
import { emptyCommentsData, parseCommentsData, type CommentsData } from '../comments/commentData';
import { emptyPeopleData, type PeopleData } from '../people/PeopleData';
import { peopleFileSchema } from '../people/peopleFileSchema';
import { emptySharingData, type SharingData } from '../sharing/SharingData';
import { sharingFileSchema } from '../sharing/sharingFileSchema';
import { FileDocumentStore } from '../storage/FileDocumentStore';
import { LowMetadataStore } from '../storage/LowMetadataStore';
import { parseStoreFile } from '../storage/parseStoreFile';
import { createPool, inTransaction, type Pool } from './createPool';
import { migrate } from './migrate';
import { openReportSince, PgCommentStore } from './PgCommentStore';
import { PgAccountStore } from './PgAccountStore';
import { PgApiKeyStore } from './PgApiKeyStore';
import { PgDocumentStore } from './PgDocumentStore';
import { PgMetadataStore } from './PgMetadataStore';
import { PgSharingStore } from './PgSharingStore';

export interface MigrateDataOptions {
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly migrationsDir: string;
  /** Progress lines (one per kind of record). */
  readonly log?: (line: string) => void;
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
}

export class DataMigrationError extends Error {
  override readonly name = 'DataMigrationError';
}

async function readJson<T>(path: string, parse: (raw: unknown) => T, empty: () => T): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
    throw error;
  }
  try {
    return parse(JSON.parse(text));
  } catch (error) {
    throw new DataMigrationError(`${path}: ${(error as Error).message}`);
  }
}

/** Every document with a body or metadata: ids from meta.json and the docs folder. */
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

export async function migrateData(options: MigrateDataOptions): Promise<MigrationReport> {
  const log = options.log ?? (() => {});
  const pool = createPool(options.databaseUrl, { max: 4 });
  const files = new FileDocumentStore({ dir: join(options.dataDir, 'docs'), groupCommitMs: 0 });
  const lowMeta = new LowMetadataStore(join(options.dataDir, 'meta.json'));
  const lowKeys = new LowApiKeyStore(join(options.dataDir, 'api-keys.json'));
  try {
    await migrate(pool, options.migrationsDir);
    await refuseNonEmpty(pool);
    const metas = await lowMeta.listDocuments();
    const people = await readJson<PeopleData>(
      join(options.dataDir, 'people.json'),
      (raw) => parseStoreFile(peopleFileSchema, raw) as PeopleData,
      emptyPeopleData,
    );
    const sharing = await readJson<SharingData>(
      join(options.dataDir, 'access.json'),
      (raw) => parseStoreFile(sharingFileSchema, raw) as SharingData,
      emptySharingData,
    );
    const comments = await readJson<CommentsData>(join(options.dataDir, 'comments.json'), parseCommentsData, emptyCommentsData);
    const keys = await lowKeys.list();
    const ids = await documentIds(
      options.dataDir,
      metas.map((meta) => meta.id),
    );

    // Bodies: each document's log and snapshot merged into one snapshot.
    const bodies = new PgDocumentStore(pool);
    const sources = new Map<string, Y.Doc>();
    for (const id of ids) {
      let updates: Uint8Array[] | null;
      try {
        updates = await files.load(id);
      } catch (error) {
        throw new DataMigrationError(`document ${id} cannot be read (${(error as Error).message}): repair or restore it first`);
      }
      if (!updates) continue;
      const doc = bodyOf(updates);
      sources.set(id, doc);
      await bodies.compact(id, Y.encodeStateAsUpdate(doc));
      await files.release(id);
    }
    log(`documents: ${sources.size} bodies`);
    const metadata = new PgMetadataStore(pool);
    for (const meta of metas) await metadata.createDocument(meta);
    log(`documents: ${metas.length} metadata records`);

    const accounts = new PgAccountStore(pool);
    for (const person of Object.values(people.people)) await accounts.createPerson(person);
    for (const organisation of Object.values(people.organisations)) await accounts.createOrganisation(organisation);
    for (const membership of people.memberships) await accounts.addMembership(membership);
    for (const workspace of Object.values(people.workspaces)) await accounts.createWorkspace(workspace);
    for (const session of Object.values(people.sessions)) await accounts.createSession(session);
    for (const token of Object.values(people.tokens)) await accounts.createToken(token);
    log(`people: ${Object.keys(people.people).length}, sessions: ${Object.keys(people.sessions).length}`);

    const invitesAndRequests = new PgSharingStore(pool);
    for (const invite of Object.values(sharing.invites)) await invitesAndRequests.createInvite(invite);
    for (const request of Object.values(sharing.requests)) await invitesAndRequests.createRequest(request);
    const apiKeys = new PgApiKeyStore(pool);
    for (const key of [...keys].reverse()) await apiKeys.create(key);

    // Comments keep their revisions (clients compare them), so they are written as they are.
    await inTransaction(pool, async (client) => {
      for (const [documentId, record] of Object.entries(comments.documents)) {
        await client.query('INSERT INTO comment_documents (document_id, revision) VALUES ($1, $2)', [documentId, record.revision]);
        for (const comment of Object.values(record.comments)) {
          await client.query('INSERT INTO comments (id, document_id, created_at, open_report_since, data) VALUES ($1, $2, $3, $4, $5)', [
            comment.id,
            documentId,
            comment.createdAt,
            openReportSince(comment),
            JSON.stringify(comment),
          ]);
        }
      }
      for (const entry of comments.moderationLog) {
        await client.query('INSERT INTO moderation_log (id, document_id, data) VALUES ($1, $2, $3)', [
          entry.id,
          entry.documentId,
          JSON.stringify(entry),
        ]);
      }
    });
    log(`comments: ${Object.values(comments.documents).reduce((sum, record) => sum + Object.keys(record.comments).length, 0)}`);

    const report = await verify(pool, { sources, metas, people, sharing, comments, keys });
    for (const doc of sources.values()) doc.destroy();
    return report;
  } finally {
    await Promise.allSettled([files.close(), lowMeta.close(), lowKeys.close()]);
    await pool.end();
  }
}

async function refuseNonEmpty(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM document_updates) OR EXISTS (SELECT 1 FROM document_snapshots)
         OR EXISTS (SELECT 1 FROM people) OR EXISTS (SELECT 1 FROM comments) AS found`,
  );
  if (rows[0]?.found) throw new DataMigrationError('the target database already holds data: migrate into an empty database');
}

interface Source {
  readonly sources: ReadonlyMap<string, Y.Doc>;
  readonly metas: Awaited<ReturnType<LowMetadataStore['listDocuments']>>;
  readonly people: PeopleData;
  readonly sharing: SharingData;
  readonly comments: CommentsData;
  readonly keys: Awaited<ReturnType<LowApiKeyStore['list']>>;
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
  for (const [id, doc] of source.sources) {
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
  const { people, organisations, memberships, workspaces, sessions, tokens } = source.people;
  for (const person of Object.values(people)) same(`person ${person.id}`, await accounts.getPerson(person.id), person);
  for (const organisation of Object.values(organisations))
    same(`organisation ${organisation.id}`, await accounts.getOrganisation(organisation.id), organisation);
  for (const membership of memberships)
    if (!(await accounts.organisationIdsOf(membership.personId)).includes(membership.organisationId))
      problems.push(`membership of ${membership.personId} in ${membership.organisationId} missing`);
  for (const workspace of Object.values(workspaces))
    same(`workspace ${workspace.id}`, await accounts.getWorkspace(workspace.id), {
      ...workspace,
      memberIds: [...new Set(workspace.memberIds)],
    });
  for (const session of Object.values(sessions) as Session[])
    same(`a session of ${session.personId}`, await accounts.getSession(session.idHash), session);
  const { rows: tokenRows } = await pool.query<{ hash: string }>('SELECT hash FROM one_time_tokens');
  const storedTokens = new Set(tokenRows.map((row) => row.hash));
  for (const token of Object.values(tokens) as OneTimeToken[])
    if (!storedTokens.has(token.hash)) problems.push(`a ${token.purpose} token missing`);

  const sharing = new PgSharingStore(pool);
  for (const invite of Object.values(source.sharing.invites)) same(`invite ${invite.id}`, await sharing.getInvite(invite.id), invite);
  for (const request of Object.values(source.sharing.requests))
    same(`request ${request.id}`, await sharing.getRequest(request.id), request);

  const commentStore = new PgCommentStore(pool);
  let commentCount = 0;
  for (const [documentId, record] of Object.entries(source.comments.documents)) {
    const stored = await commentStore.read(documentId);
    if (stored.revision !== record.revision)
      problems.push(`comments of ${documentId}: revision ${stored.revision}, expected ${record.revision}`);
    const byId = new Map(stored.comments.map((comment) => [comment.id, comment]));
    for (const comment of Object.values(record.comments)) {
      commentCount++;
      same(`comment ${comment.id}`, byId.get(comment.id), comment);
    }
  }
  const log = await commentStore.moderationLog({ limit: Number.MAX_SAFE_INTEGER });
  same('the moderation log', [...log].reverse(), source.comments.moderationLog);

  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  same('the API keys', byId(await new PgApiKeyStore(pool).list()), byId(source.keys));

  if (problems.length > 0) {
    throw new DataMigrationError(
      `the copy differs from the data dir:\n  ${problems.join('\n  ')}\n(the database holds the copy as it is: empty it before trying again)`,
    );
  }
  return {
    documents: source.sources.size,
    comments: commentCount,
    moderationLogEntries: source.comments.moderationLog.length,
    people: Object.keys(people).length,
    organisations: Object.keys(organisations).length,
    memberships: memberships.length,
    workspaces: Object.keys(workspaces).length,
    sessions: Object.keys(sessions).length,
    tokens: Object.keys(tokens).length,
    invites: Object.keys(source.sharing.invites).length,
    requests: Object.keys(source.sharing.requests).length,
    apiKeys: source.keys.length,
  };
}
