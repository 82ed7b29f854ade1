import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
function putUntilKilled(dir: string, first: number, killAfter: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir, String(first)], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killed && out.split('\n').length > killAfter) killed = child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    // 'close' comes after stdout is drained: every line the child wrote before dying is in `out`.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writing child exited by itself (code ${code}):\n${err}`));
      const lines = out.split('\n');
      lines.pop(); // an unfinished last line was not a whole acknowledgement
      resolve(lines.map(Number));
    });
  });
}
