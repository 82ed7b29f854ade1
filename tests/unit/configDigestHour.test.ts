import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config';

describe('DIGEST_HOUR', () => {
  it('is 7 by default and reads an hour of the day', () => {
    expect(loadConfig({}).DIGEST_HOUR).toBe(7);
    expect(loadConfig({ DIGEST_HOUR: '0' }).DIGEST_HOUR).toBe(0);
    expect(loadConfig({ DIGEST_HOUR: '23' }).DIGEST_HOUR).toBe(23);
  });

  it('refuses what is no hour, naming the variable', () => {
    for (const bad of ['-1', '24', '7.5', 'morgen']) expect(() => loadConfig({ DIGEST_HOUR: bad }), bad).toThrow(/DIGEST_HOUR/);
  });
});
