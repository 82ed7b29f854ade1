/**
 * Framing of update-log records: `[u32 LE payload length][u32 LE crc32 of payload][payload]`.
 * The checksum lets a reader tell a whole record from one torn by a crash mid-write; the length
 * bound keeps a garbage length from being trusted.
 *
 * Log segments are preallocated with zeros (server/storage/LogSegment.ts), so a zero length
 * header marks the end of the data; payloads are therefore never empty. A file that ends
 * exactly after its last record (written before preallocation) reads the same.
 */
import { crc32 } from './crc32';
import { zeroTailStart } from './zeroTailStart';

export const RECORD_HEADER_BYTES = 8;

/** Largest payload a log record may carry. Far above any sane Yjs update; below absurd. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export interface DecodedRecords {
  /** Whole, checksum-valid payloads, in order (views into the input, not copies). */
  readonly records: Uint8Array[];
  /** Bytes from the start of the input that hold whole records: where the next record goes. */
  readonly validBytes: number;
  /** True when non-zero bytes follow the last whole record (incomplete, corrupt or absurd). */
  readonly torn: boolean;
  /** End of those non-zero bytes (only zeros follow); `validBytes` when there are none. */
  readonly tornEnd: number;
}

/** Bytes a record framing `payload` takes. */
export function recordBytes(payload: Uint8Array): number {
  return RECORD_HEADER_BYTES + payload.byteLength;
}

/**
 * Frames `payload` into `target` at `offset` (the header computed once, straight into the
 * buffer that is written) and returns the offset after it. `target` must have room for it.
 */
export function writeRecord(target: Uint8Array, offset: number, payload: Uint8Array, maxBytes = MAX_RECORD_BYTES): number {
  const length = payload.byteLength;
  if (length === 0) throw new RangeError('a log record cannot be empty: a zero length marks the end of the data');
  if (length > maxBytes) throw new RangeError(`record payload of ${length} bytes exceeds the limit of ${maxBytes}`);
  const checksum = crc32(payload);
  target[offset] = length & 0xff;
  target[offset + 1] = (length >>> 8) & 0xff;
  target[offset + 2] = (length >>> 16) & 0xff;
  target[offset + 3] = length >>> 24;
  target[offset + 4] = checksum & 0xff;
  target[offset + 5] = (checksum >>> 8) & 0xff;
  target[offset + 6] = (checksum >>> 16) & 0xff;
  target[offset + 7] = checksum >>> 24;
  target.set(payload, offset + RECORD_HEADER_BYTES);
  return offset + RECORD_HEADER_BYTES + length;
}

/** One framed record holding a copy of `payload`. */
export function encodeRecord(payload: Uint8Array, maxBytes = MAX_RECORD_BYTES): Uint8Array {
  if (payload.byteLength > maxBytes) {
    throw new RangeError(`record payload of ${payload.byteLength} bytes exceeds the limit of ${maxBytes}`);
  }
  const out = new Uint8Array(recordBytes(payload));
  writeRecord(out, 0, payload, maxBytes);
  return out;
}

/**
 * Every whole record from the start of `buffer`, stopping at a zero length (the end of the data)
 * or at the first record that is incomplete, fails its checksum or claims more than `maxBytes`:
 * after a crash only the tail can be torn, and nothing after a bad record can be trusted to be
 * framed correctly.
 */
export function decodeRecords(buffer: Uint8Array, maxBytes = MAX_RECORD_BYTES): DecodedRecords {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const records: Uint8Array[] = [];
  let offset = 0;
  while (buffer.byteLength - offset >= RECORD_HEADER_BYTES) {
    const length = view.getUint32(offset, true);
    if (length === 0) break;
    const checksum = view.getUint32(offset + 4, true);
    const start = offset + RECORD_HEADER_BYTES;
    if (length > maxBytes || length > buffer.byteLength - start) break;
    if (crc32(buffer, start, start + length) !== checksum) break;
    // A plain Uint8Array view even when the input is a Buffer, so callers see one type.
    records.push(new Uint8Array(buffer.buffer, buffer.byteOffset + start, length));
    offset = start + length;
  }
  const tornEnd = zeroTailStart(buffer, offset);
  return { records, validBytes: offset, torn: tornEnd > offset, tornEnd };
}
