/**
 * AccountStore in record collections (server/storage/RecordCollection.ts) under `<dir>`
 * (normally `<DATA_DIR>/records`): people, sessions, one-time tokens, organisations, memberships
 * and workspaces, one append-only log each. A sign-in, a session check or any other change costs
 * one bounded durable append, not a rewrite of every person and session as `people.json` did.
 * Lookups go through in-memory indices (e-mail → person, person → sessions, tokens, memberships),
 * so nothing on the hot path depends on the number of people.
 *
 * Atomicity: every check and the write it guards run in one synchronous step after the
 * collections are open (the event loop serialises them), and each write resolves once durable.
 * On first start it imports `people.json` (see importLegacyFile) before anything else runs.
 * The logs hold password and session hashes: files are 0600, directories 0700 (FileDocumentStore).
 */
import {
  AccountStoreError,
  type AccountStore,
  type Membership,
  type OneTimeToken,
  type OneTimeTokenPurpose,
  type Organisation,
  type OrganisationPatch,
  type Page,
  type PageQuery,
  type Person,
  type PersonContext,
  type PersonPatch,
  type Session,
  type SessionPatch,
  type Workspace,
  storedWorkspace,
  type WorkspacePatch,
} from '../../lib/people/AccountStore';
import type { RecordCollection } from '../storage/RecordCollection';
import { CollectionSet, type CollectionOpener } from '../storage/CollectionSet';
import { importLegacyFile } from '../storage/importLegacyFile';
import { parseStoreFile } from '../storage/parseStoreFile';
import type { StoreLogger } from '../storage/readDocumentFiles';
import { emptyPeopleData, type PeopleData } from './PeopleData';
import { peopleFileSchema } from './peopleFileSchema';
import { byName, pageOf } from './pageOf';
import { sessionsNewestFirst } from './sessionsNewestFirst';

export interface FileAccountStoreOptions {
  /** The record collections' directory, normally `<DATA_DIR>/records`. */
  readonly dir: string;
  /** Today's `people.json`, imported on first start and then renamed `people.json.imported-<time>`. */
  readonly importFrom?: string;
  readonly groupCommitMs?: number;
  /** Compaction threshold of each collection (RecordCollection's default when absent). */
  readonly compactAfterRecords?: number;
  readonly logger?: StoreLogger & { info?(obj: object, msg?: string): void; error?(obj: object, msg?: string): void };
}

export type AccountCollections = {
  readonly people: RecordCollection<Person>;
  readonly sessions: RecordCollection<Session>;
  readonly tokens: RecordCollection<OneTimeToken>;
  readonly organisations: RecordCollection<Organisation>;
  readonly memberships: RecordCollection<Membership>;
  readonly workspaces: RecordCollection<Workspace>;
};

/** Every record of the store, as `exportAll` hands it out (each list in no particular order). */
export interface AccountExport {
  readonly people: Person[];
  readonly sessions: Session[];
  readonly tokens: OneTimeToken[];
  readonly organisations: Organisation[];
  readonly memberships: Membership[];
  readonly workspaces: Workspace[];
}

const ACTIVE_ADMIN = 'active';
const copy = <T>(value: T): T => structuredClone(value);
/** A removed organisation is a tombstone: kept for its name, never handed out as a live one. */
const live = (organisation: Organisation | undefined): Organisation | undefined =>
  organisation && organisation.removedAt === undefined ? organisation : undefined;
const isActiveAdmin = (person: Person): boolean => person.role === 'admin' && !person.disabled;
const isPast = (at: string, now: string): boolean => Date.parse(at) <= Date.parse(now);
const membershipKey = ({ personId, organisationId }: Membership): string => JSON.stringify([personId, organisationId]);
const tokenKey = (purpose: string, personId: string | undefined): string => JSON.stringify([purpose, personId ?? null]);

export class FileAccountStore implements AccountStore {
  private readonly collections: CollectionSet<AccountCollections>;

  constructor(private readonly options: FileAccountStoreOptions) {
    const { dir, groupCommitMs = 0, compactAfterRecords, logger } = options;
    this.collections = new CollectionSet({ dir, groupCommitMs, compactAfterRecords, logger }, (open) => this.openAll(open));
  }

