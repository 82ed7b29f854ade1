/**
 * The upgrade from LowCommentStore: on the first start with `<DATA_DIR>/comments.json` and no
 * `<DATA_DIR>/comments/`, every document's comments, revision and log entries, and the whole
 * moderation log, are written into a new store in `<DATA_DIR>/comments.importing/` (one snapshot
 * per document, the catalogue with the sha256 of the file), which is then renamed to
 * `comments/`; then comments.json is renamed to `comments.json.imported-<time>` and kept.
 *
 * A crash at any step leaves something the next start finishes without duplicates:
 *   - before the directory rename: `comments.importing/` is deleted and the import starts over;
 *   - after it, before comments.json is moved aside: `comments/` holds a catalogue naming the
 *     file's sha256, so the file is only moved aside.
 * A comments.json beside a `comments/` that was not imported from it (a backup put back by hand)
 * stops the start with a sentence naming both: which one is right is the operator's call.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModerationLogEntry } from '../../lib/comments/model';
import { isValidDocumentId } from '../../lib/documentId';
import { FileDocumentStore } from '../storage/FileDocumentStore';
import { fileStamp, fsyncDirectory } from '../storage/fileLayout';
import { CommentCatalogue } from './CommentCatalogue';
import { CommentDocState } from './CommentDocState';
import { firstOpenReport, parseCommentsData } from './commentData';
import {
  CATALOGUE_STREAM,
  COMMENT_SEGMENT_PREALLOCATION_BYTES,
  COMMENTS_JSON,
  IMPORTING_DIR,
  commentStoreDirs,
} from './commentStoreLayout';

export interface ImportOptions {
  readonly dataDir: string;
  readonly groupCommitMs: number;
  /** Documents written at once. */
  readonly parallel?: number;
  /** For the crash test: called after each document's snapshot is durable. */
  readonly afterDocument?: (documentId: string) => void | Promise<void>;
}

export interface ImportResult {
  readonly documents: number;
  readonly comments: number;
  readonly logEntries: number;
  /** Where comments.json was moved. */
  readonly keptAs: string;
}

/** Imports comments.json when there is one to import; null when there is nothing to do. */
export async function importCommentsJson(options: ImportOptions): Promise<ImportResult | null> {
  const source = join(options.dataDir, COMMENTS_JSON);
  let raw: Buffer;
  try {
    raw = await readFile(source);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read ${source}: ${(error as Error).message}`, { cause: error });
  }
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const target = commentStoreDirs(options.dataDir);
  if (await exists(target.root)) {
    const index = new FileDocumentStore({ dir: target.index, groupCommitMs: 0 });
    const catalogue = CommentCatalogue.fromRecords(await index.load(CATALOGUE_STREAM).finally(() => index.close()));
    if (catalogue.importedFrom !== sha256)
      throw new Error(
        `both ${source} and ${target.root} exist, and ${target.root} was not imported from this ${source}; move one of them out of the data dir`,
      );
    // Imported already; the start that did it stopped before moving the file aside.
    return { documents: 0, comments: 0, logEntries: 0, keptAs: await moveAside(options.dataDir, source) };
  }

  let data;
  try {
    data = parseCommentsData(JSON.parse(raw.toString('utf8')));
  } catch (error) {
    throw new Error(`cannot read ${source}: ${(error as Error).message}`, { cause: error });
  }
  const logOf = new Map<string, ModerationLogEntry[]>();
  for (const entry of data.moderationLog) {
    const entries = logOf.get(entry.documentId) ?? [];
    entries.push(entry);
    logOf.set(entry.documentId, entries);
  }
  const documentIds = [...new Set([...Object.keys(data.documents), ...logOf.keys()])];
  for (const documentId of documentIds)
    if (!isValidDocumentId(documentId)) throw new Error(`cannot read ${source}: ${JSON.stringify(documentId)} is not a document id`);

  const staging = commentStoreDirs(options.dataDir, IMPORTING_DIR);
  await rm(staging.root, { recursive: true, force: true });
  const engine = { groupCommitMs: options.groupCommitMs, segmentPreallocationBytes: COMMENT_SEGMENT_PREALLOCATION_BYTES };
  const docs = new FileDocumentStore({ ...engine, dir: staging.docs });
  const index = new FileDocumentStore({ ...engine, dir: staging.index });
  const catalogue = new CommentCatalogue();
  catalogue.importedFrom = sha256;
  let comments = 0;
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < documentIds.length) {
        const documentId = documentIds[next++]!;
        const record = Object.hasOwn(data.documents, documentId) ? data.documents[documentId] : undefined;
        const state = new CommentDocState(documentId);
        const stored = Object.values(record?.comments ?? {});
        state.put(stored);
        for (const entry of logOf.get(documentId) ?? []) state.log.push(entry);
        state.revision = record?.revision ?? 0;
        comments += stored.length;
        catalogue.apply({
          ids: { [documentId]: stored.map((comment) => comment.id) },
          open: stored.flatMap((comment) => {
            const since = firstOpenReport(comment);
            return since === null ? [] : [[comment.id, documentId, since] as const];
          }),
        });
        await docs.compact(documentId, state.snapshotBytes());
        await docs.release(documentId);
        await options.afterDocument?.(documentId);
      }
    };
    await Promise.all(Array.from({ length: options.parallel ?? 16 }, worker));
    catalogue.apply({ log: data.moderationLog });
    await index.compact(CATALOGUE_STREAM, catalogue.snapshotBytes());
  } finally {
    await docs.close();
    await index.close();
  }
  await rename(staging.root, target.root);
  await fsyncDirectory(options.dataDir);
  const keptAs = await moveAside(options.dataDir, source);
  return { documents: documentIds.length, comments, logEntries: data.moderationLog.length, keptAs };
}

async function moveAside(dataDir: string, source: string): Promise<string> {
  const keptAs = `${source}.imported-${fileStamp()}`;
  await rename(source, keptAs);
  await fsyncDirectory(dataDir);
  return keptAs;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
