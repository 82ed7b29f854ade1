import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowMetadataStore } from '../../../server/storage/LowMetadataStore';
import { metadataStoreContract, sampleMeta } from './metadataStoreContract';
import { tempDirsRemovedAfterAll } from './tempDirs';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';

const tempDir = tempDirsRemovedAfterAll('meta');

metadataStoreContract('LowMetadataStore', async () => new LowMetadataStore(join(await tempDir(), 'meta.json')));

describe('LowMetadataStore on disk', () => {
  it('writes meta.json (also under NODE_ENV=test) and a new store reads it back', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const file = join(await tempDir(), 'nested', 'meta.json');
    const first = new LowMetadataStore(file);
    await Promise.all(['a', 'b', 'c'].map((id) => first.createDocument(sampleMeta(id))));
    await first.updateDocument('b', { title: 'B' });
    await first.close();

    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { documents: Record<string, unknown> };
    expect(Object.keys(onDisk.documents).sort()).toEqual(['a', 'b', 'c']);
    const second = new LowMetadataStore(file);
    expect(await second.getDocument('b')).toEqual({ ...sampleMeta('b'), title: 'B' });
    expect(await second.listDocuments()).toHaveLength(3);
    await second.close();
  });

  it('loads a record written before documents had access fields as private, draft, without grants', async () => {
    const file = join(await tempDir(), 'meta.json');
    const legacy = {
      id: 'gammel',
      title: 'Fra før kontiene',
      template: 'blank',
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:00:00.000Z',
      createdBy: { id: 'p_8f0c', name: 'Navn fra cookie' },
      epoch: 1,
    };
    await writeFile(file, JSON.stringify({ documents: { gammel: legacy } }));
    const store = new LowMetadataStore(file);
    expect(await store.getDocument('gammel')).toEqual({
      ...legacy,
      workspaceId: null,
      visibility: 'private',
      state: 'draft',
      grants: [],
      consultation: DEFAULT_CONSULTATION,
    });
    await store.close();
  });

  it('loads consultation settings from before dates and audiences with their defaults, keeping what was set', async () => {
    const file = join(await tempDir(), 'meta.json');
    const stored = { ...sampleMeta('hoering'), consultation: { guestsMayComment: true } };
    await writeFile(file, JSON.stringify({ documents: { hoering: stored } }));
    const store = new LowMetadataStore(file);
    expect((await store.getDocument('hoering'))?.consultation).toEqual({
      opensAt: null,
      closesAt: null,
      citizensMayComment: true,
      organisationsMayComment: true,
      guestsMayComment: true,
    });
    await store.close();
  });

  it('fails with the file name on a damaged meta.json and does not overwrite it', async () => {
    const file = join(await tempDir(), 'meta.json');
    await writeFile(file, '{ "documents": { broken');
    const store = new LowMetadataStore(file);
    await expect(store.listDocuments()).rejects.toThrow(file);
    await expect(store.createDocument(sampleMeta('a'))).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toBe('{ "documents": { broken');

    // Retries once the file is fixed, without a restart.
    await writeFile(file, JSON.stringify({ documents: {} }));
    expect(await store.listDocuments()).toEqual([]);
    await store.close();
  });

  it('keeps keys it does not know, so other data in the file survives its writes', async () => {
    const file = join(await tempDir(), 'meta.json');
    await writeFile(file, JSON.stringify({ documents: {}, people: { p1: { name: 'Åse' } } }));
    const store = new LowMetadataStore(file);
    await store.createDocument(sampleMeta('a'));
    await store.close();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ people: { p1: { name: 'Åse' } } });
  });
});
