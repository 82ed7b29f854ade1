/**
 * Reads and checks everything in the data dir at start, before the server listens, so damage is
 * found by the operator starting it rather than by the first person whose page answers 500:
 *   - every store file (meta.json, people.json, …) is read and checked against its schema; the first
 *     one that cannot be used stops the start with a DataDirError naming it (the file is not touched;
 *     a missing file is a fresh install and fine);
 *   - every document's files are read (nothing is repaired yet); documents refused for damage are
 *     logged and listed in /healthz, and do not stop the start: they fail one by one, the rest is served.
 */
import type { DocumentStorageError } from '../../lib/storage/DocumentStorageError';
import type { Logger } from '../logger';

/** A store file the data dir holds, and a read that loads and checks it. */
export interface StoreFile {
  readonly path: string;
  read(): Promise<unknown>;
}

export class DataDirError extends Error {
  override readonly name = 'DataDirError';

  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface DataDirCheck {
  readonly files: readonly StoreFile[];
  readonly documents: { checkAll(): Promise<DocumentStorageError[]> };
  readonly logger: Pick<Logger, 'error'>;
}

export async function checkDataDir({ files, documents, logger }: DataDirCheck): Promise<void> {
  for (const file of files) {
    try {
      await file.read();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const named = reason.includes(file.path) ? reason : `cannot read ${file.path}: ${reason}`;
      throw new DataDirError(
        file.path,
        `Samskriv did not start: ${named} (the file was left untouched; repair it or restore it from a backup, then start again).`,
        { cause: error },
      );
    }
  }
  for (const damage of await documents.checkAll()) {
    logger.error(
      { doc: damage.documentId, problem: damage.problem, file: damage.path },
      `a document's stored files are damaged: it is refused until they are repaired (${damage.message})`,
    );
  }
}
