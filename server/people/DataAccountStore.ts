/**
 * The AccountStore rules over one PeopleData value, shared by MemoryAccountStore and
 * LowAccountStore so the two cannot drift apart; they differ only in where the value lives.
 * Every change is a pure function from the current data to the next, run by `change` one at a
 * time, so a check and the write it guards are one step.
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
import { entry, withEntry, type PeopleData } from './PeopleData';
import { byName, pageOf } from './pageOf';
import { sessionsNewestFirst } from './sessionsNewestFirst';

export type Change<T> = (data: PeopleData) => { data: PeopleData; result: T };

const copy = <T>(value: T): T => structuredClone(value);
/** A removed organisation is a tombstone: kept for its name, never handed out as a live one. */
const live = (organisation: Organisation | undefined): Organisation | undefined =>
  organisation && organisation.removedAt === undefined ? organisation : undefined;
const isActiveAdmin = (person: Person): boolean => person.role === 'admin' && !person.disabled;
/** The record without the entries `doomed` picks, and how many those were. */
function without<T>(record: Readonly<Record<string, T>>, doomed: (value: T) => boolean): { kept: Record<string, T>; removed: number } {
  const entries = Object.entries(record);
  const kept = entries.filter(([, value]) => !doomed(value));
  return { kept: Object.fromEntries(kept), removed: entries.length - kept.length };
}

const isPast = (at: string, now: string): boolean => Date.parse(at) <= Date.parse(now);

/** Throws `last_admin` unless an enabled admin other than `id` remains. */
function keepAnotherAdmin(data: PeopleData, id: string): void {
  const others = Object.values(data.people).filter((person) => person.id !== id && isActiveAdmin(person));
  if (others.length === 0) throw new AccountStoreError('last_admin', 'the platform must keep at least one active admin');
}

export abstract class DataAccountStore implements AccountStore {
  /** The current data; callers must not change it. */
  protected abstract view(): Promise<PeopleData>;
  /** Runs changes one at a time; `data` returned unchanged (the same object) means nothing to write. */
  protected abstract change<T>(next: Change<T>): Promise<T>;
  abstract close(): Promise<void>;

  createPerson(person: Person): Promise<Person> {
    const stored: Person = copy({ ...person, email: person.email.toLowerCase() });
    return this.change((data) => {
      if (entry(data.people, stored.id)) throw new AccountStoreError('id_taken', `a person with id ${stored.id} exists already`);
      if (Object.values(data.people).some((other) => other.email === stored.email)) {
        throw new AccountStoreError('email_taken', 'a person with that e-mail exists already');
      }
      return { data: { ...data, people: withEntry(data.people, stored.id, stored) }, result: copy(stored) };
    });
  }

  async getPerson(id: string): Promise<Person | null> {
    const person = entry((await this.view()).people, id);
    return person ? copy(person) : null;
  }

  async getPeopleContexts(ids: readonly string[]): Promise<PersonContext[]> {
    const data = await this.view();
    const contexts: PersonContext[] = [];
    for (const id of new Set(ids)) {
      const person = entry(data.people, id);
      if (!person) continue;
      contexts.push({
        person: copy(person),
        organisationIds: data.memberships.filter((m) => m.personId === id).map((m) => m.organisationId),
        workspaceIds: Object.values(data.workspaces)
          .filter((workspace) => workspace.memberIds.includes(id))
          .map((workspace) => workspace.id),
      });
    }
    return contexts;
  }

  async getPersonByEmail(email: string): Promise<Person | null> {
    const wanted = email.toLowerCase();
    const person = Object.values((await this.view()).people).find((candidate) => candidate.email === wanted);
    return person ? copy(person) : null;
  }

  updatePerson(id: string, patch: PersonPatch, options: { readonly keepActiveAdmin?: boolean } = {}): Promise<Person | null> {
    return this.change((data) => {
      const before = entry(data.people, id);
      if (!before) return { data, result: null };
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
      if (after.email !== before.email && Object.values(data.people).some((other) => other.id !== id && other.email === after.email)) {
        throw new AccountStoreError('email_taken', 'a person with that e-mail exists already');
      }
      if (options.keepActiveAdmin && isActiveAdmin(before) && !isActiveAdmin(after)) keepAnotherAdmin(data, id);
      return { data: { ...data, people: withEntry(data.people, id, after) }, result: copy(after) };
    });
  }

