import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config';

describe('VERSION_CACHE_BYTES', () => {
  it('is 32 MiB by default, reads a byte count, and 0 turns the cache off', () => {
    expect(loadConfig({}).VERSION_CACHE_BYTES).toBe(32 * 1024 * 1024);
    expect(loadConfig({ VERSION_CACHE_BYTES: '1048576' }).VERSION_CACHE_BYTES).toBe(1048576);
    expect(loadConfig({ VERSION_CACHE_BYTES: '0' }).VERSION_CACHE_BYTES).toBe(0);
  });

  it('refuses what is no byte count, naming the variable', () => {
    for (const bad of ['-1', '1.5', 'lots']) expect(() => loadConfig({ VERSION_CACHE_BYTES: bad }), bad).toThrow(/VERSION_CACHE_BYTES/);
  });
});
