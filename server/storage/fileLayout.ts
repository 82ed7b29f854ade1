/**
 * Names of the files FileDocumentStore keeps in `<dir>/<documentId>/`, and the small file-system
 * steps it needs to make a rename or a new file durable (fsync of the directory).
 */
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Document bodies are people's writing: readable by the server's user only. */
export const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

export const SNAPSHOT_FILE = 'snapshot.bin';
export const SNAPSHOT_TEMP_FILE = 'snapshot.bin.tmp';

/** Log segments are numbered from 1; the number is zero-padded so names sort like numbers. */
export const FIRST_SEGMENT = 1;
const SEGMENT = /^log-(\d{10})\.bin$/;

export function segmentFileName(segment: number): string {
  return `log-${String(segment).padStart(10, '0')}.bin`;
}

/** The segment number of a log segment file name, or null for any other file. */
export function parseSegmentFileName(name: string): number | null {
  const match = SEGMENT.exec(name);
  return match ? Number(match[1]) : null;
}

/** A file-name-safe timestamp for files moved aside (`…torn-2026-11-03T10-15-00-000Z`). */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Makes a directory's entries (a created, renamed or deleted file) durable. Some file systems
 * cannot fsync a directory (EINVAL); there the rename is as durable as that file system allows.
 */
export async function fsyncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
  } finally {
    await handle.close();
  }
}

/** mkdir -p, then fsync the parent of every level it created so the new directories survive a crash. */
export async function ensureDirectory(path: string): Promise<boolean> {
  const created = await mkdir(path, { recursive: true, mode: DIRECTORY_MODE });
  if (created === undefined) return false;
  for (let level = path; ; level = dirname(level)) {
    await fsyncDirectory(dirname(level));
    if (level === created || dirname(level) === level) break;
  }
  return true;
}
