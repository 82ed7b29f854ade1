/**
 * Reads and checks everything in the data dir at start, so damage is found by the operator starting
 * it rather than by the first person whose page answers 500:
 *   - every store file (meta.json, people.json, …) is read and checked against its schema before the
 *     server listens; the first one that cannot be used stops the start with a DataDirError naming it
 *     (the file is not touched; a missing file is a fresh install and fine);
 *   - every document's files are read (nothing is repaired yet) in the background: that reads the whole
 *     data dir, so it does not hold up serving. Documents refused for damage are logged and listed in
 *     /healthz as the check finds them; they fail one by one, the rest is served. A damaged document
 *     opened before the check reaches it is refused all the same (its own first read finds the damage).
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

export interface DataDirChecked {
  /** Settles once every document was read (never rejects: a failure to read the data dir is logged). */
  readonly documentsChecked: Promise<void>;
}

/** Resolves once the store files are checked; the documents' check goes on in the background. */
export async function checkDataDir({ files, documents, logger }: DataDirCheck): Promise<DataDirChecked> {
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
  return { documentsChecked: checkDocuments(documents, logger) };
}

async function checkDocuments(documents: DataDirCheck['documents'], logger: DataDirCheck['logger']): Promise<void> {
  try {
    for (const damage of await documents.checkAll()) {
      logger.error(
        { doc: damage.documentId, problem: damage.problem, file: damage.path },
        `a document's stored files are damaged: it is refused until they are repaired (${damage.message})`,
      );
    }
  } catch (error) {
    logger.error({ err: error }, 'could not check the stored documents at start; each is still checked when it is opened');
  }
}