  deletePerson(id: string, options: { readonly keepActiveAdmin?: boolean } = {}): Promise<boolean> {
    return this.change((data) => {
      const person = entry(data.people, id);
      if (!person) return { data, result: false };
      if (options.keepActiveAdmin && isActiveAdmin(person)) keepAnotherAdmin(data, id);
      const workspaces = Object.fromEntries(
        Object.entries(data.workspaces).map(([key, workspace]) => [
          key,
          workspace.memberIds.includes(id) ? { ...workspace, memberIds: workspace.memberIds.filter((member) => member !== id) } : workspace,
        ]),
      );
      const next: PeopleData = {
        ...data,
        people: withEntry(data.people, id, undefined),
        memberships: data.memberships.filter((m) => m.personId !== id),
        workspaces,
        sessions: without(data.sessions, (session) => session.personId === id).kept,
        tokens: without(data.tokens, (token) => token.personId === id).kept,
      };
      return { data: next, result: true };
    });
  }

  async listPeople(query: PageQuery): Promise<Page<Person>> {
    const page = pageOf(Object.values((await this.view()).people), query, (person) => [person.name, person.email]);
    return copy(page);
  }

  async countActiveAdmins(): Promise<number> {
    return Object.values((await this.view()).people).filter(isActiveAdmin).length;
  }

  createOrganisation(organisation: Organisation): Promise<Organisation> {
    const stored = copy(organisation);
    return this.change((data) => {
      if (entry(data.organisations, stored.id)) {
        throw new AccountStoreError('id_taken', `an organisation with id ${stored.id} exists already`);
      }
      return { data: { ...data, organisations: withEntry(data.organisations, stored.id, stored) }, result: copy(stored) };
    });
  }

  async getOrganisation(id: string): Promise<Organisation | null> {
    const organisation = live(entry((await this.view()).organisations, id));
    return organisation ? copy(organisation) : null;
  }

  async listOrganisations(query: PageQuery): Promise<Page<Organisation>> {
    const organisations = Object.values((await this.view()).organisations).filter((organisation) => live(organisation));
    const page = pageOf(organisations, query, (organisation) =>
      organisation.cvr ? [organisation.name, organisation.cvr] : [organisation.name],
    );
    return copy(page);
  }

  addMembership({ personId, organisationId }: Membership): Promise<boolean> {
    return this.change((data) => {
      if (!entry(data.people, personId)) throw new AccountStoreError('not_found', 'no such person');
      if (!live(entry(data.organisations, organisationId))) throw new AccountStoreError('not_found', 'no such organisation');
      if (data.memberships.some((m) => m.personId === personId && m.organisationId === organisationId)) return { data, result: false };
      return { data: { ...data, memberships: [...data.memberships, { personId, organisationId }] }, result: true };
    });
  }

  removeMembership({ personId, organisationId }: Membership): Promise<boolean> {
    return this.change((data) => {
      const memberships = data.memberships.filter((m) => !(m.personId === personId && m.organisationId === organisationId));
      if (memberships.length === data.memberships.length) return { data, result: false };
      return { data: { ...data, memberships }, result: true };
    });
  }

  async organisationIdsOf(personId: string): Promise<string[]> {
    return (await this.view()).memberships.filter((m) => m.personId === personId).map((m) => m.organisationId);
  }

  async memberIdsOf(organisationId: string): Promise<string[]> {
    return (await this.view()).memberships.filter((m) => m.organisationId === organisationId).map((m) => m.personId);
  }

