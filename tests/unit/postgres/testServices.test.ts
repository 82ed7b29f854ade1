/** The test services harness: what the services project's files get. */
import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createPool } from '../../../server/postgres/createPool';
import { freshDatabase } from '../../helpers/freshDatabase';
import { privateRedis } from '../../helpers/privateRedis';
import { testDatabaseUrl, testRedisUrl } from '../../helpers/testServices';

const first = await freshDatabase();
const second = await freshDatabase({ migrate: false });
const own = await privateRedis();

describe('test services', () => {
  it('gives one PostgreSQL on loopback with fsync on, and a database of its own per call', async () => {
    expect(new URL(testDatabaseUrl()).hostname).toBe('127.0.0.1');
    const { rows } = await first.pool.query<{ fsync: string; sync: string }>(
      `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync`,
    );
    expect(rows[0]).toEqual({ fsync: 'on', sync: 'on' });
    expect(first.name).not.toBe(second.name);
    await first.pool.query(
      `INSERT INTO api_keys (id, hash, name, prefix, scopes, created_by, created_at) VALUES ('k', 'h', 'n', 'p', '[]', 'a', 'x')`,
    );
    const other = createPool(second.url, { max: 1 });
    try {
      const { rows: tables } = await other.query(`SELECT to_regclass('api_keys') AS found`);
      expect(tables[0]).toEqual({ found: null });
    } finally {
      await other.end();
    }
  });

  it('gives the run’s Redis and a private one, both answering on loopback', async () => {
    for (const url of [testRedisUrl(), own.url]) {
      expect(new URL(url).hostname).toBe('127.0.0.1');
      const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        expect(await redis.ping()).toBe('PONG');
      } finally {
        redis.disconnect();
      }
    }
    expect(own.url).not.toBe(testRedisUrl());
  });
});
