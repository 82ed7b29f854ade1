import { copyFile, cp, mkdir, open, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runUntilKilled } from '../../helpers/runUntilKilled';
import { DocumentStorageError } from '../../../lib/storage/DocumentStorageError';
import { decodeRecords, encodeRecord } from '../../../lib/storage/logRecord';
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
      // The torn bytes up to the last non-zero one: zeros after it are indistinguishable from
      // preallocated space and carry nothing.
      expect((await readFile(join(dir, 'doc', aside[0]!))).equals(withoutTrailingZeros(damaged.subarray(beforeLast)))).toBe(true);

      // Appends continue after the cut, and a later reader sees them.
      await store.append('doc', bytes('after repair'));
      await store.close();
      const { store: again, logger: quiet } = storeIn(dir);
      expect(texts(await again.load('doc'))).toEqual([...firstNine, 'after repair']);
      expect(quiet.warn).not.toHaveBeenCalled();
    });
  }

  /**
   * What a crash leaves of a preallocated segment: ten records, then zeros. The writing store is
   * not closed (closing would cut the zeros off); its directory is copied as it is.
   */
  async function crashImage(): Promise<{ dir: string; segment: string; dataEnd: number }> {
    const live = await tempDir();
    const { store } = storeIn(live);
    for (let i = 0; i < 10; i++) await store.append('doc', bytes(`record ${i}`));
    const dir = await tempDir();
    await cp(join(live, 'doc'), join(dir, 'doc'), { recursive: true });
    const segment = join(dir, 'doc', SEGMENT);
    const contents = await readFile(segment);
    const dataEnd = decodeRecords(contents).validBytes;
    expect(contents.byteLength, 'the segment is preallocated').toBeGreaterThan(dataEnd);
    return { dir, segment, dataEnd };
  }
  const ten = Array.from({ length: 10 }, (_, i) => `record ${i}`);

  it('takes the zeros after the last record of a preallocated segment for its clean end', async () => {
    const { dir, segment, dataEnd } = await crashImage();
    const sizeBefore = (await stat(segment)).size;
    const { store, logger } = storeIn(dir);
    expect(texts(await store.load('doc'))).toEqual(ten);
    expect(logger.warn).not.toHaveBeenCalled();
    expect((await readdir(join(dir, 'doc'))).sort()).toEqual([SEGMENT]);
    expect((await stat(segment)).size, 'the preallocated space is kept for the writer').toBe(sizeBefore);

    // The next record goes right after the last one, into the zeros.
    await store.append('doc', bytes('after the crash'));
    const decoded = decodeRecords(await readFile(segment));
    expect(texts(decoded.records)).toEqual([...ten, 'after the crash']);
    expect(decoded.validBytes).toBe(dataEnd + 8 + 'after the crash'.length);
    expect(decoded.torn).toBe(false);
    await store.close();
    expect((await stat(segment)).size, 'a released segment keeps only its records').toBe(decoded.validBytes);
  });

  it('cuts the zeros a crash left off a segment also when the document is only read, then released', async () => {
    const { dir, segment, dataEnd } = await crashImage();
    const { store } = storeIn(dir);
    expect(texts(await store.load('doc'))).toEqual(ten);
    await store.release('doc');
    expect((await stat(segment)).size).toBe(dataEnd);
    expect(texts(await store.load('doc'))).toEqual(ten);
  });

  it('cuts a record torn inside the preallocated zeros, keeps its bytes aside, and writes on after the last whole record', async () => {
    const { dir, segment, dataEnd } = await crashImage();
    // A crash mid-write: the first 13 bytes of a record reached the disk, the zeros after them stayed.
    const partial = encodeRecord(bytes('never acknowledged')).subarray(0, 13);
    const handle = await open(segment, 'r+');
    await handle.write(partial, 0, partial.byteLength, dataEnd);
    await handle.close();

    const { store, logger } = storeIn(dir);
    expect(texts(await store.load('doc'))).toEqual(ten);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0]![0]).toMatchObject({
      documentId: 'doc',
      segment: SEGMENT,
      keptBytes: dataEnd,
      cutBytes: 13,
      keptRecords: 10,
    });
    expect((await stat(segment)).size, 'cut at the last whole record').toBe(dataEnd);
    const aside = (await readdir(join(dir, 'doc'))).filter((name) => name.startsWith(`${SEGMENT}.torn-`));
    expect(aside).toHaveLength(1);
    expect((await readFile(join(dir, 'doc', aside[0]!))).equals(partial)).toBe(true);

    await store.append('doc', bytes('next'));
    // Not closed: the segment is preallocated again, and still reads cleanly.
    const decoded = decodeRecords(await readFile(segment));
    expect(texts(decoded.records)).toEqual([...ten, 'next']);
    expect(decoded.torn).toBe(false);
    const { store: again, logger: quiet } = storeIn(dir);
    expect(texts(await again.load('doc'))).toEqual([...ten, 'next']);
    expect(quiet.warn).not.toHaveBeenCalled();
  });

  it('loads a segment written before preallocation (ending at its last record) and appends after it', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'doc'), { recursive: true });
    const old = Buffer.concat(['one', 'two', 'three'].map((text) => encodeRecord(bytes(text))));
    const segment = join(dir, 'doc', SEGMENT);
    await writeFile(segment, old, { mode: 0o600 });

    const { store, logger } = storeIn(dir);
    expect(texts(await store.load('doc'))).toEqual(['one', 'two', 'three']);
    expect(store.stats('doc')).toEqual({ records: 3, bytes: 11 });
    await store.append('doc', bytes('four'));
    await store.close();
    expect(logger.warn).not.toHaveBeenCalled();
    expect((await readFile(segment)).equals(Buffer.concat([old, encodeRecord(bytes('four'))]))).toBe(true);
    expect(texts(await storeIn(dir).store.load('doc'))).toEqual(['one', 'two', 'three', 'four']);
  });

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

function withoutTrailingZeros(bytes: Buffer): Buffer {
  let end = bytes.byteLength;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, end);
}

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
async function appendUntilKilled(dir: string, documentId: string, first: number, killAfter: number): Promise<number[]> {
  return (await runUntilKilled(fixture, [dir, documentId, String(first)], killAfter)).map(Number);
}