  /** Opens (and on first start imports) everything; rejects naming a damaged file. Every method does this first. */
  open(): Promise<AccountCollections> {
    return this.collections.open();
  }

  async createPerson(person: Person): Promise<Person> {
    const { people } = await this.ready();
    const stored: Person = copy({ ...person, email: person.email.toLowerCase() });
    if (people.has(stored.id)) throw new AccountStoreError('id_taken', `a person with id ${stored.id} exists already`);
    if (people.count('email', stored.email) > 0) throw new AccountStoreError('email_taken', 'a person with that e-mail exists already');
    await people.put(stored.id, stored);
    return copy(stored);
  }

  async getPerson(id: string): Promise<Person | null> {
    const person = (await this.ready()).people.get(id);
    return person ? copy(person) : null;
  }

  async getPeopleContexts(ids: readonly string[]): Promise<PersonContext[]> {
    const { people, memberships, workspaces } = await this.ready();
    const contexts: PersonContext[] = [];
    for (const id of new Set(ids)) {
      const person = people.get(id);
      if (!person) continue;
      contexts.push({
        person: copy(person),
        organisationIds: memberships.find('person', id).map((m) => m.organisationId),
        workspaceIds: workspaces.find('member', id).map((workspace) => workspace.id),
      });
    }
    return contexts;
  }

  async getPersonByEmail(email: string): Promise<Person | null> {
    const [person] = (await this.ready()).people.find('email', email.toLowerCase());
    return person ? copy(person) : null;
  }

