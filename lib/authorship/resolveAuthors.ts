import { AUTHOR_NAMES, type AuthorRef } from './Authorship';
import {
  PLATFORM_AUTHOR,
  SERVER_AUTHOR,
  GUEST_AUTHOR,
  TEMPLATE_AUTHOR,
  apiKeyIdOf,
  organisationIdOf,
  personIdOf,
  type AuthorKey,
} from './model';

export interface AuthorNames {
  /** The person's name now; null when they no longer exist (deleted: "Tidligere deltager"). */
  personName(personId: string): Promise<string | null>;
  /** The API key's label; null when unknown. */
  apiKeyName(keyId: string): Promise<string | null>;
  /** An organisation's name now; null when it no longer exists (then the person is shown alone). Absent: not shown. */
  organisationName?(organisationId: string): Promise<string | null>;
}

/** Names for author keys, resolved at read time (never stored with the stamps: a renamed or deleted person follows). */
export async function resolveAuthors(keys: Iterable<AuthorKey>, names: AuthorNames): Promise<Map<AuthorKey, AuthorRef>> {
  const resolved = new Map<AuthorKey, AuthorRef>();
  await Promise.all(
    [...keys].map(async (by) => {
      resolved.set(by, await resolveOne(by, names));
    }),
  );
  return resolved;
}

async function resolveOne(by: AuthorKey, names: AuthorNames): Promise<AuthorRef> {
  const personId = personIdOf(by);
  if (personId !== null) {
    const name = await names.personName(personId);
    if (name === null) return { kind: 'former', personId: null, name: AUTHOR_NAMES.former };
    const organisationId = organisationIdOf(by);
    const organisation = organisationId !== null && names.organisationName ? await names.organisationName(organisationId) : null;
    return organisation ? { kind: 'person', personId, name, organisation } : { kind: 'person', personId, name };
  }
  const keyId = apiKeyIdOf(by);
  if (keyId !== null) return { kind: 'apiKey', personId: null, name: (await names.apiKeyName(keyId)) ?? AUTHOR_NAMES.platform };
  if (by === PLATFORM_AUTHOR) return { kind: 'platform', personId: null, name: AUTHOR_NAMES.platform };
  if (by === SERVER_AUTHOR) return { kind: 'server', personId: null, name: AUTHOR_NAMES.server };
  if (by === GUEST_AUTHOR) return { kind: 'guest', personId: null, name: AUTHOR_NAMES.guest };
  if (by === TEMPLATE_AUTHOR) return { kind: 'template', personId: null, name: AUTHOR_NAMES.template };
  return { kind: 'unknown', personId: null, name: AUTHOR_NAMES.unknown };
}
