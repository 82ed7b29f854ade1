/**
 * Where people, organisations, workspaces, sessions and one-time tokens are kept. Implementations:
 * MemoryAccountStore (unit tests) and LowAccountStore (`<DATA_DIR>/people.json`, one writer process).
 * Timestamps are ISO 8601 strings; passwords, session ids and tokens are only ever stored hashed.
 * Browser-safe (types and one error class), so pages may use the record types.
 */
import type { OrganisationKind, PlatformRole } from '../access/model';
import type { Locale } from '../i18n/locales';

export interface Person {
  readonly id: string;
  /** Lower-case; unique among people. */
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly role: PlatformRole;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The language the person chose (pages, e-mails, exports); absent: never chose (the browser's language counts). */
  readonly locale?: Locale;
}

/** A person as services hand them out: everything but the password hash. */
export type PersonProfile = Omit<Person, 'passwordHash'>;

/** `email` is stored lower-cased; a taken one throws `email_taken` (and changes nothing). */
export type PersonPatch = Partial<Pick<Person, 'name' | 'email' | 'passwordHash' | 'role' | 'disabled' | 'updatedAt' | 'locale'>>;

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  /** Businesses only: eight digits, already checked. */
  readonly cvr?: string;
  readonly createdAt: string;
  /**
   * Set when an admin removed it: a tombstone that keeps the name for what was written on its
   * behalf (attribution, comments). Stores never hand a removed organisation out as a live one
   * (getOrganisation, listOrganisations, addMembership); only organisationNameOf reads it.
   */
  readonly removedAt?: string;
}

/** What renaming an organisation may change. */
export type OrganisationPatch = Partial<Pick<Organisation, 'name'>>;

/** What changing a workspace may change; `description: null` clears it. */
export interface WorkspacePatch {
  readonly name?: string;
  readonly description?: string | null;
  readonly kind?: WorkspaceKind;
}

/** A team's workspace (projects, policy drafts) or a knowledge forum of posts (issue 14). */
export const WORKSPACE_KINDS = ['team', 'forum'] as const;
export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];

/** As a store keeps it: members once each, the kind only for a forum. */
export function storedWorkspace(workspace: Workspace): Workspace {
  const { kind, ...rest } = workspace;
  return { ...rest, memberIds: [...new Set(workspace.memberIds)], ...(kind === 'forum' && { kind }) };
}

/** Absent (every workspace made before issue 14) is a team's. */
export const workspaceKindOf = (workspace: Pick<Workspace, 'kind'>): WorkspaceKind => workspace.kind ?? 'team';

export interface Membership {
  readonly personId: string;
  readonly organisationId: string;
}

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly createdAt: string;
  readonly memberIds: readonly string[];
  /** Stored only for a forum; absent is 'team' (workspaceKindOf). */
  readonly kind?: WorkspaceKind;
}

export interface Session {
  /** The hash of the id in the cookie; the id itself is never stored. */
  readonly idHash: string;
  readonly personId: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  /** The organisation the person currently acts for ("Navn (Organisation)"), if any. */
  readonly actingForOrganisationId?: string | null;
  /** The browser's User-Agent at sign-in (at most USER_AGENT_MAX_LENGTH characters), shown to the person on /konto. */
  readonly userAgent?: string;
}

export const USER_AGENT_MAX_LENGTH = 300;

export type SessionPatch = Partial<Pick<Session, 'lastSeenAt' | 'expiresAt' | 'actingForOrganisationId'>>;

export const ONE_TIME_TOKEN_PURPOSES = ['password_reset', 'admin_setup', 'email_change'] as const;
export type OneTimeTokenPurpose = (typeof ONE_TIME_TOKEN_PURPOSES)[number];

export interface OneTimeToken {
  readonly hash: string;
  readonly purpose: OneTimeTokenPurpose;
  /** Whose password a reset token resets; absent for the setup token. */
  readonly personId?: string;
  readonly expiresAt: string;
  readonly usedAt?: string;
}

/** A page of a list: `query` matches case-insensitively (people: name or e-mail; organisations: name or CVR). */
export interface PageQuery {
  readonly query?: string;
  readonly offset: number;
  readonly limit: number;
}

export interface Page<T> {
  readonly items: T[];
  /** How many match the query in all, for paging. */
  readonly total: number;
}

export type AccountStoreErrorCode = 'email_taken' | 'id_taken' | 'not_found' | 'last_admin';

export class AccountStoreError extends Error {
  override readonly name = 'AccountStoreError';