  updateOrganisation(id: string, patch: OrganisationPatch): Promise<Organisation | null> {
    return this.change((data) => {
      const before = live(entry(data.organisations, id));
      if (!before) return { data, result: null };
      const after: Organisation = { ...before, ...(patch.name !== undefined && { name: patch.name }) };
      return { data: { ...data, organisations: withEntry(data.organisations, id, after) }, result: copy(after) };
    });
  }

  removeOrganisation(id: string, removedAt: string): Promise<string[] | null> {
    return this.change((data) => {
      const before = live(entry(data.organisations, id));
      if (!before) return { data, result: null };
      const memberIds = data.memberships.filter((m) => m.organisationId === id).map((m) => m.personId);
      return {
        data: {
          ...data,
          organisations: withEntry(data.organisations, id, { ...before, removedAt }),
          memberships: data.memberships.filter((m) => m.organisationId !== id),
        },
        result: memberIds,
      };
    });
  }

  async organisationNameOf(id: string): Promise<string | null> {
    return entry((await this.view()).organisations, id)?.name ?? null;
  }

  createWorkspace(workspace: Workspace): Promise<Workspace> {
    const stored: Workspace = copy(storedWorkspace(workspace));
    return this.change((data) => {
      if (entry(data.workspaces, stored.id)) throw new AccountStoreError('id_taken', `a workspace with id ${stored.id} exists already`);
      if (stored.memberIds.some((id) => !entry(data.people, id))) throw new AccountStoreError('not_found', 'no such person');
      return { data: { ...data, workspaces: withEntry(data.workspaces, stored.id, stored) }, result: copy(stored) };
    });
  }

  async getWorkspace(id: string): Promise<Workspace | null> {
    const workspace = entry((await this.view()).workspaces, id);
    return workspace ? copy(workspace) : null;
  }

  async listWorkspaces(): Promise<Workspace[]> {
    return copy(Object.values((await this.view()).workspaces).sort(byName));
  }

  addWorkspaceMember(workspaceId: string, personId: string): Promise<Workspace | null> {
    return this.changeWorkspace(workspaceId, (workspace, data) => {
      if (!entry(data.people, personId)) throw new AccountStoreError('not_found', 'no such person');
      return workspace.memberIds.includes(personId) ? workspace : { ...workspace, memberIds: [...workspace.memberIds, personId] };
    });
  }

  removeWorkspaceMember(workspaceId: string, personId: string): Promise<Workspace | null> {
    return this.changeWorkspace(workspaceId, (workspace) =>
      workspace.memberIds.includes(personId) ? { ...workspace, memberIds: workspace.memberIds.filter((id) => id !== personId) } : workspace,
    );
  }

  async workspaceIdsOf(personId: string): Promise<string[]> {
    return Object.values((await this.view()).workspaces)
      .filter((workspace) => workspace.memberIds.includes(personId))
      .map((workspace) => workspace.id);
  }

  updateWorkspace(id: string, patch: WorkspacePatch): Promise<Workspace | null> {
    return this.changeWorkspace(id, (workspace) => {
      const { description: _description, kind: _kind, ...rest } = workspace;
      const kind = patch.kind ?? workspace.kind;
      const description = patch.description === undefined ? workspace.description : (patch.description ?? undefined);
      return {
        ...rest,
        ...(patch.name !== undefined && { name: patch.name }),
        ...(description !== undefined && { description }),
        ...(kind === 'forum' && { kind }),
      };
    });
  }

  deleteWorkspace(id: string): Promise<Workspace | null> {
    return this.change((data) => {
      const before = entry(data.workspaces, id);
      if (!before) return { data, result: null };
      return { data: { ...data, workspaces: withEntry(data.workspaces, id, undefined) }, result: copy(before) };
    });
  }

  createSession(session: Session): Promise<Session> {
    const stored = copy(session);
    return this.change((data) => {
      if (entry(data.sessions, stored.idHash)) throw new AccountStoreError('id_taken', 'a session with that id exists already');
      if (!entry(data.people, stored.personId)) throw new AccountStoreError('not_found', 'no such person');
      return { data: { ...data, sessions: withEntry(data.sessions, stored.idHash, stored) }, result: copy(stored) };
    });
  }

