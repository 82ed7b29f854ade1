/**
 * The snapshot file format: 8 magic bytes, then ONE framed record (length + crc32) whose payload
 * is `[u32 LE first live log segment][Yjs update]`. The segment number says which log segments
 * the snapshot covers (all below it), so a crash between the snapshot's rename and the deletion
 * of the covered segments never applies them twice or loses them.
 */
import { decodeRecords, encodeRecord } from '../../lib/storage/logRecord';

const MAGIC = new TextEncoder().encode('SKSNAP01');
/** A snapshot is one record, so it may be as large as the framing allows (u32 length). */
const MAX_SNAPSHOT_RECORD = 0xffffffff;

export interface SnapshotContents {
  /** Log segments numbered below this are covered by the snapshot. */
  readonly firstLiveSegment: number;
  readonly update: Uint8Array;
}

export function encodeSnapshotFile(firstLiveSegment: number, update: Uint8Array): Uint8Array {
  const payload = new Uint8Array(4 + update.byteLength);
  new DataView(payload.buffer).setUint32(0, firstLiveSegment, true);
  payload.set(update, 4);
  const record = encodeRecord(payload, MAX_SNAPSHOT_RECORD);
  const file = new Uint8Array(MAGIC.byteLength + record.byteLength);
  file.set(MAGIC, 0);
  file.set(record, MAGIC.byteLength);
  return file;
}

/** The snapshot in `file`, or null when it is not exactly one whole, checksum-valid snapshot. */
export function decodeSnapshotFile(file: Uint8Array): SnapshotContents | null {
  if (file.byteLength < MAGIC.byteLength) return null;
  for (let i = 0; i < MAGIC.byteLength; i++) if (file[i] !== MAGIC[i]) return null;
  const body = file.subarray(MAGIC.byteLength);
  const { records, validBytes } = decodeRecords(body, MAX_SNAPSHOT_RECORD);
  const payload = records[0];
  // Exactly one record and nothing after it, not even the zeros a log segment may end with.
  if (validBytes !== body.byteLength || records.length !== 1 || !payload || payload.byteLength < 4) return null;
  const firstLiveSegment = new DataView(payload.buffer, payload.byteOffset, 4).getUint32(0, true);
  return { firstLiveSegment, update: payload.subarray(4) };
}
