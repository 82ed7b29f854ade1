/**
 * Whether a log segment file holds anything but zeros at its start: a record, or the remains of a
 * torn one. A preallocated segment that never got a record is all zeros, and does not make a
 * document exist.
 */
import { open } from 'node:fs/promises';
import { RECORD_HEADER_BYTES } from '../../lib/storage/logRecord';

export async function segmentHasData(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    // Deleted since the directory was listed (a compaction or a release removed it).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(RECORD_HEADER_BYTES), 0, RECORD_HEADER_BYTES, 0);
    return buffer.subarray(0, bytesRead).some((byte) => byte !== 0);
  } finally {
    await handle.close();
  }
}
