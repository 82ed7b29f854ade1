import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runUntilKilled } from '../../helpers/runUntilKilled';
import { RecordCollection } from '../../../server/storage/RecordCollection';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('records-crash');
const KEYS = 2500;

describe('RecordCollection after a crash', () => {
  it('keeps every acknowledged put when the writing process is killed with SIGKILL, mid-compaction too', { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    const acknowledged: number[] = [];
    for (const first of [0, 1_000_000, 2_000_000]) acknowledged.push(...(await putUntilKilled(dir, first, KEYS)));

    const items = await RecordCollection.open<number>({ dir, name: 'items', groupCommitMs: 0 });
    // Each key's value only grows: it must be at least the last acknowledged put of that key.
    const lastAcknowledged = new Map<string, number>();
    for (const index of acknowledged) {
      const key = `k${index % KEYS}`;
      lastAcknowledged.set(key, Math.max(lastAcknowledged.get(key) ?? -1, index));
    }
    const lost = [...lastAcknowledged].filter(([key, index]) => (items.get(key) ?? -1) < index);
    expect(lost).toEqual([]);
    expect(items.size).toBe(KEYS);
    await items.close();
    expect(readdirSync(join(dir, 'items')), 'the writer compacted').toContain('snapshot.bin');
  });
});

const fixture = fileURLToPath(new URL('./fixtures/putUntilKilled.ts', import.meta.url));

/** Runs the fixture, SIGKILLs it once `killAfter` puts were acknowledged, returns the acknowledged indices. */
async function putUntilKilled(dir: string, first: number, killAfter: number): Promise<number[]> {
  return (await runUntilKilled(fixture, [dir, String(first)], killAfter)).map(Number);
}
