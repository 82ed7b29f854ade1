import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SerialJsonFile } from '../../../server/storage/SerialJsonFile';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('serial-json');

interface Counter {
  n: number;
}

const counterFile = (path: string) =>
  new SerialJsonFile<Counter>(path, {
    what: 'the counter',
    empty: () => ({ n: 0 }),
    parse: (raw) => {
      if (typeof (raw as Counter | null)?.n !== 'number') throw new Error('expected { n }');
      return raw as Counter;
    },
  });

describe('SerialJsonFile', () => {
  it('applies concurrent changes one after another, each on the result of the last', async () => {
    const path = join(await tempDir(), 'counter.json');
    const file = counterFile(path);
    const results = await Promise.all(Array.from({ length: 20 }, () => file.change((d) => ({ data: { n: d.n + 1 }, result: d.n + 1 }))));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ n: 20 });
    expect(await counterFile(path).view()).toEqual({ n: 20 });
  });

  it('keeps the previous data when a write fails, and goes on with the next change', async () => {
    const dir = join(await tempDir(), 'sub');
    await mkdir(dir);
    const file = counterFile(join(dir, 'counter.json'));
    await file.change(() => ({ data: { n: 1 }, result: undefined }));
    // Pull the directory away (a file in its place): the next write cannot land.
    await rm(dir, { recursive: true });
    await writeFile(dir, 'not a directory');
    await expect(file.change(() => ({ data: { n: 2 }, result: undefined }))).rejects.toThrow();
    expect(await file.view()).toEqual({ n: 1 });
    await expect(
      file.change(() => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await rm(dir);
    await mkdir(dir);
    await file.change((d) => ({ data: { n: d.n + 1 }, result: undefined }));
    expect(await file.view()).toEqual({ n: 2 });
    expect(JSON.parse(await readFile(join(dir, 'counter.json'), 'utf8'))).toEqual({ n: 2 });
  });

  it('says which file and what is wrong when it cannot be read, and tries again later', async () => {
    const path = join(await tempDir(), 'counter.json');
    await writeFile(path, '{"n": "many"}');
    const file = counterFile(path);
    await expect(file.view()).rejects.toThrow(`cannot read the counter from ${path}: expected { n }`);
    await writeFile(path, '{"n": 5}');
    expect(await file.view()).toEqual({ n: 5 });
  });

  it('starts empty when the file does not exist, and writes it owner-only', async () => {
    const path = join(await tempDir(), 'new.json');
    const file = counterFile(path);
    expect(await file.view()).toEqual({ n: 0 });
    await file.change(() => ({ data: { n: 3 }, result: undefined }));
    await file.close();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ n: 3 });
  });
});
