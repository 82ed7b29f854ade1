/**
 * createStores: PostgreSQL when DATABASE_URL is set (schema migrated first; steps done once per
 * installation are claimed by one node only), the embedded store in DATA_DIR otherwise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStores } from '../../../server/createStores';
import { createLogger } from '../../../server/logger';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase({ migrate: false });
const dataDir = mkdtempSync(join(tmpdir(), 'samskriv-stores-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const logger = createLogger('silent');
const projectDir = resolve('.');

describe('createStores', () => {
  it('opens PostgreSQL with DATABASE_URL, migrated, and lets only the first node claim a one-time step', async () => {
    const nodeA = await createStores({ config: { DATABASE_URL: database.url, SYNC_GROUP_COMMIT_MS: 0 }, dataDir, projectDir, logger });
    const nodeB = await createStores({ config: { DATABASE_URL: database.url, SYNC_GROUP_COMMIT_MS: 0 }, dataDir, projectDir, logger });
    try {
      expect([nodeA.kind, nodeB.kind]).toEqual(['postgres', 'postgres']);
      const claims = await Promise.all([nodeA.claimOnce('demo-documents'), nodeB.claimOnce('demo-documents')]);
      expect(claims.sort()).toEqual([false, true]);
      await nodeA.documents.append('dok', new Uint8Array([1, 2, 3]));
      expect(await nodeB.documents.exists('dok')).toBe(true);
    } finally {
      await Promise.all([nodeA.close(), nodeB.close()]);
    }
  });

  it('opens the embedded store in DATA_DIR without DATABASE_URL', async () => {
    const stores = await createStores({ config: { DATABASE_URL: undefined, SYNC_GROUP_COMMIT_MS: 0 }, dataDir, projectDir, logger });
    try {
      expect(stores.kind).toBe('embedded');
      expect(await stores.claimOnce('demo-documents')).toBe(true);
      await stores.documents.append('dok', new Uint8Array([1]));
      expect(await stores.documents.exists('dok')).toBe(true);
    } finally {
      await stores.close();
    }
  });
});
