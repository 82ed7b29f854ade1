import { spawn } from 'node:child_process';
import { copyFile, open, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentStorageError } from '../../../lib/storage/DocumentStorageError';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('crash');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const texts = (updates: Uint8Array[] | null): string[] | null => updates && updates.map((u) => new TextDecoder().decode(u));
const SEGMENT = 'log-0000000001.bin';

describe('FileDocumentStore after a crash or damage', () => {
  const open_: FileDocumentStore[] = [];
  const storeIn = (dir: string) => {
    const logger = { warn: vi.fn<(obj: object, msg?: string) => void>() };
    const store = new FileDocumentStore({ dir, groupCommitMs: 1, logger });
    open_.push(store);
    return { store, logger };
  };
  afterEach(async () => {
    await Promise.all(open_.splice(0).map((store) => store.close()));
  });

  /** Ten records in one segment; returns the directory and the segment's size before the last record. */
  async function tenRecords(): Promise<{ dir: string; segment: string; beforeLast: number }> {
    const dir = await tempDir();
    const { store } = storeIn(dir);
    for (let i = 0; i < 10; i++) await store.append('doc', bytes(`record ${i}`));
    await store.close();
    const segment = join(dir, 'doc', SEGMENT);
    const size = (await readFile(segment)).byteLength;
    return { dir, segment, beforeLast: size - (8 + 'record 9'.length) };
  }
  const firstNine = Array.from({ length: 9 }, (_, i) => `record ${i}`);

  const damages: Array<[string, (segment: string, beforeLast: number) => Promise<void>]> = [
    ['cut inside the header', (segment, beforeLast) => truncate(segment, beforeLast + 3)],
    ['cut right after the header', (segment, beforeLast) => truncate(segment, beforeLast + 8)],
    ['cut inside the payload', (segment, beforeLast) => truncate(segment, beforeLast + 12)],
    ['a garbled payload byte', (segment, beforeLast) => garble(segment, beforeLast + 10)],
    ['an absurd length', (segment, beforeLast) => garble(segment, beforeLast + 3)],
  ];

  for (const [damage, apply] of damages) {
    it(`cuts a torn tail (${damage}) at the last whole record, warns, and keeps the cut bytes aside`, async () => {
      const { dir, segment, beforeLast } = await tenRecords();
      const original = await readFile(segment);
      await apply(segment, beforeLast);
      const damaged = await readFile(segment);

      const { store, logger } = storeIn(dir);
      expect(texts(await store.load('doc'))).toEqual(firstNine);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn.mock.calls[0]![0]).toMatchObject({ documentId: 'doc', segment: SEGMENT, keptBytes: beforeLast, keptRecords: 9 });
      expect((await readFile(segment)).equals(original.subarray(0, beforeLast))).toBe(true);
      const aside = (await readdir(join(dir, 'doc'))).filter((name) => name.startsWith(`${SEGMENT}.torn-`));
      expect(aside).toHaveLength(1);
      expect((await readFile(join(dir, 'doc', aside[0]!))).equals(damaged.subarray(beforeLast))).toBe(true);

      // Appends continue after the cut, and a later reader sees them.
      await store.append('doc', bytes('after repair'));
      await store.close();
      const { store: again, logger: quiet } = storeIn(dir);
      expect(texts(await again.load('doc'))).toEqual([...firstNine, 'after repair']);
      expect(quiet.warn).not.toHaveBeenCalled();
    });
  }

  it('repairs a torn tail also when the first call after the crash is an append', async () => {
    const { dir, segment, beforeLast } = await tenRecords();
    await truncate(segment, beforeLast + 5);
    const { store, logger } = storeIn(dir);
    await store.append('doc', bytes('next'));
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(texts(await store.load('doc'))).toEqual([...firstNine, 'next']);
  });

  it('refuses a document with a damaged snapshot, leaves its files alone, and keeps serving the others', async () => {
    const dir = await tempDir();
    const { store: writer } = storeIn(dir);
    await writer.append('broken', bytes('a'));
    await writer.compact('broken', bytes('snapshot'));
    await writer.append('broken', bytes('b'));
    await writer.append('healthy', bytes('h'));
    await writer.close();
    const snapshot = join(dir, 'broken', 'snapshot.bin');
    const intact = await readFile(snapshot);
    await garble(snapshot, intact.byteLength - 2);
    const damaged = await readFile(snapshot);
    const filesBefore = (await readdir(join(dir, 'broken'))).sort();

    const { store } = storeIn(dir);
    const failure = await store.load('broken').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DocumentStorageError);
    expect(failure).toMatchObject({ documentId: 'broken', problem: 'corrupt', path: snapshot });
    await expect(store.append('broken', bytes('c'))).rejects.toBeInstanceOf(DocumentStorageError);
    await expect(store.compact('broken', bytes('would overwrite'))).rejects.toBeInstanceOf(DocumentStorageError);

    expect(texts(await store.load('healthy'))).toEqual(['h']);
    await store.append('healthy', bytes('h2'));
    expect(texts(await store.load('healthy'))).toEqual(['h', 'h2']);

    expect((await readFile(snapshot)).equals(damaged)).toBe(true);
    expect((await readdir(join(dir, 'broken'))).sort()).toEqual(filesBefore);

    // Once an operator restores the file, the next load succeeds without a restart.
    await writeFile(snapshot, intact);
    expect(texts(await store.load('broken'))).toEqual(['snapshot', 'b']);
  });

  it('ignores and removes log segments a snapshot covers (crash after the rename, before the deletion)', async () => {
    const dir = await tempDir();
    const { store: writer } = storeIn(dir);
    await writer.append('doc', bytes('a'));
    await writer.append('doc', bytes('b'));
    const segment = join(dir, 'doc', SEGMENT);
    await copyFile(segment, `${segment}.saved`);
    await writer.compact('doc', bytes('snapshot of a+b'));
    await writer.append('doc', bytes('c'));
    await writer.close();
    await copyFile(`${segment}.saved`, segment);

    const { store, logger } = storeIn(dir);
    expect(texts(await store.load('doc'))).toEqual(['snapshot of a+b', 'c']);
    expect(await readdir(join(dir, 'doc'))).not.toContain(SEGMENT);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('ignores and removes a half-written snapshot temp file (crash before the rename)', async () => {
    const dir = await tempDir();
    const { store: writer } = storeIn(dir);
    await writer.append('doc', bytes('a'));
    await writer.compact('doc', bytes('s1'));
    await writer.append('doc', bytes('b'));
    await writer.close();
    await writeFile(join(dir, 'doc', 'snapshot.bin.tmp'), bytes('SKSNAP01 half a snap'));

    const { store } = storeIn(dir);
    expect(texts(await store.load('doc'))).toEqual(['s1', 'b']);
    expect(await readdir(join(dir, 'doc'))).not.toContain('snapshot.bin.tmp');
  });

  it('keeps every acknowledged append when the writing process is killed with SIGKILL', { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    const acknowledged: number[] = [];
    for (const first of [0, 1_000_000, 2_000_000]) acknowledged.push(...(await appendUntilKilled(dir, 'doc', first, 400)));

    const { store } = storeIn(dir);
    const updates = (await store.load('doc')) ?? [];
    const stored = new Set<number>();
    const logged: number[] = [];
    for (const [position, text] of texts(updates)!.entries()) {
      if (text.startsWith('s:')) {
        expect(position, 'a snapshot comes first').toBe(0);
        for (const index of JSON.parse(text.slice(2)) as number[]) stored.add(index);
      } else {
        logged.push(Number(text.slice(2)));
        stored.add(Number(text.slice(2)));
      }
    }
    const missing = acknowledged.filter((index) => !stored.has(index));
    expect(missing).toEqual([]);
    expect(logged).toEqual([...logged].sort((a, b) => a - b));
  });
});

async function garble(path: string, offset: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, offset);
    await handle.write(Buffer.from([buffer[0]! ^ 0xff]), 0, 1, offset);
  } finally {
    await handle.close();
  }
}

const fixture = fileURLToPath(new URL('./fixtures/appendUntilKilled.ts', import.meta.url));

/** Runs the fixture, SIGKILLs it once `killAfter` appends were acknowledged, returns the acknowledged indices. */
function appendUntilKilled(dir: string, documentId: string, first: number, killAfter: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir, documentId, String(first)], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killed && out.split('\n').length > killAfter) {
        killed = child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    // 'close' comes after stdout is drained: every line the child wrote before dying is in `out`.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the appending child exited by itself (code ${code}):\n${err}`));
      const lines = out.split('\n');
      lines.pop(); // an unfinished last line was not a whole acknowledgement
      resolve(lines.map(Number));
    });
  });
}
