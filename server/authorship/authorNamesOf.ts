/**
 * Where the authorship read takes names from (lib/authorship/resolveAuthors.ts): a person and an
 * organisation by id from the account store, an API key by id from the key store, each one lookup
 * (never a list of all). An organisation's name is read removed or not.
 */
import type { ApiKeyStore } from '../../lib/apiKeys/ApiKeyStore';
import type { AuthorNames } from '../../lib/authorship/resolveAuthors';
import type { AccountStore } from '../../lib/people/AccountStore';

export function authorNamesOf(stores: {
  readonly accounts: Pick<AccountStore, 'getPerson' | 'organisationNameOf'>;
  readonly apiKeys: Pick<ApiKeyStore, 'get'>;
}): AuthorNames {
  return {
    personName: async (personId) => (await stores.accounts.getPerson(personId))?.name ?? null,
    apiKeyName: async (keyId) => (await stores.apiKeys.get(keyId))?.name ?? null,
    // Removed organisations included (a tombstone keeps the name): what was written on their behalf keeps it.
    organisationName: (organisationId) => stores.accounts.organisationNameOf(organisationId),
  };
}
