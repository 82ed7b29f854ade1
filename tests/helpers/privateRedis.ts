/**
 * A redis-server of this test file's own (127.0.0.1, a free port, no persistence), for tests that
 * must not share the run's Redis (testRedisUrl()): pub/sub channels are global to a server, so
 * files that publish on fixed channel names, or test what happens when Redis goes away, use one.
 * Call at the top level of the file; stopped after the file.
 */
import { afterAll } from 'vitest';
import { ensureRedis } from '../../scripts/lib/ensureRedis.mjs';
import { startTestRedis, type TestRedis } from '../setup/startTestRedis';

export async function privateRedis(): Promise<TestRedis> {
  const redis = await startTestRedis(ensureRedis());
  afterAll(() => redis.process.stop());
  return redis;
}
