/** DATABASE_URL and REDIS_URL: optional, validated, never repeated in an error (they may hold passwords). */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config';

describe('DATABASE_URL and REDIS_URL', () => {
  it('are unset by default and when empty: the embedded store', () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    expect(loadConfig({}).REDIS_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: '  ', REDIS_URL: '' })).toMatchObject({ DATABASE_URL: undefined, REDIS_URL: undefined });
  });

  it('take postgres:// or postgresql:// and redis:// or rediss:// URLs as given', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://samskriv:hemmelig@db.kommune.dk:5432/samskriv',
      REDIS_URL: 'rediss://cache:6380',
    });
    expect(config.DATABASE_URL).toBe('postgresql://samskriv:hemmelig@db.kommune.dk:5432/samskriv');
    expect(config.REDIS_URL).toBe('rediss://cache:6380');
    expect(loadConfig({ DATABASE_URL: 'postgres://db/samskriv' }).DATABASE_URL).toBe('postgres://db/samskriv');
  });

  it('refuses other values with a sentence naming the variable, never the value', () => {
    const attempt = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    const wrongScheme = attempt({ DATABASE_URL: 'mysql://root:hemmelig@db/samskriv' });
    expect(wrongScheme).toContain('DATABASE_URL: must start with postgres:// or postgresql://');
    expect(wrongScheme).not.toContain('hemmelig');
    expect(attempt({ REDIS_URL: 'not a url with hemmelig' })).toMatch(/REDIS_URL: must be a URL like redis:\/\/host:6379/);
    expect(attempt({ REDIS_URL: 'http://cache:6379' })).toContain('REDIS_URL: must start with redis:// or rediss://');
  });
});
