import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../lib/config';

describe('REDIS_URL', () => {
  it('is absent by default and when empty: one process, no cluster', () => {
    expect(loadConfig({}).REDIS_URL).toBeUndefined();
    expect(loadConfig({ REDIS_URL: '  ' }).REDIS_URL).toBeUndefined();
  });

  it('takes redis:// and rediss:// URLs', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({ REDIS_URL: 'rediss://user:secret@redis.example:6380/2' }).REDIS_URL).toBe(
      'rediss://user:secret@redis.example:6380/2',
    );
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['127.0.0.1:6379', 'http://redis', 'redis://', 'redis://a b']) {
      expect(() => loadConfig({ REDIS_URL: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ REDIS_URL: bad })).toThrow(/REDIS_URL/);
    }
  });
});
