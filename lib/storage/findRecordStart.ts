/**
 * Whether whole records follow a bad one. A crash can only tear the end of the data, so bytes that
 * fail to frame are a torn tail only if nothing valid comes after them; a whole, checksum-valid
 * record further on means the bad bytes sit in the middle of the data (a flipped bit, a damaged
 * length) and cutting there would silently drop everything after them.
 *
 * The reader cannot trust the bad record's length to find the next one (a damaged length would make
 * it skip or stop short), so every offset is tried: a frame whose length fits and whose payload
 * matches its CRC-32. A false match in garbage needs a 32-bit checksum to agree by chance.
 */
import { crc32 } from './crc32';
import { MAX_RECORD_BYTES, RECORD_HEADER_BYTES } from './logRecord';

/**
 * How many payload bytes the search may checksum per byte searched (plus a fixed MiB). Garbage full
 * of plausible lengths could otherwise cost quadratic time; when the budget runs out the answer is
 * 'undecided', and a reader that cannot tell refuses the data rather than cut it.
 */
const CHECKSUM_BYTES_PER_BYTE = 64;

/**
 * The first offset in `[from, to)` where a whole record starts (non-zero length within `maxBytes`,
 * payload inside `buffer`, CRC-32 matching), null when there is none, or 'undecided' (see above).
 */
export function findRecordStart(buffer: Uint8Array, from: number, to: number, maxBytes = MAX_RECORD_BYTES): number | null | 'undecided' {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const last = Math.min(to - 1, buffer.byteLength - RECORD_HEADER_BYTES - 1);
  let budget = CHECKSUM_BYTES_PER_BYTE * Math.max(0, to - from) + (1 << 20);
  for (let offset = from; offset <= last; offset++) {
    const length = view.getUint32(offset, true);
    const start = offset + RECORD_HEADER_BYTES;
    if (length === 0 || length > maxBytes || length > buffer.byteLength - start) continue;
    budget -= length;
    if (budget < 0) return 'undecided';
    if (crc32(buffer, start, start + length) === view.getUint32(offset + 4, true)) return offset;
  }
  return null;
}
