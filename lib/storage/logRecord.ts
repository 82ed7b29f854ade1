/**
 * Framing of update-log records: `[u32 LE payload length][u32 LE crc32 of payload][payload]`.
 * The checksum lets a reader tell a whole record from one torn by a crash mid-write; the length
 * bound keeps a garbage length from being trusted.
 */
import { crc32 } from './crc32';

export const RECORD_HEADER_BYTES = 8;

/** Largest payload a log record may carry. Far above any sane Yjs update; below absurd. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export interface DecodedRecords {
  /** Whole, checksum-valid payloads, in order (views into the input, not copies). */
  readonly records: Uint8Array[];
  /** Bytes from the start of the input that hold whole records; the rest is a torn tail. */
  readonly validBytes: number;
  /** True when bytes follow the last whole record (incomplete, corrupt or absurd). */
  readonly torn: boolean;
}

/** One framed record holding a copy of `payload`. */
export function encodeRecord(payload: Uint8Array, maxBytes = MAX_RECORD_BYTES): Uint8Array {
  if (payload.byteLength > maxBytes) {
    throw new RangeError(`record payload of ${payload.byteLength} bytes exceeds the limit of ${maxBytes}`);
  }
  const out = new Uint8Array(RECORD_HEADER_BYTES + payload.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, payload.byteLength, true);
  view.setUint32(4, crc32(payload), true);
  out.set(payload, RECORD_HEADER_BYTES);
  return out;
}

/**
 * Every whole record from the start of `buffer`, stopping at the first one that is incomplete,
 * fails its checksum or claims more than `maxBytes`: after a crash only the tail can be torn,
 * and nothing after a bad record can be trusted to be framed correctly.
 */
export function decodeRecords(buffer: Uint8Array, maxBytes = MAX_RECORD_BYTES): DecodedRecords {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const records: Uint8Array[] = [];
  let offset = 0;
  while (buffer.byteLength - offset >= RECORD_HEADER_BYTES) {
    const length = view.getUint32(offset, true);
    const checksum = view.getUint32(offset + 4, true);
    const start = offset + RECORD_HEADER_BYTES;
    if (length > maxBytes || length > buffer.byteLength - start) break;
    if (crc32(buffer, start, start + length) !== checksum) break;
    // A plain Uint8Array view even when the input is a Buffer, so callers see one type.
    records.push(new Uint8Array(buffer.buffer, buffer.byteOffset + start, length));
    offset = start + length;
  }
  return { records, validBytes: offset, torn: offset < buffer.byteLength };
}
