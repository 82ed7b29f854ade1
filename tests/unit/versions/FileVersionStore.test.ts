import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FileVersionStore } from '../../../server/versions/FileVersionStore';
import { encodeVersionFile } from '../../../server/versions/versionFile';
import { SAMPLE_CONTRIBUTORS, sampleVersion, versionStoreContract } from './versionStoreContract';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'samskriv-versions-'));
  dirs.push(dir);
  return dir;
}

let current = '';
versionStoreContract('FileVersionStore', {
  async make() {
    current = await freshDir();
    const store = new FileVersionStore({ dir: join(current, 'versions') });
    await store.open();
    return store;
  },
  async reopen() {
    const store = new FileVersionStore({ dir: join(current, 'versions') });
    await store.open();
    return store;
  },
});

describe('FileVersionStore on disk', () => {
  const open: FileVersionStore[] = [];
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });
  async function storeIn(dir: string): Promise<FileVersionStore> {
    const store = new FileVersionStore({ dir });
    await store.open();
    open.push(store);
    return store;
  }

  it('writes one file per version and leaves no temp file', async () => {
    const dir = join(await freshDir(), 'versions');
    const store = await storeIn(dir);
    await store.add(sampleVersion('docA', 1));
    await store.add(sampleVersion('docA', 2));
    expect((await readdir(join(dir, 'docA'))).sort()).toEqual(['1.json', '2.json']);
  });

  it('sees a version another writer linked meanwhile, and does not overwrite it', async () => {
    const dir = join(await freshDir(), 'versions');
    const store = await storeIn(dir);
    await store.add(sampleVersion('docA', 1));
    const other = sampleVersion('docA', 2, { text: 'fra en anden' });
    await writeFile(join(dir, 'docA', '2.json'), encodeVersionFile(other));
    expect(await store.add(sampleVersion('docA', 2, { text: 'min' }))).toBe('number_taken');
    expect((await store.get('docA', 2))!.content.body).toEqual(other.content.body);
  });

  it('treats a temp file left by a crash as no version, and removes it', async () => {
    const dir = join(await freshDir(), 'versions');
    const first = await storeIn(dir);
    await first.add(sampleVersion('docA', 1));
    // Killed after writing the temp file, before linking it.
    await writeFile(join(dir, 'docA', '.tmp-crashed'), encodeVersionFile(sampleVersion('docA', 2)).slice(0, 100));
    const again = await storeIn(dir);
    expect((await again.list('docA')).map((version) => version.number)).toEqual([1]);
    expect(await readdir(join(dir, 'docA'))).toEqual(['1.json']);
    expect(await again.add(sampleVersion('docA', 2))).toBe('added');
  });

  it('reads a file written before contributors were recorded (no field) as a version without them', async () => {
    const dir = join(await freshDir(), 'versions');
    const store = await storeIn(dir);
    await store.add(sampleVersion('docA', 1));
    const text = await readFile(join(dir, 'docA', '1.json'), 'utf8');
    // The format of such a file is unchanged: no contributors field at all.
    expect(JSON.parse(text)).not.toHaveProperty('contributors');
    const again = await storeIn(dir);
    expect((await again.get('docA', 1))!.contributors).toBeUndefined();
  });

  it('seals the contributors with the digest: a changed name is refused', async () => {
    const dir = join(await freshDir(), 'versions');
    const store = await storeIn(dir);
    await store.add({ ...sampleVersion('docA', 1), contributors: SAMPLE_CONTRIBUTORS });
    const path = join(dir, 'docA', '1.json');
    const text = await readFile(path, 'utf8');
    expect(text).toContain('"name":"Anne Jensen"');
    await writeFile(path, text.replace('"name":"Anne Jensen"', '"name":"Mallory"'));
    const again = await storeIn(dir);
    await expect(again.get('docA', 1)).rejects.toThrow();
  });

  it('exports every version with its idempotency key, by document and number', async () => {
    const dir = join(await freshDir(), 'versions');
    const store = await storeIn(dir);
    await store.add(sampleVersion('docB', 1));
    await store.add(sampleVersion('docA', 2, { idempotencyKey: 'k' }));
    await store.add(sampleVersion('docA', 1));
    const exported = await (await storeIn(dir)).exportAll();
    expect(exported.map((version) => [version.documentId, version.number, version.idempotencyKey])).toEqual([
      ['docA', 1, null],
      ['docA', 2, 'k'],
      ['docB', 1, null],
    ]);
  });

  describe.each([
    ['torn', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['not JSON', () => '\u0000\u0000\u0000'],
    ['a changed title', (text: string) => text.replace('"title":"Plan docA"', '"title":"Plan dacA"')],
    ['a changed html', (text: string) => text.replace('<p>', '<p onclick=x>')],
    ['another version', () => encodeVersionFile(sampleVersion('docA', 7))],
    ['another document', () => encodeVersionFile(sampleVersion('docB', 2))],
  ])('a version file with %s', (_name, damage) => {
    it('is refused for that version, fails closed for its document, and keeps its number taken', async () => {
      const dir = join(await freshDir(), 'versions');
      const first = await storeIn(dir);
      await first.add(sampleVersion('docA', 1));
      await first.add(sampleVersion('docA', 2, { idempotencyKey: 'k' }));
      await first.add(sampleVersion('docB', 1));
      const path = join(dir, 'docA', '2.json');
      await writeFile(path, damage(await readFile(path, 'utf8')));
      const again = await storeIn(dir);
      await expect(again.get('docA', 2)).rejects.toMatchObject({ name: 'DocumentStorageError', documentId: 'docA', path });
      expect((await again.get('docA', 1))!.number).toBe(1);
      await expect(again.list('docA')).rejects.toMatchObject({ name: 'DocumentStorageError' });
      await expect(again.byIdempotencyKey('docA', 'k')).rejects.toMatchObject({ name: 'DocumentStorageError' });
      expect(await again.add(sampleVersion('docA', 2))).toBe('number_taken');
      await expect(again.add(sampleVersion('docA', 3, { idempotencyKey: 'k' }))).rejects.toMatchObject({ name: 'DocumentStorageError' });
      expect([...(await again.latestOf(['docA', 'docB'])).keys()]).toEqual(['docB']);
      expect((await again.recent('published', 10)).map((version) => version.documentId)).toEqual(['docB']);
      expect(again.damaged().map((error) => error.path)).toEqual([path]);
      await expect(again.exportAll()).rejects.toMatchObject({ name: 'DocumentStorageError' });
    });
  });
});