  async getSession(idHash: string): Promise<Session | null> {
    const session = entry((await this.view()).sessions, idHash);
    return session ? copy(session) : null;
  }

  async listSessionsOf(personId: string): Promise<Session[]> {
    return copy(Object.values((await this.view()).sessions).filter((session) => session.personId === personId)).sort(sessionsNewestFirst);
  }

  updateSession(idHash: string, patch: SessionPatch): Promise<Session | null> {
    return this.change((data) => {
      const before = entry(data.sessions, idHash);
      if (!before) return { data, result: null };
      const after: Session = {
        ...before,
        ...(patch.lastSeenAt !== undefined && { lastSeenAt: patch.lastSeenAt }),
        ...(patch.expiresAt !== undefined && { expiresAt: patch.expiresAt }),
        ...(patch.actingForOrganisationId !== undefined && { actingForOrganisationId: patch.actingForOrganisationId }),
      };
      return { data: { ...data, sessions: withEntry(data.sessions, idHash, after) }, result: copy(after) };
    });
  }

  deleteSession(idHash: string): Promise<boolean> {
    return this.change((data) =>
      entry(data.sessions, idHash)
        ? { data: { ...data, sessions: withEntry(data.sessions, idHash, undefined) }, result: true }
        : { data, result: false },
    );
  }

  deleteSessionsOf(personId: string, options: { readonly exceptIdHash?: string } = {}): Promise<number> {
    return this.change((data) => {
      const { kept, removed } = without(
        data.sessions,
        (session) => session.personId === personId && session.idHash !== options.exceptIdHash,
      );
      return removed === 0 ? { data, result: 0 } : { data: { ...data, sessions: kept }, result: removed };
    });
  }

  createToken(token: OneTimeToken): Promise<OneTimeToken> {
    const stored = copy(token);
    return this.change((data) => {
      if (entry(data.tokens, stored.hash)) throw new AccountStoreError('id_taken', 'a token with that hash exists already');
      return { data: { ...data, tokens: withEntry(data.tokens, stored.hash, stored) }, result: copy(stored) };
    });
  }

  consumeToken(hash: string, purpose: OneTimeTokenPurpose, now: string): Promise<OneTimeToken | null> {
    return this.change((data) => {
      const token = entry(data.tokens, hash);
      if (!token || token.purpose !== purpose || token.usedAt !== undefined || isPast(token.expiresAt, now)) return { data, result: null };
      const used: OneTimeToken = { ...token, usedAt: now };
      return { data: { ...data, tokens: withEntry(data.tokens, hash, used) }, result: copy(used) };
    });
  }

  deleteTokens(filter: { readonly purpose: OneTimeTokenPurpose; readonly personId?: string }): Promise<number> {
    return this.change((data) => {
      const { kept, removed } = without(
        data.tokens,
        (token) => token.purpose === filter.purpose && (filter.personId === undefined || token.personId === filter.personId),
      );
      return removed === 0 ? { data, result: 0 } : { data: { ...data, tokens: kept }, result: removed };
    });
  }

  pruneExpired(now: string): Promise<{ sessions: number; tokens: number }> {
    return this.change((data) => {
      const sessions = without(data.sessions, (session) => isPast(session.expiresAt, now));
      const tokens = without(data.tokens, (token) => token.usedAt !== undefined || isPast(token.expiresAt, now));
      const result = { sessions: sessions.removed, tokens: tokens.removed };
      if (result.sessions === 0 && result.tokens === 0) return { data, result };
      return { data: { ...data, sessions: sessions.kept, tokens: tokens.kept }, result };
    });
  }

  private changeWorkspace(id: string, next: (workspace: Workspace, data: PeopleData) => Workspace): Promise<Workspace | null> {
    return this.change((data) => {
      const before = entry(data.workspaces, id);
      if (!before) return { data, result: null };
      const after = next(before, data);
      if (after === before) return { data, result: copy(before) };
      return { data: { ...data, workspaces: withEntry(data.workspaces, id, after) }, result: copy(after) };
    });
  }
}
