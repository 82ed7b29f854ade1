/**
 * Vitest globalSetup of the `services` project (vitest.config.ts): ONE PostgreSQL and ONE Redis for
 * the whole run, started before its first test file and stopped (temp dirs removed) after the last.
 * Tests get their URLs with `inject('databaseUrl')` / `inject('redisUrl')` (tests/helpers/testServices.ts;
 * tests/helpers/freshDatabase.ts makes a database per file). TEST_DATABASE_URL and TEST_REDIS_URL,
 * when set, name services to use instead (nothing is started or stopped then).
 */
import type { TestProject } from 'vitest/node';
import { ensurePostgres } from '../../scripts/lib/ensurePostgres.mjs';
import { ensureRedis } from '../../scripts/lib/ensureRedis.mjs';
import { startTestPostgres } from './startTestPostgres';
import { startTestRedis } from './startTestRedis';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin URL of the run's PostgreSQL (database `postgres`); make your own database from it. */
    databaseUrl: string;
    /** The run's Redis, `redis://127.0.0.1:<port>`; shared by every file, so use your own key prefix. */
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const [postgres, redis] = await Promise.all([
    process.env.TEST_DATABASE_URL ? null : startTestPostgres(ensurePostgres()),
    process.env.TEST_REDIS_URL ? null : startTestRedis(ensureRedis()),
  ]);
  const databaseUrl = postgres?.url ?? process.env.TEST_DATABASE_URL!;
  const redisUrl = redis?.url ?? process.env.TEST_REDIS_URL!;
  // Another project with this setup in the same run reuses them (it sees the variables), and so do
  // child processes the tests start.
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_REDIS_URL = redisUrl;
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisUrl', redisUrl);
  if (postgres || redis)
    console.log(`Samskriv tests: PostgreSQL ${databaseUrl} and Redis ${redisUrl} up in ${Math.round(performance.now() - started)} ms`);
  return async () => {
    await Promise.all([postgres?.process.stop(), redis?.process.stop()]);
    if (postgres) delete process.env.TEST_DATABASE_URL;
    if (redis) delete process.env.TEST_REDIS_URL;
  };
}
