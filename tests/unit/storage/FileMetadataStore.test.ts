import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';
import { decodeRecords } from '../../../lib/storage/logRecord';
import type { DocumentMeta } from '../../../lib/storage/MetadataStore';
import { FileMetadataStore } from '../../../server/storage/FileMetadataStore';
import { LowMetadataStore } from '../../../server/storage/LowMetadataStore';
import { RecordCollection } from '../../../server/storage/RecordCollection';
import { metadataStoreContract, sampleMeta } from './metadataStoreContract';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('file-meta');
const created = (i: number): string => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();

metadataStoreContract('FileMetadataStore', async () => new FileMetadataStore({ dir: join(await tempDir(), 'records') }));
metadataStoreContract('FileMetadataStore (compacting every few records)', async () => {
  return new FileMetadataStore({ dir: join(await tempDir(), 'records'), compactAfterRecords: 2 });
});

/** Today's meta.json, written by today's store, with one record from before accounts. */
async function writeMetaJson(dataDir: string, documents: number): Promise<void> {
  const old = new LowMetadataStore(join(dataDir, 'meta.json'));
  for (let i = 0; i < documents; i++) await old.createDocument(sampleMeta(`doc-${i}`, created(i)));
  await old.updateDocument('doc-1', { title: 'Omdøbt', grants: [{ subject: 'person', personId: 'p2', role: 'editor' }] });
  await old.close();
  const file = join(dataDir, 'meta.json');
  const data = JSON.parse(await readFile(file, 'utf8')) as { documents: Record<string, unknown> };
  const legacy = { id: 'gammel', title: 'Fra før kontiene', template: 'blank', createdAt: created(-1), updatedAt: created(-1) };
  data.documents.gammel = { ...legacy, createdBy: { id: 'p_8f0c', name: 'Navn fra cookie' }, epoch: 1 };
  await writeFile(file, JSON.stringify(data));
}

async function expectImported(store: FileMetadataStore, documents: number): Promise<void> {
  const listed = await store.listDocuments();
  expect(listed.map((meta) => meta.id)).toEqual([...Array.from({ length: documents }, (_, i) => `doc-${documents - 1 - i}`), 'gammel']);
  expect(await store.getDocument('doc-1')).toEqual({
    ...sampleMeta('doc-1', created(1)),
    title: 'Omdøbt',
    grants: [{ subject: 'person', personId: 'p2', role: 'editor' }],
  });
  expect(await store.getDocument('gammel')).toMatchObject({
    visibility: 'private',
    state: 'draft',
    grants: [],
    consultation: DEFAULT_CONSULTATION,
  });
}

describe('FileMetadataStore on disk', () => {
  it('appends one record per change and a new store reads everything back, newest first', async () => {
    const dir = join(await tempDir(), 'records');
    const first = new FileMetadataStore({ dir });
    await Promise.all(['a', 'b', 'c'].map((id, i) => first.createDocument(sampleMeta(id, created(i)))));
    await first.updateDocument('b', { title: 'B' });
    await first.updateDocument('b', { updatedAt: created(9) });
    await first.close();
    expect(decodeRecords(await readFile(join(dir, 'documents', 'log-0000000001.bin'))).records).toHaveLength(5);

    const second = new FileMetadataStore({ dir });
    expect(await second.getDocument('b')).toEqual({ ...sampleMeta('b', created(1)), title: 'B', updatedAt: created(9) });
    expect((await second.listDocuments()).map((meta) => meta.id)).toEqual(['c', 'b', 'a']);
    await second.createDocument(sampleMeta('d', created(3)));
    expect((await second.listDocuments()).map((meta) => meta.id)).toEqual(['d', 'c', 'b', 'a']);
    await second.close();
  });

  it('fails with the file name on a damaged log', async () => {
    const dir = join(await tempDir(), 'records');
    const first = new FileMetadataStore({ dir });
    for (const id of ['a', 'b', 'c']) await first.createDocument(sampleMeta(id));
    await first.close();
    const segment = join(dir, 'documents', 'log-0000000001.bin');
    const damaged = await readFile(segment);
    damaged[20]! ^= 0xff;
    await writeFile(segment, damaged);
    const store = new FileMetadataStore({ dir });
    await expect(store.listDocuments()).rejects.toThrow(segment);
    await store.close();
  });
});

describe('FileMetadataStore upgrading a data dir in place', () => {
  it("imports today's meta.json on first start and keeps it as meta.json.imported-<time>", async () => {
    const dataDir = await tempDir();
    await writeMetaJson(dataDir, 5);
    const original = await readFile(join(dataDir, 'meta.json'), 'utf8');
    const store = new FileMetadataStore({ dir: join(dataDir, 'records'), importFrom: join(dataDir, 'meta.json') });
    await expectImported(store, 5);
    await store.close();
    const kept = (await readdir(dataDir)).filter((name) => name.startsWith('meta.json'));
    expect(kept).toEqual([expect.stringMatching(/^meta\.json\.imported-[\dT-]+Z$/)]);
    expect(await readFile(join(dataDir, kept[0]!), 'utf8')).toBe(original);

    const again = new FileMetadataStore({ dir: join(dataDir, 'records'), importFrom: join(dataDir, 'meta.json') });
    await expectImported(again, 5);
    await again.close();
  });

  it('imports again, without duplicates, after a crash in the middle of an import', async () => {
    const dataDir = await tempDir();
    await writeMetaJson(dataDir, 8);
    const documents = await RecordCollection.open<DocumentMeta>({ dir: join(dataDir, 'records'), name: 'documents', groupCommitMs: 0 });
    for (let i = 0; i < 4; i++) await documents.put(`doc-${i}`, sampleMeta(`doc-${i}`, created(i)));
    await documents.close();
    const store = new FileMetadataStore({ dir: join(dataDir, 'records'), importFrom: join(dataDir, 'meta.json') });
    await expectImported(store, 8);
    await store.close();
    expect((await readdir(dataDir)).filter((name) => name.startsWith('meta.json'))).toHaveLength(1);
  });

  it('refuses a damaged meta.json, naming it, and leaves it where it is', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'meta.json');
    const contents = JSON.stringify({ documents: { a: { id: 'a', title: 5 } } });
    await writeFile(file, contents);
    const store = new FileMetadataStore({ dir: join(dataDir, 'records'), importFrom: file });
    await expect(store.listDocuments()).rejects.toThrow(`cannot read document metadata from ${file}`);
    expect(await readFile(file, 'utf8')).toBe(contents);
    await store.close();
  });
});
