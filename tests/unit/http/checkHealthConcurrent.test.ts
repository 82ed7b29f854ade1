import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHealth } from '../../../server/http/checkHealth';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('checkHealth', () => {
  it('answers ok to many checks at once on one data dir, and leaves no probe file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samskriv-health-'));
    dirs.push(dir);
    const results = await Promise.all(Array.from({ length: 20 }, () => checkHealth(dir, true)));
    expect(results.every((health) => health.ok)).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });
});
