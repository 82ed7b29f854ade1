/**
 * ApiKeyStore in a lowdb JSON file (`<DATA_DIR>/api-keys.json`, mode 0600), written through
 * SerialJsonFile (serialised, durable, rolled back on a failed write).
 */
import type { ApiKey, ApiKeyStore } from '../../lib/apiKeys/ApiKeyStore';
import { SerialJsonFile } from '../storage/SerialJsonFile';
import { parseStoreFile } from '../storage/parseStoreFile';
import { apiKeyFileSchema } from './apiKeyFileSchema';
import { newestFirst, nextKeysAfterCreate, nextKeysAfterRevoke } from './apiKeyChanges';

interface ApiKeyFile {
  keys: readonly ApiKey[];
}

export class LowApiKeyStore implements ApiKeyStore {
  private readonly file: SerialJsonFile<ApiKeyFile>;

  constructor(path: string) {
    this.file = new SerialJsonFile(path, { what: 'API keys', empty: () => ({ keys: [] }), parse: parseApiKeyFile });
  }

  async create(key: ApiKey): Promise<ApiKey> {
    await this.change((data) => ({ ...data, keys: nextKeysAfterCreate(data.keys, key) }));
    return structuredClone(key);
  }

  async getByHash(hash: string): Promise<ApiKey | null> {
    const found = (await this.data()).keys.find((key) => key.hash === hash);
    return found ? structuredClone(found) : null;
  }

  async get(id: string): Promise<ApiKey | null> {
    const found = (await this.data()).keys.find((key) => key.id === id);
    return found ? structuredClone(found) : null;
  }

  async list(): Promise<ApiKey[]> {
    return newestFirst((await this.data()).keys).map((key) => structuredClone(key));
  }

  async revoke(id: string, at: string): Promise<ApiKey | null> {
    let result: ApiKey | null = null;
    await this.change((data) => {
      const { keys, revoked } = nextKeysAfterRevoke(data.keys, id, at);
      result = revoked;
      return keys === data.keys ? data : { ...data, keys };
    });
    return result ? structuredClone(result) : null;
  }

  close(): Promise<void> {
    return this.file.close();
  }

  private data(): Promise<ApiKeyFile> {
    return this.file.view();
  }

  private change(next: (data: ApiKeyFile) => ApiKeyFile): Promise<void> {
    return this.file.change((data) => ({ data: next(data), result: undefined }));
  }
}

function parseApiKeyFile(raw: unknown): ApiKeyFile {
  return parseStoreFile(apiKeyFileSchema, raw) as ApiKeyFile;
}
