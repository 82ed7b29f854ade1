/**
 * Every document directory under `dir` whose files `check` refuses with DocumentStorageError, so a
 * damaged document is known (in /healthz, in the log) at start rather than when someone opens it.
 * One document at a time: each read holds that document's whole log in memory.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidDocumentId } from '../../lib/documentId';
import { DocumentStorageError } from '../../lib/storage/DocumentStorageError';

export async function findDamagedDocuments(
  dir: string,
  check: (documentDir: string, documentId: string) => Promise<void>,
): Promise<DocumentStorageError[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const damaged: DocumentStorageError[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || !isValidDocumentId(entry.name)) continue;
    try {
      await check(join(dir, entry.name), entry.name);
    } catch (error) {
      if (!(error instanceof DocumentStorageError)) throw error;
      damaged.push(error);
    }
  }
  return damaged;
}
