import { describe, expect, it } from 'vitest';
import { findRecordStart } from '../../../lib/storage/findRecordStart';
import { RECORD_HEADER_BYTES, decodeRecords, encodeRecord } from '../../../lib/storage/logRecord';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
const records = ['first', 'second record', 'third', 'fourth and last'].map((text) => encodeRecord(bytes(text)));
const log = concat(...records, new Uint8Array(4096));
const secondStart = records[0]!.byteLength;
const thirdStart = secondStart + records[1]!.byteLength;

describe('findRecordStart', () => {
  it('finds the next whole record after damage at any byte of a record, whatever the damage did to its length', () => {
    for (let at = secondStart; at < thirdStart; at++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const damaged = log.slice();
        damaged[at]! ^= mask;
        const decoded = decodeRecords(damaged);
        expect(decoded.validBytes, `byte ${at}`).toBe(secondStart);
        expect(findRecordStart(damaged, decoded.validBytes + 1, decoded.tornEnd), `byte ${at}, mask ${mask}`).toBe(thirdStart);
      }
    }
  });

  it('finds none after a torn last record, at every length it could have been cut to', () => {
    const lastStart = log.byteLength - 4096 - records[3]!.byteLength;
    for (let end = lastStart + 1; end < lastStart + records[3]!.byteLength; end++) {
      const torn = concat(log.subarray(0, end), new Uint8Array(4096));
      const decoded = decodeRecords(torn);
      expect(decoded).toMatchObject({ validBytes: lastStart, torn: true });
      expect(findRecordStart(torn, decoded.validBytes + 1, decoded.tornEnd), `cut at ${end}`).toBeNull();
    }
  });

  it('finds none in a damaged last record followed by zeros', () => {
    const lastStart = log.byteLength - 4096 - records[3]!.byteLength;
    for (let at = lastStart; at < lastStart + records[3]!.byteLength; at++) {
      const damaged = log.slice();
      damaged[at]! ^= 0x10;
      const decoded = decodeRecords(damaged);
      expect(findRecordStart(damaged, decoded.validBytes + 1, decoded.tornEnd), `byte ${at}`).toBeNull();
    }
  });

  it('does not trust a length that runs past the buffer or over the bound', () => {
    const record = encodeRecord(bytes('0123456789'));
    expect(findRecordStart(concat(new Uint8Array(3).fill(7), record), 0, 3 + RECORD_HEADER_BYTES)).toBe(3);
    expect(findRecordStart(concat(new Uint8Array(3).fill(7), record), 0, 3 + RECORD_HEADER_BYTES, 9)).toBeNull();
    expect(findRecordStart(record.subarray(0, record.byteLength - 1), 0, record.byteLength)).toBeNull();
  });

  it('gives up as undecided rather than spend quadratic time on garbage full of plausible lengths', () => {
    // Every offset claims a length that fits but no checksum matches.
    const garbage = new Uint8Array(64 * 1024);
    const view = new DataView(garbage.buffer);
    for (let offset = 0; offset + 4 <= garbage.byteLength; offset += 4) view.setUint32(offset, 40_000, true);
    expect(findRecordStart(garbage, 0, garbage.byteLength)).toBe('undecided');
  });
});
