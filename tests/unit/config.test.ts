import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../lib/config';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.AUTH_SECRET).toBeUndefined();
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATA_DIR: './data',
      SEED_DEMO: true,
      SYNC_MAX_MESSAGE_BYTES: 8 * 1024 * 1024,
      dev: false,
    });
  });

  it('reads numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '0', SEED_DEMO: 'false', SYNC_IDLE_UNLOAD_MS: '250' }, { dev: true });
    expect(config.PORT).toBe(0);
    expect(config.SEED_DEMO).toBe(false);
    expect(config.SYNC_IDLE_UNLOAD_MS).toBe(250);
    expect(config.dev).toBe(true);
  });

  it('treats an empty AUTH_SECRET as unset', () => {
    expect(loadConfig({ AUTH_SECRET: '' }).AUTH_SECRET).toBeUndefined();
  });

  it('refuses bad values and names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', AUTH_SECRET: 'short', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', AUTH_SECRET: 'short', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('AUTH_SECRET: must be at least 32 characters');
      expect(message).toContain('LOG_LEVEL');
    }
  });

  it('refuses a port out of range and a message limit below 1 KiB', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ SYNC_MAX_MESSAGE_BYTES: '10' })).toThrow(/SYNC_MAX_MESSAGE_BYTES/);
  });
});

describe('EMBED_ORIGINS', () => {
  it('is empty by default and reads bare origins separated by commas or spaces', () => {
    expect(loadConfig({}).EMBED_ORIGINS).toEqual([]);
    expect(loadConfig({ EMBED_ORIGINS: 'https://kommune.dk, http://localhost:8080 https://decidim.example/' }).EMBED_ORIGINS).toEqual([
      'https://kommune.dk',
      'http://localhost:8080',
      'https://decidim.example',
    ]);
  });

  it('refuses paths, other schemes and wildcards, naming the variable', () => {
    for (const bad of ['https://kommune.dk/side', 'javascript:alert(1)', '*', "'self'"]) {
      expect(() => loadConfig({ EMBED_ORIGINS: bad }), bad).toThrow(/EMBED_ORIGINS/);
    }
  });
});
