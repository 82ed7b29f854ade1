import type { ApiKey, ApiKeyStore } from '../../lib/apiKeys/ApiKeyStore';
import { nextKeysAfterCreate, nextKeysAfterRevoke, newestFirst } from './apiKeyChanges';

/** ApiKeyStore in memory, for tests. */
export class MemoryApiKeyStore implements ApiKeyStore {
  private keys: readonly ApiKey[] = [];

  async create(key: ApiKey): Promise<ApiKey> {
    await Promise.resolve();
    this.keys = nextKeysAfterCreate(this.keys, key);
    return structuredClone(key);
  }

  getByHash(hash: string): Promise<ApiKey | null> {
    const found = this.keys.find((key) => key.hash === hash);
    return Promise.resolve(found ? structuredClone(found) : null);
  }

  get(id: string): Promise<ApiKey | null> {
    const found = this.keys.find((key) => key.id === id);
    return Promise.resolve(found ? structuredClone(found) : null);
  }

  list(): Promise<ApiKey[]> {
    return Promise.resolve(newestFirst(this.keys).map((key) => structuredClone(key)));
  }

  revoke(id: string, at: string): Promise<ApiKey | null> {
    const { keys, revoked } = nextKeysAfterRevoke(this.keys, id, at);
    this.keys = keys;
    return Promise.resolve(revoked ? structuredClone(revoked) : null);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
