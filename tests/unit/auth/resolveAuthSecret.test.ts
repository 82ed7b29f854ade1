/**
 * resolveAuthSecret: with a shared store (DATABASE_URL) every node must sign and check tokens with
 * the same secret, so a missing AUTH_SECRET stops the start with a sentence instead of each node
 * generating its own into its data dir (the nodes would reject each other's sign-ins).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/logger';
import { resolveAuthSecret } from '../../../server/resolveAuthSecret';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
const dataDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'samskriv-secret-'));
  dirs.push(dir);
  return dir;
};
const logger = createLogger('silent');

describe('resolveAuthSecret', () => {
  it('refuses to start with DATABASE_URL and no AUTH_SECRET, and writes nothing', async () => {
    const dir = await dataDir();
    await expect(resolveAuthSecret(undefined, dir, logger, { sharedStore: true })).rejects.toThrow(
      'Samskriv did not start: AUTH_SECRET must be set when DATABASE_URL is set',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('uses AUTH_SECRET with DATABASE_URL', async () => {
    const secret = 'x'.repeat(40);
    expect(await resolveAuthSecret(secret, await dataDir(), logger, { sharedStore: true })).toBe(secret);
  });

  it('still generates one into the data dir of an embedded install', async () => {
    const dir = await dataDir();
    const secret = await resolveAuthSecret(undefined, dir, logger);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(await resolveAuthSecret(undefined, dir, logger, { sharedStore: false })).toBe(secret);
  });
});
