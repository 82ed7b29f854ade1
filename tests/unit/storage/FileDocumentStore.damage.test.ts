/**
 * Damage in the middle of a document log (issue 10, item 10): bad bytes followed by whole records
 * are not a torn tail. The document is refused like one with a damaged snapshot, nothing is cut
 * or moved aside, and a torn LAST record is still cut as before.
 */
import { cp, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentStorageError } from '../../../lib/storage/DocumentStorageError';
import { RECORD_HEADER_BYTES, decodeRecords } from '../../../lib/storage/logRecord';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('damage');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const texts = (updates: Uint8Array[] | null): string[] | null => updates && updates.map((u) => new TextDecoder().decode(u));
const SEGMENT = 'log-0000000001.bin';
const ten = Array.from({ length: 10 }, (_, i) => `record ${i}`);
/** Where record `i` of `ten` starts (each is `record N`, 8 bytes, behind an 8-byte header). */
const startOf = (i: number): number => i * (RECORD_HEADER_BYTES + 8);

describe('FileDocumentStore with damage in the middle of a log', () => {
  const stores: FileDocumentStore[] = [];
  const storeIn = (dir: string) => {
    const logger = { warn: vi.fn<(obj: object, msg?: string) => void>() };
    const store = new FileDocumentStore({ dir, groupCommitMs: 1, logger });
    stores.push(store);
    return { store, logger };
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  /**
   * Ten records of 'doc' and one of 'other'. `crashed`: copied while the writer was still open, so
   * the segment ends in its preallocated zeros; otherwise closed (the zeros cut off).
   */
  async function written(crashed: boolean): Promise<{ dir: string; segment: string }> {
    const live = await tempDir();
    const { store } = storeIn(live);
    for (const text of ten) await store.append('doc', bytes(text));
    await store.append('other', bytes('other text'));
    let dir = live;
    if (crashed) {
      dir = await tempDir();
      await cp(live, dir, { recursive: true });
    } else {
      await store.close();
    }
    return { dir, segment: join(dir, 'doc', SEGMENT) };
  }

  const damages: Array<[string, number, number]> = [
    ['a flipped payload byte', startOf(4) + RECORD_HEADER_BYTES + 3, 0x04],
    ['a flipped checksum byte', startOf(4) + 5, 0x01],
    ['a length made smaller', startOf(4), 0x0c],
    ['a length made larger', startOf(4), 0x10],
    ['a length made absurd', startOf(4) + 3, 0x80],
    ['a length made zero', startOf(4), 0x08],
    ['the first record damaged', startOf(0) + RECORD_HEADER_BYTES, 0x20],
    ['the second-to-last record damaged', startOf(8) + RECORD_HEADER_BYTES + 7, 0x01],
  ];

  for (const crashed of [false, true]) {
    for (const [damage, offset, mask] of damages) {
      it(`refuses the document (${damage}${crashed ? ', preallocated zeros after' : ''}), changes no file, and serves the others`, async () => {
        const { dir, segment } = await written(crashed);
        await flip(segment, offset, mask);
        const before = await readFile(segment);
        const filesBefore = (await readdir(join(dir, 'doc'))).sort();

        const { store, logger } = storeIn(dir);
        const failure = await store.load('doc').catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(DocumentStorageError);
        expect(failure).toMatchObject({ documentId: 'doc', problem: 'corrupt', path: segment });
        expect((failure as Error).message).toMatch(/damaged at byte \d+ and whole records follow/);
        await expect(store.append('doc', bytes('would be written after the damage'))).rejects.toBeInstanceOf(DocumentStorageError);
        await expect(store.compact('doc', bytes('would hide the damage'))).rejects.toBeInstanceOf(DocumentStorageError);
        expect(store.damaged().map((error) => error.documentId)).toEqual(['doc']);

        expect(texts(await store.load('other'))).toEqual(['other text']);
        await store.close();
        expect((await readFile(segment)).equals(before), 'the segment is left exactly as it was').toBe(true);
        expect((await readdir(join(dir, 'doc'))).sort(), 'no torn tail moved aside').toEqual(filesBefore);
        expect(logger.warn).not.toHaveBeenCalled();
      });
    }
  }

  it('loads the document without a restart once an operator has restored the segment', async () => {
    const { dir, segment } = await written(false);
    const intact = await readFile(segment);
    await flip(segment, startOf(2) + RECORD_HEADER_BYTES, 0x01);
    const { store } = storeIn(dir);
    await expect(store.load('doc')).rejects.toBeInstanceOf(DocumentStorageError);
    await writeFile(segment, intact);
    expect(texts(await store.load('doc'))).toEqual(ten);
    expect(store.damaged()).toEqual([]);
  });

  it('still cuts a damaged LAST record with only zeros after it as a torn tail', async () => {
    const { dir, segment } = await written(true);
    const dataEnd = decodeRecords(await readFile(segment)).validBytes;
    await flip(segment, startOf(9) + RECORD_HEADER_BYTES + 2, 0x01);
    const { store, logger } = storeIn(dir);
    expect(texts(await store.load('doc'))).toEqual(ten.slice(0, 9));
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect((await readdir(join(dir, 'doc'))).filter((name) => name.startsWith(`${SEGMENT}.torn-`))).toHaveLength(1);
    expect(dataEnd).toBe(startOf(10));
    expect(store.damaged()).toEqual([]);
  });

  it('finds every damaged document at start without changing any file, and leaves torn tails for the first open', async () => {
    const { dir, segment } = await written(true);
    await flip(segment, startOf(5) + RECORD_HEADER_BYTES, 0x01);
    // 'torn': a torn last record, which is no damage (cut when it is opened).
    const { store: writer } = storeIn(dir);
    await writer.append('torn', bytes('one'));
    await writer.append('torn', bytes('two'));
    await writer.close();
    const tornSegment = join(dir, 'torn', SEGMENT);
    await flip(tornSegment, (await readFile(tornSegment)).byteLength - 1, 0x01);
    const tornBefore = await readFile(tornSegment);
    const before = await readFile(segment);

    const { store, logger } = storeIn(dir);
    const found = await store.checkAll();
    expect(found.map((error) => [error.documentId, error.problem, error.path])).toEqual([['doc', 'corrupt', segment]]);
    expect(store.damaged().map((error) => error.documentId)).toEqual(['doc']);
    expect((await readFile(segment)).equals(before)).toBe(true);
    expect((await readFile(tornSegment)).equals(tornBefore)).toBe(true);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(texts(await store.load('torn'))).toEqual(['one']);
  });
});

async function flip(path: string, offset: number, mask: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, offset);
    await handle.write(Buffer.from([buffer[0]! ^ mask]), 0, 1, offset);
  } finally {
    await handle.close();
  }
}
