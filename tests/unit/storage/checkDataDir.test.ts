/**
 * The start-up check of the data dir: store files before the server listens, the documents (which
 * means reading the whole data dir) in the background, so a large install starts serving at once.
 */
import { describe, expect, it, vi } from 'vitest';
import { DocumentStorageError } from '../../../lib/storage/DocumentStorageError';
import { checkDataDir, DataDirError } from '../../../server/storage/checkDataDir';

function controlledCheck() {
  let finish: (found: DocumentStorageError[]) => void = () => undefined;
  let started: () => void = () => undefined;
  const startedCheck = new Promise<void>((resolve) => (started = resolve));
  const documents = {
    checkAll: () => {
      started();
      return new Promise<DocumentStorageError[]>((resolve) => (finish = resolve));
    },
  };
  return { documents, startedCheck, finish: (found: DocumentStorageError[]) => finish(found) };
}

describe('checkDataDir', () => {
  it('returns once the store files are read, while the documents are still being checked', async () => {
    const { documents, startedCheck, finish } = controlledCheck();
    const logger = { error: vi.fn() };
    const returned = checkDataDir({ files: [], documents, logger }).then(() => 'returned' as const);
    // One loop turn after the documents' check began: enough for a check that does not wait for it.
    const waiting = startedCheck.then(() => new Promise<'still waiting'>((resolve) => setImmediate(() => resolve('still waiting'))));
    expect(await Promise.race([returned, waiting])).toBe('returned');
    const { documentsChecked } = await checkDataDir({ files: [], documents, logger });

    const damage = new DocumentStorageError('broken', 'corrupt', '/data/docs/broken/log-0000000001.bin', 'the log is damaged');
    finish([damage]);
    await documentsChecked;
    expect(logger.error).toHaveBeenCalledWith(
      { doc: 'broken', problem: 'corrupt', file: damage.path },
      expect.stringContaining('it is refused until they are repaired'),
    );
  });

  it('logs a failure to read the data dir instead of failing the start', async () => {
    const logger = { error: vi.fn() };
    const documents = { checkAll: () => Promise.reject(new Error('EIO')) };
    const { documentsChecked } = await checkDataDir({ files: [], documents, logger });
    await documentsChecked;
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), expect.any(String));
  });

  it('still stops the start on a damaged store file, naming it', async () => {
    const logger = { error: vi.fn() };
    const documents = { checkAll: vi.fn(() => Promise.resolve([])) };
    const files = [{ path: '/data/meta.json', read: () => Promise.reject(new Error('Unexpected token')) }];
    await expect(checkDataDir({ files, documents, logger })).rejects.toThrow(DataDirError);
    await expect(checkDataDir({ files, documents, logger })).rejects.toThrow('/data/meta.json');
    expect(documents.checkAll).not.toHaveBeenCalled();
  });
});
