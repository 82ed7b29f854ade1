import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowApiKeyStore } from '../../../server/apiKeys/LowApiKeyStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';
import { apiKeyStoreContract, sampleKey } from './apiKeyStoreContract';

const tempDir = tempDirsRemovedAfterAll('api-keys');

apiKeyStoreContract('LowApiKeyStore', async () => new LowApiKeyStore(join(await tempDir(), 'api-keys.json')));

describe('LowApiKeyStore on disk', () => {
  it('writes an owner-only file with hashes only, and a new store reads it back', async () => {
    const file = join(await tempDir(), 'api-keys.json');
    const first = new LowApiKeyStore(file);
    await first.create(sampleKey('a'));
    await first.revoke('a', '2026-11-26T11:00:00.000Z');
    await first.close();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ keys: [{ id: 'a', hash: 'hash-a' }] });
    const second = new LowApiKeyStore(file);
    expect(await second.getByHash('hash-a')).toMatchObject({ id: 'a', revokedAt: '2026-11-26T11:00:00.000Z' });
    await second.close();
  });

  it('fails with the file name on a damaged file and does not overwrite it', async () => {
    const file = join(await tempDir(), 'api-keys.json');
    await writeFile(file, '{ "keys": [');
    const store = new LowApiKeyStore(file);
    await expect(store.list()).rejects.toThrow(file);
    await expect(store.create(sampleKey('a'))).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toBe('{ "keys": [');
    await store.close();
  });
});
