/**
 * Reads one document's directory: the snapshot, then every live log segment in order. A segment
 * is records followed by zeros (its preallocated, unused space; none in files written before
 * preallocation): zeros after the last whole record are its clean end. With `repair` (only when
 * nothing is writing to the document) it also finishes what a crash interrupted: a torn tail
 * (non-zero bytes after the last whole record) is cut off at that record (the non-zero bytes are
 * kept beside the segment as `<segment>.torn-<timestamp>` and a warning is logged), segments a
 * snapshot already covers are deleted, and a snapshot temp file that was never renamed is removed.
 *
 * Bad bytes followed by a whole record in the same segment are not a torn tail but damage in the
 * middle of the log (a flipped bit, a damaged length): the document is refused, as for a damaged
 * snapshot, and nothing is cut or moved. Across segments a bad tail is expected: after a failed
 * write the writer leaves that segment as it is and goes on in the next one (DocumentLog).
 */
import { open, readdir, readFile, truncate, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { decodeRecords } from '../../lib/storage/logRecord';
import { findRecordStart } from '../../lib/storage/findRecordStart';
import { DocumentStorageError } from '../../lib/storage/DocumentStorageError';
import { decodeSnapshotFile } from './snapshotFile';
import { FILE_MODE, FIRST_SEGMENT, SNAPSHOT_FILE, SNAPSHOT_TEMP_FILE, fileStamp, fsyncDirectory, parseSegmentFileName } from './fileLayout';

export interface StoreLogger {
  warn(obj: object, msg?: string): void;
}

export interface DocumentFiles {
  /** The snapshot's Yjs update, or null when there is no snapshot. */
  readonly snapshot: Uint8Array | null;
  /** Segments numbered below this are covered by the snapshot. */
  readonly firstLiveSegment: number;
  /** Log records after the snapshot, in the order they were appended. */
  readonly records: Uint8Array[];
  readonly recordBytes: number;
  /** The highest live segment file, or null when there is none. */
  readonly lastSegment: number | null;
  /** Where its records end (after a repair: where the next one goes). */
  readonly lastSegmentEnd: number;
  /** Its size; from `lastSegmentEnd` on it holds zeros (after a repair). */
  readonly lastSegmentSize: number;
}

export interface ReadOptions {
  readonly repair: boolean;
  readonly logger?: StoreLogger;
}

/** Everything stored for the document, or null when its directory does not exist. */
export async function readDocumentFiles(dir: string, documentId: string, options: ReadOptions): Promise<DocumentFiles | null> {
  const fail = (path: string, error: unknown): never => {
    if (error instanceof DocumentStorageError) throw error;
    throw new DocumentStorageError(documentId, 'unreadable', path, `cannot read stored files: ${(error as Error).message}`, {
      cause: error,
    });
  };

  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return fail(dir, error);
  }

  let snapshot: Uint8Array | null = null;
  let firstLiveSegment = FIRST_SEGMENT;
  if (names.includes(SNAPSHOT_FILE)) {
    const path = join(dir, SNAPSHOT_FILE);
    const contents = decodeSnapshotFile(await readFile(path).catch((error: unknown) => fail(path, error)));
    if (!contents) {
      // Refuse rather than fall back to the log alone: that would serve a document missing
      // everything the snapshot held, and the next compaction would make the loss permanent.
      throw new DocumentStorageError(
        documentId,
        'corrupt',
        path,
        'the snapshot is damaged (bad magic, length or checksum); the document is not loaded and the file is left untouched',
      );
    }
    snapshot = contents.update;
    firstLiveSegment = contents.firstLiveSegment;
  }
  if (options.repair && names.includes(SNAPSHOT_TEMP_FILE)) {
    // A compaction that crashed before its rename: the old snapshot and the log still hold it all.
    await unlink(join(dir, SNAPSHOT_TEMP_FILE)).catch((error: unknown) => warnCleanup(options, documentId, SNAPSHOT_TEMP_FILE, error));
  }

  const segments = names
    .map((name) => ({ name, segment: parseSegmentFileName(name) }))
    .filter((entry): entry is { name: string; segment: number } => entry.segment !== null)
    .sort((a, b) => a.segment - b.segment);
  const records: Uint8Array[] = [];
  let recordBytes = 0;
  let lastSegment: number | null = null;
  let lastSegmentEnd = 0;
  let lastSegmentSize = 0;
  const highest = segments.at(-1)?.segment;
  for (const { name, segment } of segments) {
    const path = join(dir, name);
    if (segment < firstLiveSegment) {
      // A compaction that crashed after its rename: the snapshot covers this segment.
      if (options.repair) await unlink(path).catch((error: unknown) => warnCleanup(options, documentId, name, error));
      continue;
    }
    const bytes = await readFile(path).catch((error: unknown) => fail(path, error));
    const decoded = decodeRecords(bytes);
    if (decoded.torn) refuseDamageInside(documentId, path, bytes, decoded.validBytes, decoded.tornEnd);
    let size = bytes.byteLength;
    if (decoded.torn && options.repair) {
      await cutTornTail(path, bytes, decoded.validBytes, decoded.tornEnd).catch((error: unknown) => fail(path, error));
      size = decoded.validBytes;
      options.logger?.warn(
        {
          documentId,
          segment: name,
          keptBytes: decoded.validBytes,
          cutBytes: decoded.tornEnd - decoded.validBytes,
          keptRecords: decoded.records.length,
        },
        'cut a torn tail off a document log (a crash interrupted a write); the cut bytes are kept beside it as .torn-*',
      );
    } else if (options.repair && segment !== highest && size > decoded.validBytes) {
      // Zeros preallocated in a segment that is never written again (its writer moved on after
      // a failed write or a failed compaction, then the process stopped): only disk space. Not
      // synced: if a crash undoes the cut, the zeros read as the end of the data again.
      await truncate(path, decoded.validBytes).catch(noop);
    }
    // Without repair, a torn tail is a write still in flight (or one this process already gave
    // up on and moved past): the whole records before it are the state to read.
    for (const record of decoded.records) {
      records.push(record);
      recordBytes += record.byteLength;
    }
    lastSegment = segment;
    lastSegmentEnd = decoded.validBytes;
    lastSegmentSize = size;
  }

  return { snapshot, firstLiveSegment, records, recordBytes, lastSegment, lastSegmentEnd, lastSegmentSize };
}

