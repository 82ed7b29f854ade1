/**
 * Everything an AccountStore keeps, as one plain JSON value: the shape of `people.json`, and
 * what MemoryAccountStore holds. Records are keyed by id (sessions by id hash, tokens by hash).
 */
import type { Membership, OneTimeToken, Organisation, Person, Session, Workspace } from '../../lib/people/AccountStore';

export interface PeopleData {
  readonly people: Readonly<Record<string, Person>>;
  readonly organisations: Readonly<Record<string, Organisation>>;
  readonly memberships: readonly Membership[];
  readonly workspaces: Readonly<Record<string, Workspace>>;
  readonly sessions: Readonly<Record<string, Session>>;
  readonly tokens: Readonly<Record<string, OneTimeToken>>;
}

export function emptyPeopleData(): PeopleData {
  return { people: {}, organisations: {}, memberships: [], workspaces: {}, sessions: {}, tokens: {} };
}

/** The entry under `key`, if it is the record's own: ids come from requests, and `__proto__` is not a person. */
export function entry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of `record` with `key` set (or removed, for undefined). Computed keys define own properties, `__proto__` included. */
export function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T | undefined): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return value === undefined ? rest : { ...rest, [key]: value };
}
