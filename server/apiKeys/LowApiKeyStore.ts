/**
 * ApiKeyStore in a lowdb JSON file (`<DATA_DIR>/api-keys.json`, mode 0600 via DurableJSONFile).
 * Changes are serialised and a failed write restores the previous data, as in LowMetadataStore.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { ApiKey, ApiKeyStore } from '../../lib/apiKeys/ApiKeyStore';
import { DurableJSONFile } from '../storage/DurableJSONFile';
import { newestFirst, nextKeysAfterCreate, nextKeysAfterRevoke } from './apiKeyChanges';

interface ApiKeyFile {
  keys: readonly ApiKey[];
}

export class LowApiKeyStore implements ApiKeyStore {
  private readonly db: Low<ApiKeyFile>;
  private opened: Promise<void> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {
    this.db = new Low<ApiKeyFile>(new DurableJSONFile<ApiKeyFile>(file), { keys: [] });
  }

  async create(key: ApiKey): Promise<ApiKey> {
    await this.change((data) => ({ ...data, keys: nextKeysAfterCreate(data.keys, key) }));
    return structuredClone(key);
  }

  async getByHash(hash: string): Promise<ApiKey | null> {
    const found = (await this.data()).keys.find((key) => key.hash === hash);
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

  async close(): Promise<void> {
    await this.writes.catch(() => undefined);
  }

  private async data(): Promise<ApiKeyFile> {
    this.opened ??= this.read();
    try {
      await this.opened;
    } catch (error) {
      this.opened = null;
      throw error;
    }
    return this.db.data;
  }

  private async read(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    try {
      await this.db.read();
    } catch (error) {
      throw new Error(`cannot read API keys from ${this.file}: ${(error as Error).message}`, { cause: error });
    }
    const data = this.db.data as { keys?: unknown } | null;
    if (typeof data !== 'object' || data === null || !Array.isArray(data.keys)) {
      throw new Error(`cannot read API keys from ${this.file}: expected { "keys": [...] }`);
    }
  }

  private change(next: (data: ApiKeyFile) => ApiKeyFile): Promise<void> {
    const run = this.writes.then(async () => {
      const previous = await this.data();
      const data = next(previous);
      if (data === previous) return;
      this.db.data = data;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        throw error;
      }
    });
    this.writes = run.catch(() => undefined);
    return run;
  }
}
