/** The folded table: first claim wins, sessions by gap, and the encoding round-trips (restart, compaction). */
import { describe, expect, it } from 'vitest';
import { AuthorshipTable } from '../../../lib/authorship/AuthorshipTable';
import { SESSION_GAP_MS } from '../../../lib/authorship/model';
import { decodeAttribution, encodeRecordAttribution, encodeStamp } from '../../../lib/authorship/stampCodec';
import { decodeAttributedPayload, encodeAttributedPayload } from '../../../lib/storage/attributedPayload';

const MIN = 60_000;

describe('AuthorshipTable', () => {
  it('gives each clock to the first stamp that claims it, and joins a person’s contiguous typing', () => {
    const table = new AuthorshipTable();
    table.add({ by: 'person:a', at: 0, ranges: [{ client: 1, from: 0, to: 5 }] });
    table.add({ by: 'person:a', at: MIN, ranges: [{ client: 1, from: 5, to: 9 }] });
    // A later claim of stored clocks (a re-send) changes nothing; new clocks of the same client are the sender's.
    table.add({ by: 'person:b', at: 2 * MIN, ranges: [{ client: 1, from: 3, to: 12 }] });
    expect(table.ranges()).toEqual([
      { client: 1, from: 0, to: 9, by: 'person:a', at: 0, last: MIN },
      { client: 1, from: 9, to: 12, by: 'person:b', at: 2 * MIN, last: 2 * MIN },
    ]);
    expect(table.authorOf(1, 8)?.by).toBe('person:a');
    expect(table.authorOf(1, 9)?.by).toBe('person:b');
    expect(table.authorOf(1, 12)).toBeNull();
    expect(table.authorOf(2, 0)).toBeNull();
  });

  it('fills only the gaps when claims arrive out of order (tables merged from several nodes)', () => {
    const table = new AuthorshipTable();
    table.add({ by: 'person:a', at: 10, ranges: [{ client: 1, from: 10, to: 20 }] });
    table.add({ by: 'person:b', at: 5, ranges: [{ client: 1, from: 0, to: 30 }] });
    expect(table.ranges().map((r) => [r.from, r.to, r.by])).toEqual([
      [0, 10, 'person:b'],
      [10, 20, 'person:a'],
      [20, 30, 'person:b'],
    ]);
  });

  it('groups one author’s edits into sessions less than the gap apart, deletions included', () => {
    const table = new AuthorshipTable();
    table.add({ by: 'person:a', at: 0, ranges: [{ client: 1, from: 0, to: 1 }] });
    table.add({ by: 'person:a', at: 10 * MIN, ranges: [] });
    table.add({ by: 'person:b', at: 11 * MIN, ranges: [{ client: 2, from: 0, to: 1 }] });
    table.add({ by: 'person:a', at: 10 * MIN + SESSION_GAP_MS, ranges: [{ client: 1, from: 1, to: 2 }] });
    expect(table.sessions()).toEqual([
      { by: 'person:a', from: 0, to: 10 * MIN, edits: 2 },
      { by: 'person:a', from: 10 * MIN + SESSION_GAP_MS, to: 10 * MIN + SESSION_GAP_MS, edits: 1 },
      { by: 'person:b', from: 11 * MIN, to: 11 * MIN, edits: 1 },
    ]);
  });

  it('folds its own encoding to the same table, and stamps in stored order to the same table again', () => {
    const stamps = [
      encodeStamp({ by: 'person:a', at: 1000, ranges: [{ client: 3, from: 0, to: 4 }] }),
      encodeStamp({ by: 'key:k1', at: 2000, ranges: [{ client: 4, from: 0, to: 2 }] }),
      encodeRecordAttribution('person:b', 3000, [
        { client: 5, from: 0, to: 1, by: 'person:b', at: 3000, last: 3000 },
        { client: 6, from: 0, to: 2, by: 'person:c', at: 2500, last: 2500 },
      ]),
    ];
    const table = AuthorshipTable.fromStored(stamps);
    const again = AuthorshipTable.fromStored([table.encode()]);
    expect(again.ranges()).toEqual(table.ranges());
    expect(again.sessions()).toEqual(table.sessions());
    expect(table.authorOf(6, 1)?.by).toBe('person:c');
    // A compaction's table followed by later stamps folds as the stamps alone would.
    const split = AuthorshipTable.fromStored([AuthorshipTable.fromStored(stamps.slice(0, 2)).encode(), stamps[2]!]);
    expect(split.ranges()).toEqual(table.ranges());
  });

  it('skips malformed attribution (unknown, never wrong) and reports it', () => {
    const bad: unknown[] = [];
    const table = AuthorshipTable.fromStored(
      [new Uint8Array([9, 9, 9]), encodeStamp({ by: 'person:a', at: 1, ranges: [] }).slice(0, 3)],
      (error) => bad.push(error),
    );
    expect(bad).toHaveLength(2);
    expect(table.ranges()).toEqual([]);
    expect(() => decodeAttribution(new Uint8Array([1]))).toThrow();
  });
});

describe('attributedPayload', () => {
  it('keeps bare updates as they are and splits an attributed record', () => {
    const update = new Uint8Array([1, 2, 3, 4]);
    expect(encodeAttributedPayload(update, undefined)).toBe(update);
    expect(decodeAttributedPayload(update)).toEqual({ update, attribution: null });
    const stamp = encodeStamp({ by: 'person:a', at: 5, ranges: [{ client: 1, from: 0, to: 1 }] });
    const payload = encodeAttributedPayload(update, stamp);
    const split = decodeAttributedPayload(payload);
    expect([...split.update]).toEqual([...update]);
    expect([...split.attribution!]).toEqual([...stamp]);
  });
});
