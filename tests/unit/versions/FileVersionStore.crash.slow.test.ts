/**
 * A kill -9 while versions are being published leaves each version whole or absent: after three
 * runs killed mid-flight (each continuing the numbers of the one before), every stored version
 * reads back with its content matching its hash, each document's numbers are 1..n without gaps,
 * no number was handed out twice, and every publish that was answered is there, as answered.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../lib/versions/contentHash';
import { FileVersionStore } from '../../../server/versions/FileVersionStore';
import { runUntilKilled } from '../../helpers/runUntilKilled';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';

const tempDir = tempDirsRemovedAfterAll('versions-crash');
const fixture = fileURLToPath(new URL('./fixtures/publishUntilKilled.ts', import.meta.url));

describe('FileVersionStore after kill -9', () => {
  it('keeps every answered version whole, numbers 1..n without gaps or repeats', { timeout: 110_000 }, async () => {
    const dataDir = await tempDir();
    const answered: string[] = [];
    for (const run of ['a', 'b', 'c']) answered.push(...(await runUntilKilled(fixture, [dataDir, run], 40)));

    // No number was answered twice, across the restarts.
    const pairs = answered.map((line) => line.split(' ').slice(0, 2).join(' '));
    expect(new Set(pairs).size).toBe(pairs.length);

    const store = new FileVersionStore({ dir: join(dataDir, 'versions') });
    const stored = new Map<string, string>();
    for (const documentId of await readdir(join(dataDir, 'versions'))) {
      const listed = await store.list(documentId);
      const numbers = listed.map((version) => version.number).reverse();
      expect(numbers, documentId).toEqual(numbers.map((_, index) => index + 1));
      for (const { number } of listed) {
        const version = (await store.get(documentId, number))!;
        expect(contentHash(version.title, version.content.body)).toBe(version.hash);
        stored.set(`${documentId} ${number}`, version.hash);
      }
      // Temp files a kill left behind are gone once the document was read.
      expect((await readdir(join(dataDir, 'versions', documentId))).filter((name) => !name.endsWith('.json'))).toEqual([]);
    }
    const missing = answered.filter((line) => {
      const [documentId, number, hash] = line.split(' ');
      return stored.get(`${documentId} ${number}`) !== hash;
    });
    expect(missing).toEqual([]);
    expect(answered.length).toBeGreaterThanOrEqual(120);
    expect(store.damaged()).toEqual([]);
    await store.close();
  });
});