  constructor(
    readonly code: AccountStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Every method returns copies, and every change is atomic: checks and write happen as one step,
 * so two concurrent requests cannot both pass a check that only one of them should.
 */
/** A session with what checking it needs (AccountStore.getSessionContext). */
export interface SessionContext {
  readonly session: Session;
  readonly person: Person | null;
  readonly organisationIds: readonly string[];
  readonly workspaceIds: readonly string[];
}

/** A person with the organisation and workspace ids can() needs (AccountStore.getPeopleContexts). */
export interface PersonContext {
  readonly person: Person;
  readonly organisationIds: readonly string[];
  readonly workspaceIds: readonly string[];
}

export interface AccountStore {
  /** Stores the e-mail lower-cased. Throws `email_taken` or `id_taken`. */
  createPerson(person: Person): Promise<Person>;
  getPerson(id: string): Promise<Person | null>;
  /**
   * The people among `ids` with their organisation and workspace ids, in ONE read (one query in
   * PostgreSQL): what judging many people at once needs (mention suggestions read up to 500).
   * Unknown ids are left out; order is not kept.
   */
  getPeopleContexts(ids: readonly string[]): Promise<PersonContext[]>;
  /** Case-insensitive. */
  getPersonByEmail(email: string): Promise<Person | null>;
  /**
   * Null for an unknown id. With `keepActiveAdmin`, throws `last_admin` (and changes nothing) when
   * afterwards no enabled admin would remain.
   */
  updatePerson(id: string, patch: PersonPatch, options?: { readonly keepActiveAdmin?: boolean }): Promise<Person | null>;
  /** Sorted by name (Danish collation), then id. */
  listPeople(query: PageQuery): Promise<Page<Person>>;
  /** Admins who are not disabled. */
  countActiveAdmins(): Promise<number>;
  /**
   * Deletes the person with their sessions, one-time tokens, memberships and workspace
   * memberships, in one step; false for an unknown id. With `keepActiveAdmin`, throws `last_admin`
   * (and deletes nothing) when no other enabled admin would remain.
   */
  deletePerson(id: string, options?: { readonly keepActiveAdmin?: boolean }): Promise<boolean>;

  /** Throws `id_taken`. */
  createOrganisation(organisation: Organisation): Promise<Organisation>;
  getOrganisation(id: string): Promise<Organisation | null>;
  /** Sorted by name (Danish collation), then id. */
  listOrganisations(query: PageQuery): Promise<Page<Organisation>>;
  /** False when it existed already. Throws `not_found` for an unknown person or organisation. */
  addMembership(membership: Membership): Promise<boolean>;
  /** False when there was none. */
  removeMembership(membership: Membership): Promise<boolean>;
  organisationIdsOf(personId: string): Promise<string[]>;
  memberIdsOf(organisationId: string): Promise<string[]>;
  /** Null for an unknown (or removed) organisation. */
  updateOrganisation(id: string, patch: OrganisationPatch): Promise<Organisation | null>;
  /**
   * Removes the organisation in one step: its memberships go and it stays only as a tombstone
   * (`removedAt`) whose name organisationNameOf still gives. Returns the ids of the people who were
   * members; null for an unknown or already removed organisation.
   */
  removeOrganisation(id: string, removedAt: string): Promise<string[] | null>;
  /** The organisation's name, removed ones included (what was written on its behalf keeps it); null for an unknown id. */
  organisationNameOf(id: string): Promise<string | null>;

  /** Throws `id_taken`, or `not_found` when a member id is unknown. */
  createWorkspace(workspace: Workspace): Promise<Workspace>;
  getWorkspace(id: string): Promise<Workspace | null>;
  /** Sorted by name (Danish collation), then id. */
  listWorkspaces(): Promise<Workspace[]>;
  /** Null for an unknown workspace; throws `not_found` for an unknown person. Adding a member twice keeps one. */
  addWorkspaceMember(workspaceId: string, personId: string): Promise<Workspace | null>;
  /** Null for an unknown workspace. */
  removeWorkspaceMember(workspaceId: string, personId: string): Promise<Workspace | null>;
  workspaceIdsOf(personId: string): Promise<string[]>;
  /** Null for an unknown workspace. */
  updateWorkspace(id: string, patch: WorkspacePatch): Promise<Workspace | null>;
  /** Deletes the workspace and its member list; returns it as it was, or null for an unknown one. */
  deleteWorkspace(id: string): Promise<Workspace | null>;

  /** Throws `id_taken` for a hash in use, `not_found` for an unknown person. */
  createSession(session: Session): Promise<Session>;
  getSession(idHash: string): Promise<Session | null>;
  /**
   * Optional: the session, its person and the person's organisation and workspace ids in ONE read
   * (one round trip where the store is remote: checking a session is on every request). Null when
   * there is no such session; `person` null when the session names nobody. The session service
   * falls back to the separate reads where a store lacks it.
   */
  getSessionContext?(idHash: string): Promise<SessionContext | null>;
  /** The person's sessions, newest first (expired ones not yet pruned included). */
  listSessionsOf(personId: string): Promise<Session[]>;
  /** Null for an unknown session. */
  updateSession(idHash: string, patch: SessionPatch): Promise<Session | null>;
  /** False when there was none. */
  deleteSession(idHash: string): Promise<boolean>;
  /** Deletes the person's sessions, except the one given; returns how many. */
  deleteSessionsOf(personId: string, options?: { readonly exceptIdHash?: string }): Promise<number>;

  /** Throws `id_taken` for a hash in use. */
  createToken(token: OneTimeToken): Promise<OneTimeToken>;
  /**
   * Marks the token used at `now` and returns it, in one step; null when it is missing, of another
   * purpose, expired at `now` or used already.
   */
  consumeToken(hash: string, purpose: OneTimeTokenPurpose, now: string): Promise<OneTimeToken | null>;
  /** Deletes the tokens of a purpose (of one person, if given); returns how many. */
  deleteTokens(filter: { readonly purpose: OneTimeTokenPurpose; readonly personId?: string }): Promise<number>;
  /** Deletes sessions and tokens expired at `now` (used tokens too); returns how many of each. */
  pruneExpired(now: string): Promise<{ sessions: number; tokens: number }>;

  /** Waits for every write issued so far. */
  close(): Promise<void>;
}
