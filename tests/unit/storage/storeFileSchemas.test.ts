/**
 * Store files are checked against their schema when read (not only parsed as JSON): a hand-edited
 * or damaged file is refused with its name and the path of the first bad value, and left untouched.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowApiKeyStore } from '../../../server/apiKeys/LowApiKeyStore';
import { LowSharingStore } from '../../../server/sharing/LowSharingStore';
import { LowMetadataStore } from '../../../server/storage/LowMetadataStore';
import { sampleMeta } from './metadataStoreContract';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('schemas');

const cases: Array<[string, string, unknown, (path: string) => Promise<unknown>, RegExp]> = [
  [
    'meta.json with a title that is a number',
    'meta.json',
    { documents: { a: { ...sampleMeta('a'), title: 5 } } },
    (path) => new LowMetadataStore(path).listDocuments(),
    /documents\.a\.title/,
  ],
  [
    'meta.json with an unknown visibility',
    'meta.json',
    { documents: { a: { ...sampleMeta('a'), visibility: 'everyone' } } },
    (path) => new LowMetadataStore(path).listDocuments(),
    /documents\.a\.visibility/,
  ],
  [
    'meta.json whose record id differs from its key',
    'meta.json',
    { documents: { a: sampleMeta('b') } },
    (path) => new LowMetadataStore(path).listDocuments(),
    /documents\.a\.id: differs from its key a/,
  ],
  ['meta.json that is an array', 'meta.json', [], (path) => new LowMetadataStore(path).listDocuments(), /\(top\)/],
  [
    'access.json with an invite without a document',
    'access.json',
    { invites: { i: { id: 'i', role: 'editor' } }, requests: {} },
    (path) => new LowSharingStore(path).listInvites('x'),
    /invites\.i\.documentId/,
  ],
  [
    'api-keys.json with an unknown scope',
    'api-keys.json',
    { keys: [{ id: 'k', name: 'n', hash: 'h', prefix: 'p', scopes: ['root'], createdBy: 'a', createdAt: 'now', revokedAt: null }] },
    (path) => new LowApiKeyStore(path).list(),
    /keys\.0\.scopes\.0/,
  ],
];

describe('store files checked against their schema', () => {
  for (const [what, name, contents, read, issue] of cases) {
    it(`refuses ${what}, naming the file and the bad value, and leaves it untouched`, async () => {
      const path = join(await tempDir(), name);
      const text = JSON.stringify(contents);
      await writeFile(path, text);
      const failure = (await read(path).catch((error: unknown) => error)) as Error;
      expect(failure).toBeInstanceOf(Error);
      expect(failure.message).toContain(path);
      expect(failure.message).toMatch(issue);
      expect(await readFile(path, 'utf8')).toBe(text);
    });
  }

  it('still reads the files the stores write, and records from before access fields', async () => {
    const dir = await tempDir();
    const meta = new LowMetadataStore(join(dir, 'meta.json'));
    await meta.createDocument(sampleMeta('a'));
    await meta.close();
    expect(await new LowMetadataStore(join(dir, 'meta.json')).getDocument('a')).toEqual(sampleMeta('a'));
    const {
      grants: _grants,
      visibility: _visibility,
      state: _state,
      workspaceId: _workspaceId,
      consultation: _c,
      ...legacy
    } = sampleMeta('old');
    await writeFile(join(dir, 'legacy.json'), JSON.stringify({ documents: { old: legacy } }));
    expect((await new LowMetadataStore(join(dir, 'legacy.json')).getDocument('old'))?.visibility).toBe('private');
  });
});
