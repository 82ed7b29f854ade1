/** The pure changes both ApiKeyStores make, so the two cannot drift apart. */
import type { ApiKey } from '../../lib/apiKeys/ApiKeyStore';

export function nextKeysAfterCreate(keys: readonly ApiKey[], key: ApiKey): readonly ApiKey[] {
  if (keys.some((existing) => existing.id === key.id || existing.hash === key.hash)) {
    throw new Error(`an API key with id ${key.id} (or that hash) exists already`);
  }
  return [...keys, structuredClone(key)];
}

export function nextKeysAfterRevoke(keys: readonly ApiKey[], id: string, at: string): { keys: readonly ApiKey[]; revoked: ApiKey | null } {
  const found = keys.find((key) => key.id === id);
  if (!found) return { keys, revoked: null };
  if (found.revokedAt !== null) return { keys, revoked: found };
  const revoked: ApiKey = { ...found, revokedAt: at };
  return { keys: keys.map((key) => (key.id === id ? revoked : key)), revoked };
}

export function newestFirst(keys: readonly ApiKey[]): ApiKey[] {
  return [...keys].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}
