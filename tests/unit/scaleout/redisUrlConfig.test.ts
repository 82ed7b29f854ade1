import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../lib/config';

const DB = 'postgres://samskriv@127.0.0.1:5432/samskriv';

describe('REDIS_URL', () => {
  it('is absent by default and when empty: one process, no cluster', () => {
    expect(loadConfig({}).REDIS_URL).toBeUndefined();
    expect(loadConfig({ REDIS_URL: '  ' }).REDIS_URL).toBeUndefined();
  });

  it('takes redis:// and rediss:// URLs', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: DB }).REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({ REDIS_URL: 'rediss://user:secret@redis.example:6380/2', DATABASE_URL: DB }).REDIS_URL).toBe(
      'rediss://user:secret@redis.example:6380/2',
    );
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['127.0.0.1:6379', 'http://redis', 'redis://', 'redis://a b']) {
      expect(() => loadConfig({ REDIS_URL: bad, DATABASE_URL: DB })).toThrow(ConfigError);
      expect(() => loadConfig({ REDIS_URL: bad, DATABASE_URL: DB })).toThrow(/REDIS_URL/);
    }
  });

  it('refuses a cluster without a shared store: REDIS_URL needs DATABASE_URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      'REDIS_URL: needs DATABASE_URL: the nodes of a cluster share one PostgreSQL store',
    );
  });
});