/**
 * Saves the torn bytes aside (nothing non-zero is deleted unseen; the zeros after them are the
 * segment's preallocated space), then truncates the segment durably after its last whole record,
 * so the next writer continues exactly there and nothing stale is left behind what it writes.
 */
async function cutTornTail(path: string, bytes: Uint8Array, validBytes: number, tornEnd: number): Promise<void> {
  await writeFile(`${path}.torn-${fileStamp()}`, bytes.subarray(validBytes, tornEnd), { flush: true, mode: FILE_MODE });
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(validBytes);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await fsyncDirectory(dirname(path));
}

/** Throws when whole records follow the bad bytes at `badAt`: see the top of this file. */
function refuseDamageInside(documentId: string, path: string, bytes: Uint8Array, badAt: number, dataEnd: number): void {
  const next = findRecordStart(bytes, badAt + 1, dataEnd);
  if (next === null) return;
  const after =
    next === 'undecided' ? 'whole records may follow it (the search for them gave up)' : `whole records follow from byte ${next}`;
  throw new DocumentStorageError(
    documentId,
    'corrupt',
    path,
    `the log is damaged at byte ${badAt} and ${after}; the document is not loaded (it would lose them) and its files are left untouched`,
  );
}

function noop(): void {}

function warnCleanup(options: ReadOptions, documentId: string, file: string, error: unknown): void {
  options.logger?.warn({ documentId, file, err: error }, 'could not remove a file left over by an interrupted compaction');
}
