import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../lib/search/parseQuery';
import { MiniSearchIndex } from '../../../server/search/MiniSearchIndex';
import { commentEntry, documentEntry, searchIndexContract } from './searchIndexContract';

searchIndexContract('MiniSearchIndex', async () => new MiniSearchIndex());

describe('the embedded index on disk', () => {
  it('is written and read back with its marks, and a file of another version or a damaged one is ignored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'search-'));
    try {
      const path = join(dir, 'search', 'index.ndjson');
      const index = new MiniSearchIndex();
      await index.putDocument(documentEntry('doc-a', 'Høring om skolen', 'Forældrene ønsker flere lærere.'), 't1');
      await index.putComments('doc-a', [commentEntry('doc-a', 'c1', 'Enig med forældrene')], 4);
      expect(index.unsaved).toBeGreaterThan(0);
      await index.writeTo(path);
      expect(index.unsaved).toBe(0);

      const loaded = new MiniSearchIndex();
      expect(await loaded.readFrom(path)).toBe(true);
      expect((await loaded.query(parseQuery('forælder'), {}, 10)).map((c) => c.id).sort()).toEqual(['c:c1', 'd:doc-a']);
      expect(await loaded.mark('doc-a')).toEqual({ updatedAt: 't1', commentsRevision: 4 });

      await writeFile(path, '{"format":"samskriv-search","version":999}\n');
      expect(await new MiniSearchIndex().readFrom(path)).toBe(false);
      await writeFile(path, '{"format":"samskriv-search","version":1}\n{not json\n');
      const damaged = new MiniSearchIndex();
      expect(await damaged.readFrom(path)).toBe(false);
      expect(damaged.size).toBe(0);
      expect(await new MiniSearchIndex().readFrom(join(dir, 'missing.ndjson'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
