/**
 * Writes a generated data set into today's embedded data dir. Document bodies and co-author
 * requests go through their stores (a bounded write each). People, document metadata and comments
 * live in lowdb JSON files (people.json, meta.json, comments.json) that their stores rewrite whole,
 * fsynced, on EVERY write: 100,000 people one by one would write terabytes. So those records are
 * collected and each file is written once, in the shape its store reads (PeopleData, the metadata
 * file, CommentsData), through the stores' own durable writer, and then read back through the
 * stores, which check it as they do at every start. Replace this with storeWriter once the
 * embedded stores write per act (issue 11).
 */
import { join } from 'node:path';
import type { DocumentRecord, CommentsData } from '../../server/comments/commentData';
import { emptyCommentsData, parseCommentsData } from '../../server/comments/commentData';
import { LowCommentStore } from '../../server/comments/LowCommentStore';
import { LowAccountStore } from '../../server/people/LowAccountStore';
import { emptyPeopleData, type PeopleData } from '../../server/people/PeopleData';
import { DurableJSONFile } from '../../server/storage/DurableJSONFile';
import { LowMetadataStore } from '../../server/storage/LowMetadataStore';
import type { ModerationLogEntry, StoredComment } from '../../lib/comments/model';
import type { Membership, Organisation, Person, Workspace } from '../../lib/people/AccountStore';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';
import type { SeedStores } from './SeedStores';
import { storeWriter } from './storeWriter';
import type { SeedWriter } from './SeedWriter';

async function readOr<T>(path: string, empty: () => T): Promise<T> {
  return (await new DurableJSONFile<T>(path).read()) ?? empty();
}

export function lowdbFileWriter(stores: SeedStores, dataDir: string): SeedWriter {
  const direct = storeWriter(stores);
  const people: Record<string, Person> = {};
  const organisations: Record<string, Organisation> = {};
  const memberships: Membership[] = [];
  const workspaces: Record<string, Workspace> = {};
  const documents: Record<string, DocumentMeta> = {};
  const comments: Record<string, DocumentRecord> = {};
  const moderationLog: ModerationLogEntry[] = [];
  const file = (name: string) => join(dataDir, name);

  async function writePeople(): Promise<void> {
    const before = await readOr<PeopleData>(file('people.json'), emptyPeopleData);
    const data: PeopleData = {
      ...emptyPeopleData(),
      ...before,
      people: { ...before.people, ...people },
      organisations: { ...before.organisations, ...organisations },
      memberships: [...(before.memberships ?? []), ...memberships],
      workspaces: { ...before.workspaces, ...workspaces },
    };
    const emails = new Set<string>();
    for (const person of Object.values(data.people)) {
      if (emails.has(person.email)) throw new Error(`two people with the e-mail ${person.email}: use another --seed to append`);
      emails.add(person.email);
    }
    await new DurableJSONFile<PeopleData>(file('people.json')).write(data);
  }

  async function writeMeta(): Promise<void> {
    const before = await readOr<{ documents: Record<string, DocumentMeta> }>(file('meta.json'), () => ({ documents: {} }));
    await new DurableJSONFile(file('meta.json')).write({ ...before, documents: { ...before.documents, ...documents } });
  }

  async function writeComments(): Promise<void> {
    const raw = await new DurableJSONFile<unknown>(file('comments.json')).read();
    const before: CommentsData = raw === null ? emptyCommentsData() : parseCommentsData(raw);
    const data: CommentsData = {
      ...before,
      documents: { ...before.documents, ...comments },
      moderationLog: [...before.moderationLog, ...moderationLog].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    };
    await new DurableJSONFile<CommentsData>(file('comments.json')).write(data);
  }

  /** Reads the files back through their stores: the same checks a server start makes. */
  async function verify(): Promise<void> {
    const accounts = new LowAccountStore(file('people.json'));
    const metadata = new LowMetadataStore(file('meta.json'));
    const commentStore = new LowCommentStore(file('comments.json'));
    try {
      await accounts.countActiveAdmins();
      await metadata.getDocument('-');
      await commentStore.get('-');
    } finally {
      await accounts.close();
      await metadata.close();
      await commentStore.close();
    }
  }

  return {
    holds: () => direct.holds(),
    async people(batch) {
      for (const person of batch) people[person.id] = { ...person, email: person.email.toLowerCase() };
    },
    async organisations(batch, batchMemberships) {
      for (const organisation of batch) organisations[organisation.id] = organisation;
      memberships.push(...batchMemberships);
    },
    async workspaces(batch) {
      for (const workspace of batch) workspaces[workspace.id] = workspace;
    },
    async document({ meta, body }) {
      await stores.documents.append(meta.id, body);
      documents[meta.id] = meta;
    },
    async comments(documentId, batch: readonly StoredComment[], log) {
      const record: Record<string, StoredComment> = {};
      for (const comment of batch) record[comment.id] = comment;
      comments[documentId] = { revision: 1, comments: record };
      moderationLog.push(...log);
    },
    request: (request) => direct.request(request),
    async close() {
      await stores.close();
      await writePeople();
      await writeMeta();
      await writeComments();
      await verify();
    },
  };
}