  async updatePerson(id: string, patch: PersonPatch, options: { readonly keepActiveAdmin?: boolean } = {}): Promise<Person | null> {
    const { people } = await this.ready();
    const before = people.get(id);
    if (!before) return null;
    // Field by field: a stray key at run time (unvalidated input) must not reach the record.
    const after: Person = {
      ...before,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.email !== undefined && { email: patch.email.toLowerCase() }),
      ...(patch.passwordHash !== undefined && { passwordHash: patch.passwordHash }),
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.disabled !== undefined && { disabled: patch.disabled }),
      ...(patch.updatedAt !== undefined && { updatedAt: patch.updatedAt }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
    };
    if (after.email !== before.email && people.count('email', after.email) > 0) {
      throw new AccountStoreError('email_taken', 'a person with that e-mail exists already');
    }
    if (options.keepActiveAdmin && isActiveAdmin(before) && !isActiveAdmin(after) && people.count('activeAdmin', ACTIVE_ADMIN) <= 1) {
      throw new AccountStoreError('last_admin', 'the platform must keep at least one active admin');
    }
    await people.put(id, after);
    return copy(after);
  }

  async deletePerson(id: string, options: { readonly keepActiveAdmin?: boolean } = {}): Promise<boolean> {
    const { people, sessions, tokens, memberships, workspaces } = await this.ready();
    const person = people.get(id);
    if (!person) return false;
    if (options.keepActiveAdmin && isActiveAdmin(person) && people.count('activeAdmin', ACTIVE_ADMIN) <= 1) {
      throw new AccountStoreError('last_admin', 'the platform must keep at least one active admin');
    }
    // The checks above and the first delete below run in one synchronous step; what follows only
    // removes records that name a person who no longer exists.
    const deleted = people.delete(id);
    const rest: Array<Promise<unknown>> = [
      ...sessions.find('person', id).map((session) => sessions.delete(session.idHash)),
      ...[...tokens.values()].filter((token) => token.personId === id).map((token) => tokens.delete(token.hash)),
      ...memberships.find('person', id).map((membership) => memberships.delete(membershipKey(membership))),
      ...workspaces
        .find('member', id)
        .map((workspace) =>
          workspaces.put(workspace.id, { ...workspace, memberIds: workspace.memberIds.filter((member) => member !== id) }),
        ),
    ];
    await Promise.all([deleted, ...rest]);
    return true;
  }

  async listPeople(query: PageQuery): Promise<Page<Person>> {
    const { people } = await this.ready();
    return copy(pageOf(people.values(), query, (person) => [person.name, person.email]));
  }

  async countActiveAdmins(): Promise<number> {
    return (await this.ready()).people.count('activeAdmin', ACTIVE_ADMIN);
  }

  async createOrganisation(organisation: Organisation): Promise<Organisation> {
    const { organisations } = await this.ready();
    const stored = copy(organisation);
    if (organisations.has(stored.id)) throw new AccountStoreError('id_taken', `an organisation with id ${stored.id} exists already`);
    await organisations.put(stored.id, stored);
    return copy(stored);
  }

  async getOrganisation(id: string): Promise<Organisation | null> {
    const organisation = live((await this.ready()).organisations.get(id));
    return organisation ? copy(organisation) : null;
  }

  async listOrganisations(query: PageQuery): Promise<Page<Organisation>> {
    const { organisations } = await this.ready();
    return copy(
      pageOf(
        [...organisations.values()].filter((organisation) => live(organisation)),
        query,
        (organisation) => (organisation.cvr ? [organisation.name, organisation.cvr] : [organisation.name]),
      ),
    );
  }

  async addMembership({ personId, organisationId }: Membership): Promise<boolean> {
    const { people, organisations, memberships } = await this.ready();
    if (!people.has(personId)) throw new AccountStoreError('not_found', 'no such person');
    if (!live(organisations.get(organisationId))) throw new AccountStoreError('not_found', 'no such organisation');
    const membership = { personId, organisationId };
    const key = membershipKey(membership);
    if (memberships.has(key)) return false;
    await memberships.put(key, membership);
    return true;
  }

  async removeMembership(membership: Membership): Promise<boolean> {
    const { memberships } = await this.ready();
    return memberships.delete(membershipKey(membership));
  }

  async organisationIdsOf(personId: string): Promise<string[]> {
    return (await this.ready()).memberships.find('person', personId).map((m) => m.organisationId);
  }

  async memberIdsOf(organisationId: string): Promise<string[]> {
    return (await this.ready()).memberships.find('organisation', organisationId).map((m) => m.personId);
  }

  async updateOrganisation(id: string, patch: OrganisationPatch): Promise<Organisation | null> {
    const { organisations } = await this.ready();
    const before = live(organisations.get(id));
    if (!before) return null;
    const after: Organisation = { ...before, ...(patch.name !== undefined && { name: patch.name }) };
    await organisations.put(id, after);
    return copy(after);
  }

  async removeOrganisation(id: string, removedAt: string): Promise<string[] | null> {
    const { organisations, memberships } = await this.ready();
    const before = live(organisations.get(id));
    if (!before) return null;
    // The check and the tombstone are one synchronous step (addMembership refuses from then on);
    // what follows only removes memberships of an organisation that is gone.
    const tombstone = organisations.put(id, { ...before, removedAt });
    const members = memberships.find('organisation', id);
    await Promise.all([tombstone, ...members.map((membership) => memberships.delete(membershipKey(membership)))]);
    return members.map((membership) => membership.personId);
  }

  async organisationNameOf(id: string): Promise<string | null> {
    return (await this.ready()).organisations.get(id)?.name ?? null;
  }

  async createWorkspace(workspace: Workspace): Promise<Workspace> {
    const { people, workspaces } = await this.ready();
    const stored: Workspace = copy(storedWorkspace(workspace));
    if (workspaces.has(stored.id)) throw new AccountStoreError('id_taken', `a workspace with id ${stored.id} exists already`);
    if (stored.memberIds.some((id) => !people.has(id))) throw new AccountStoreError('not_found', 'no such person');
    await workspaces.put(stored.id, stored);
    return copy(stored);
  }

  async getWorkspace(id: string): Promise<Workspace | null> {
    const workspace = (await this.ready()).workspaces.get(id);
    return workspace ? copy(workspace) : null;
  }

  async listWorkspaces(): Promise<Workspace[]> {
    return copy([...(await this.ready()).workspaces.values()].sort(byName));
  }

  async addWorkspaceMember(workspaceId: string, personId: string): Promise<Workspace | null> {
    const { people, workspaces } = await this.ready();
    const workspace = workspaces.get(workspaceId);
    if (!workspace) return null;
    if (!people.has(personId)) throw new AccountStoreError('not_found', 'no such person');
    if (workspace.memberIds.includes(personId)) return copy(workspace);
    const after: Workspace = { ...workspace, memberIds: [...workspace.memberIds, personId] };
    await workspaces.put(workspaceId, after);
    return copy(after);
  }

  async removeWorkspaceMember(workspaceId: string, personId: string): Promise<Workspace | null> {
    const { workspaces } = await this.ready();
    const workspace = workspaces.get(workspaceId);
    if (!workspace) return null;
    if (!workspace.memberIds.includes(personId)) return copy(workspace);
    const after: Workspace = { ...workspace, memberIds: workspace.memberIds.filter((id) => id !== personId) };
    await workspaces.put(workspaceId, after);
    return copy(after);
  }

  async workspaceIdsOf(personId: string): Promise<string[]> {
    return (await this.ready()).workspaces.find('member', personId).map((workspace) => workspace.id);
  }

  async updateWorkspace(id: string, patch: WorkspacePatch): Promise<Workspace | null> {
    const { workspaces } = await this.ready();
    const before = workspaces.get(id);
    if (!before) return null;
    const { description: _description, kind: _kind, ...rest } = before;
    const kind = patch.kind ?? before.kind;
    const description = patch.description === undefined ? before.description : (patch.description ?? undefined);
    const after: Workspace = {
      ...rest,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(description !== undefined && { description }),
      ...(kind === 'forum' && { kind }),
    };
    await workspaces.put(id, after);
    return copy(after);
  }

  async deleteWorkspace(id: string): Promise<Workspace | null> {
    const { workspaces } = await this.ready();
    const before = workspaces.get(id);
    if (!before) return null;
    await workspaces.delete(id);
    return copy(before);
  }

  async createSession(session: Session): Promise<Session> {
    const { people, sessions } = await this.ready();
    const stored = copy(session);
    if (sessions.has(stored.idHash)) throw new AccountStoreError('id_taken', 'a session with that id exists already');
    if (!people.has(stored.personId)) throw new AccountStoreError('not_found', 'no such person');
    await sessions.put(stored.idHash, stored);
    return copy(stored);
  }

  async getSession(idHash: string): Promise<Session | null> {
    const session = (await this.ready()).sessions.get(idHash);
    return session ? copy(session) : null;
  }

  async listSessionsOf(personId: string): Promise<Session[]> {
    return copy((await this.ready()).sessions.find('person', personId)).sort(sessionsNewestFirst);
  }

  async updateSession(idHash: string, patch: SessionPatch): Promise<Session | null> {
    const { sessions } = await this.ready();
    const before = sessions.get(idHash);
    if (!before) return null;
    const after: Session = {
      ...before,
      ...(patch.lastSeenAt !== undefined && { lastSeenAt: patch.lastSeenAt }),
      ...(patch.expiresAt !== undefined && { expiresAt: patch.expiresAt }),
      ...(patch.actingForOrganisationId !== undefined && { actingForOrganisationId: patch.actingForOrganisationId }),
    };
    await sessions.put(idHash, after);
    return copy(after);
  }

  async deleteSession(idHash: string): Promise<boolean> {
    return (await this.ready()).sessions.delete(idHash);
  }

  async deleteSessionsOf(personId: string, options: { readonly exceptIdHash?: string } = {}): Promise<number> {
    const { sessions } = await this.ready();
    const doomed = sessions.find('person', personId).filter((session) => session.idHash !== options.exceptIdHash);
    await Promise.all(doomed.map((session) => sessions.delete(session.idHash)));
    return doomed.length;
  }

  async createToken(token: OneTimeToken): Promise<OneTimeToken> {
    const { tokens } = await this.ready();
    const stored = copy(token);
    if (tokens.has(stored.hash)) throw new AccountStoreError('id_taken', 'a token with that hash exists already');
    await tokens.put(stored.hash, stored);
    return copy(stored);
  }

  async consumeToken(hash: string, purpose: OneTimeTokenPurpose, now: string): Promise<OneTimeToken | null> {
    const { tokens } = await this.ready();
    const token = tokens.get(hash);
    if (!token || token.purpose !== purpose || token.usedAt !== undefined || isPast(token.expiresAt, now)) return null;
    const used: OneTimeToken = { ...token, usedAt: now };
    await tokens.put(hash, used);
    return copy(used);
  }

  async deleteTokens(filter: { readonly purpose: OneTimeTokenPurpose; readonly personId?: string }): Promise<number> {
    const { tokens } = await this.ready();
    const doomed =
      filter.personId === undefined
        ? tokens.find('purpose', filter.purpose)
        : tokens.find('owner', tokenKey(filter.purpose, filter.personId));
    await Promise.all(doomed.map((token) => tokens.delete(token.hash)));
    return doomed.length;
  }

  async pruneExpired(now: string): Promise<{ sessions: number; tokens: number }> {
    const { sessions, tokens } = await this.ready();
    // A scan of every session, but hourly and off the request path; each removal is one record.
    const expiredSessions = [...sessions.values()].filter((session) => isPast(session.expiresAt, now));
    const spentTokens = [...tokens.values()].filter((token) => token.usedAt !== undefined || isPast(token.expiresAt, now));
    await Promise.all([
      ...expiredSessions.map((session) => sessions.delete(session.idHash)),
      ...spentTokens.map((token) => tokens.delete(token.hash)),
    ]);
    return { sessions: expiredSessions.length, tokens: spentTokens.length };
  }

  /**
   * Copies of every record (people.json imported first): what `npm run migrate:data` copies. Not
   * on the AccountStore interface, which never lists every session or token.
   */
  async exportAll(): Promise<AccountExport> {
    const { people, sessions, tokens, organisations, memberships, workspaces } = await this.ready();
    return copy({
      people: [...people.values()],
      sessions: [...sessions.values()],
      tokens: [...tokens.values()],
      organisations: [...organisations.values()],
      memberships: [...memberships.values()],
      workspaces: [...workspaces.values()],
    });
  }

  /** Waits for every write issued so far and closes the logs. */
  close(): Promise<void> {
    return this.collections.close();
  }

  private ready(): Promise<AccountCollections> {
    return this.collections.ready();
  }

  private async openAll(open: CollectionOpener): Promise<AccountCollections> {
    const collections: AccountCollections = {
      people: await open<Person>('people', {
        email: (person) => [person.email],
        activeAdmin: (person) => (isActiveAdmin(person) ? [ACTIVE_ADMIN] : []),
      }),
      sessions: await open<Session>('sessions', { person: (session) => [session.personId] }),
      tokens: await open<OneTimeToken>('tokens', {
        purpose: (token) => [token.purpose],
        owner: (token) => [tokenKey(token.purpose, token.personId)],
      }),
      organisations: await open<Organisation>('organisations'),
      memberships: await open<Membership>('memberships', {
        person: (membership) => [membership.personId],
        organisation: (membership) => [membership.organisationId],
      }),
      workspaces: await open<Workspace>('workspaces', { member: (workspace) => workspace.memberIds }),
    };
    if (this.options.importFrom) await this.importPeopleFile(this.options.importFrom, collections);
    return collections;
  }

  private async importPeopleFile(path: string, collections: AccountCollections): Promise<void> {
    const moved = await importLegacyFile<PeopleData>(
      { path, what: 'people', empty: emptyPeopleData, parse: (raw) => parseStoreFile(peopleFileSchema, raw ?? {}) as PeopleData },
      async (data) => {
        // Puts under each record's own key: importing again after a crash overwrites, never duplicates.
        const puts: Array<Promise<void>> = [];
        for (const person of Object.values(data.people)) puts.push(collections.people.put(person.id, person));
        for (const session of Object.values(data.sessions)) puts.push(collections.sessions.put(session.idHash, session));
        for (const token of Object.values(data.tokens)) puts.push(collections.tokens.put(token.hash, token));
        for (const organisation of Object.values(data.organisations))
          puts.push(collections.organisations.put(organisation.id, organisation));
        for (const membership of data.memberships) puts.push(collections.memberships.put(membershipKey(membership), membership));
        for (const workspace of Object.values(data.workspaces)) puts.push(collections.workspaces.put(workspace.id, workspace));
        await Promise.all(puts);
      },
    );
    if (moved) this.options.logger?.info?.({ from: path, keptAs: moved }, 'imported people.json into the record store');
  }
}
