import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../lib/storage/crc32';
import {
  MAX_RECORD_BYTES,
  RECORD_HEADER_BYTES,
  decodeRecords,
  encodeRecord,
  recordBytes,
  writeRecord,
} from '../../../lib/storage/logRecord';
import { zeroTailStart } from '../../../lib/storage/zeroTailStart';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const texts = (records: Uint8Array[]): string[] => records.map((r) => new TextDecoder().decode(r));
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it.runIf(typeof (zlib as { crc32?: unknown }).crc32 === 'function')('agrees with zlib on random data and on sub-ranges', () => {
    const zcrc = (zlib as unknown as { crc32(data: Uint8Array): number }).crc32;
    const data = new Uint8Array(4099).map((_, i) => (i * 7919 + 13) % 256);
    expect(crc32(data)).toBe(zcrc(data));
    expect(crc32(data, 100, 2000)).toBe(zcrc(data.subarray(100, 2000)));
    // Every length around the eight-byte steps, from every alignment.
    for (let start = 0; start < 9; start++)
      for (let length = 0; length <= 33; length++)
        expect(crc32(data, start, start + length)).toBe(zcrc(data.subarray(start, start + length)));
  });
});

describe('log record framing', () => {
  const log = concat(encodeRecord(bytes('first')), encodeRecord(bytes('2')), encodeRecord(bytes('third record')));

  it('frames a payload as length, crc32 and the payload', () => {
    const record = encodeRecord(bytes('abc'));
    const view = new DataView(record.buffer);
    expect(record.byteLength).toBe(RECORD_HEADER_BYTES + 3);
    expect(view.getUint32(0, true)).toBe(3);
    expect(view.getUint32(4, true)).toBe(crc32(bytes('abc')));
    expect(texts([record.subarray(8)])).toEqual(['abc']);
  });

  it('frames into a buffer at an offset, exactly like encodeRecord', () => {
    const target = new Uint8Array(64).fill(0xee);
    const end = writeRecord(target, 5, bytes('abc'));
    expect(end).toBe(5 + recordBytes(bytes('abc')));
    expect(target.subarray(5, end)).toEqual(encodeRecord(bytes('abc')));
    expect(target[4]).toBe(0xee);
    expect(target[end]).toBe(0xee);
  });

  it('refuses to frame an empty payload (a zero length marks the end of the data)', () => {
    expect(() => encodeRecord(new Uint8Array(0))).toThrow(RangeError);
    expect(() => writeRecord(new Uint8Array(16), 0, new Uint8Array(0))).toThrow(RangeError);
  });

  it('decodes every whole record in order', () => {
    const decoded = decodeRecords(log);
    expect(texts(decoded.records)).toEqual(['first', '2', 'third record']);
    expect(decoded.validBytes).toBe(log.byteLength);
    expect(decoded.torn).toBe(false);
  });

  it('decodes an empty buffer as no records and no tear', () => {
    expect(decodeRecords(new Uint8Array(0))).toEqual({ records: [], validBytes: 0, torn: false, tornEnd: 0 });
  });

  it('takes zeros after the last record for the clean end of a preallocated segment', () => {
    for (const zeros of [1, 7, 8, 9, 4096]) {
      const decoded = decodeRecords(concat(log, new Uint8Array(zeros)));
      expect(texts(decoded.records), `${zeros} zeros`).toEqual(['first', '2', 'third record']);
      expect(decoded).toMatchObject({ validBytes: log.byteLength, torn: false, tornEnd: log.byteLength });
    }
    expect(decodeRecords(new Uint8Array(1 << 20))).toMatchObject({ records: [], validBytes: 0, torn: false });
  });

  it('stops at a zero length and calls the non-zero bytes after it torn, up to where only zeros follow', () => {
    // A batch whose first page never reached the disk but whose second did: zeros, then data.
    const written = concat(encodeRecord(bytes('kept')), new Uint8Array(20), bytes('late'), new Uint8Array(100));
    const decoded = decodeRecords(written);
    expect(texts(decoded.records)).toEqual(['kept']);
    expect(decoded).toMatchObject({ validBytes: 12, torn: true, tornEnd: 12 + 20 + 4 });
  });

  it('ends a torn record at its last non-zero byte when zeros follow it', () => {
    const whole = encodeRecord(bytes('whole'));
    const torn = encodeRecord(bytes('torn record')).subarray(0, 14);
    const decoded = decodeRecords(concat(whole, torn, new Uint8Array(1000)));
    expect(texts(decoded.records)).toEqual(['whole']);
    expect(decoded).toMatchObject({ validBytes: whole.byteLength, torn: true, tornEnd: whole.byteLength + 14 });
  });

  it('returns plain Uint8Array views also for a Buffer input', () => {
    const [record] = decodeRecords(Buffer.from(encodeRecord(bytes('x')))).records;
    expect(record!.constructor).toBe(Uint8Array);
  });

  it('cuts a torn last record at every byte offset, keeping the records before it', () => {
    const lastStart = log.byteLength - (RECORD_HEADER_BYTES + 'third record'.length);
    for (let end = lastStart; end < log.byteLength; end++) {
      const decoded = decodeRecords(log.subarray(0, end));
      expect(texts(decoded.records), `cut at ${end}`).toEqual(['first', '2']);
      expect(decoded.validBytes).toBe(lastStart);
      expect(decoded.torn).toBe(end > lastStart);
    }
  });

  it('stops at a record whose payload fails its checksum', () => {
    for (let i = RECORD_HEADER_BYTES; i < RECORD_HEADER_BYTES + 5; i++) {
      const damaged = log.slice();
      damaged[i]! ^= 0x01;
      const decoded = decodeRecords(damaged);
      expect(decoded.records).toEqual([]);
      expect(decoded).toMatchObject({ validBytes: 0, torn: true });
    }
  });

  it('stops at a record whose stored checksum is damaged', () => {
    const damaged = log.slice();
    damaged[4]! ^= 0x80;
    expect(decodeRecords(damaged)).toMatchObject({ records: [], validBytes: 0, torn: true });
  });

  it('treats an absurd length as a torn tail instead of trusting it', () => {
    const garbage = new Uint8Array(RECORD_HEADER_BYTES + 16);
    new DataView(garbage.buffer).setUint32(0, 0xfffffff0, true);
    const decoded = decodeRecords(concat(encodeRecord(bytes('ok')), garbage));
    expect(texts(decoded.records)).toEqual(['ok']);
    expect(decoded.torn).toBe(true);
  });

  it('refuses a length over the bound even when the bytes are there', () => {
    const record = encodeRecord(bytes('0123456789'));
    expect(decodeRecords(record, 9)).toMatchObject({ records: [], validBytes: 0, torn: true });
    expect(decodeRecords(record, 10).records).toHaveLength(1);
  });

  it('refuses to encode a payload above the record bound', () => {
    expect(() => encodeRecord(new Uint8Array(MAX_RECORD_BYTES + 1))).toThrow(RangeError);
    expect(() => encodeRecord(bytes('four'), 3)).toThrow(RangeError);
  });
});

describe('zeroTailStart', () => {
  it('finds where the trailing zeros begin, at any alignment of the view and of the data', () => {
    const backing = new Uint8Array(200);
    for (let viewStart = 0; viewStart < 8; viewStart++) {
      for (let lastNonZero = -1; lastNonZero < 40; lastNonZero++) {
        backing.fill(0);
        const view = backing.subarray(viewStart, viewStart + 100);
        if (lastNonZero >= 0) view[lastNonZero] = 9;
        if (lastNonZero >= 3) view[lastNonZero - 3] = 1;
        expect(zeroTailStart(view), `view at ${viewStart}, data to ${lastNonZero}`).toBe(lastNonZero + 1);
        for (const from of [0, 1, 5, 13, 50]) {
          expect(zeroTailStart(view, from), `from ${from}`).toBe(Math.max(from, lastNonZero + 1));
        }
      }
    }
  });
});
