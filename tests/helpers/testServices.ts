/**
 * The run's PostgreSQL and Redis (started once by tests/setup/services.ts). Only files of the
 * `services` project get them: see SERVICES in vitest.config.ts.
 */
import { inject } from 'vitest';

function provided(key: 'databaseUrl' | 'redisUrl'): string {
  const value = inject(key);
  if (!value) throw new Error(`no ${key}: this test file must belong to the "services" project (SERVICES in vitest.config.ts)`);
  return value;
}

/** Admin URL (database `postgres`) of the run's PostgreSQL; use freshDatabase() for a database of your own. */
export const testDatabaseUrl = (): string => provided('databaseUrl');

/** `redis://127.0.0.1:<port>`: one Redis for the whole run, shared by every file: prefix your keys and channels. */
export const testRedisUrl = (): string => provided('redisUrl');
