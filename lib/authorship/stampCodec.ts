/**
 * The bytes of a stamp (one stored update's) and of a folded table (beside a snapshot). The store
 * keeps them opaque; the first byte says which. lib0 varints: a stamp of one keystroke is ~40 bytes.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AttributedRange, AuthorKey, AuthorSession, ClockRange, Stamp } from './model';

export const STAMP_KIND = 1;
export const TABLE_KIND = 2;
/** Author keys are ids with a prefix; anything longer is not one of ours. */
const MAX_AUTHOR_KEY = 256;

export interface TableContents {
  readonly ranges: readonly AttributedRange[];
  readonly sessions: readonly AuthorSession[];
}

export type StoredAttribution =
  { readonly kind: 'stamp'; readonly stamp: Stamp } | { readonly kind: 'table'; readonly table: TableContents };

export function encodeStamp(stamp: Stamp): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, STAMP_KIND);
  encoding.writeVarString(encoder, stamp.by);
  encoding.writeVarUint(encoder, stamp.at);
  encoding.writeVarUint(encoder, stamp.ranges.length);
  for (const range of stamp.ranges) {
    encoding.writeVarUint(encoder, range.client);
    encoding.writeVarUint(encoder, range.from);
    encoding.writeVarUint(encoder, range.to - range.from);
  }
  return encoding.toUint8Array(encoder);
}

export function encodeTable(table: TableContents): Uint8Array {
  const authors = new Map<AuthorKey, number>();
  const indexOf = (by: AuthorKey): number => {
    let index = authors.get(by);
    if (index === undefined) authors.set(by, (index = authors.size));
    return index;
  };
  for (const range of table.ranges) indexOf(range.by);
  for (const session of table.sessions) indexOf(session.by);
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, TABLE_KIND);
  encoding.writeVarUint(encoder, authors.size);
  for (const by of authors.keys()) encoding.writeVarString(encoder, by);
  encoding.writeVarUint(encoder, table.ranges.length);
  for (const range of table.ranges) {
    encoding.writeVarUint(encoder, range.client);
    encoding.writeVarUint(encoder, range.from);
    encoding.writeVarUint(encoder, range.to - range.from);
    encoding.writeVarUint(encoder, indexOf(range.by));
    encoding.writeVarUint(encoder, range.at);
    encoding.writeVarUint(encoder, range.last - range.at);
  }
  encoding.writeVarUint(encoder, table.sessions.length);
  for (const session of table.sessions) {
    encoding.writeVarUint(encoder, indexOf(session.by));
    encoding.writeVarUint(encoder, session.from);
    encoding.writeVarUint(encoder, session.to - session.from);
    encoding.writeVarUint(encoder, session.edits);
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes either kind; throws on anything malformed (the caller treats it as no attribution). */
export function decodeAttribution(bytes: Uint8Array): StoredAttribution {
  const decoder = decoding.createDecoder(bytes);
  const kind = decoding.readUint8(decoder);
  let result: StoredAttribution;
  if (kind === STAMP_KIND) {
    const by = readAuthor(decoder);
    const at = readCount(decoder);
    const ranges: ClockRange[] = [];
    for (let n = readCount(decoder, bytes.length); n > 0; n--) {
      const client = readCount(decoder);
      const from = readCount(decoder);
      ranges.push({ client, from, to: from + readCount(decoder) });
    }
    result = { kind: 'stamp', stamp: { by, at, ranges } };
  } else if (kind === TABLE_KIND) {
    const authors: AuthorKey[] = [];
    for (let n = readCount(decoder, bytes.length); n > 0; n--) authors.push(readAuthor(decoder));
    const author = (): AuthorKey => {
      const found = authors[readCount(decoder)];
      if (found === undefined) throw new RangeError('attribution names an unknown author');
      return found;
    };
    const ranges: AttributedRange[] = [];
    for (let n = readCount(decoder, bytes.length); n > 0; n--) {
      const client = readCount(decoder);
      const from = readCount(decoder);
      const to = from + readCount(decoder);
      const by = author();
      const at = readCount(decoder);
      ranges.push({ client, from, to, by, at, last: at + readCount(decoder) });
    }
    const sessions: AuthorSession[] = [];
    for (let n = readCount(decoder, bytes.length); n > 0; n--) {
      const by = author();
      const from = readCount(decoder);
      sessions.push({ by, from, to: from + readCount(decoder), edits: readCount(decoder) });
    }
    result = { kind: 'table', table: { ranges, sessions } };
  } else {
    throw new RangeError(`unknown attribution kind ${kind}`);
  }
  if (decoding.hasContent(decoder)) throw new RangeError('trailing bytes after the attribution');
  return result;
}

/** A varint that is a safe, non-negative integer (and, for counts of entries, no more than the bytes could hold). */
function readCount(decoder: decoding.Decoder, atMost = Number.MAX_SAFE_INTEGER): number {
  const value = decoding.readVarUint(decoder);
  if (!Number.isSafeInteger(value) || value < 0 || value > atMost) throw new RangeError('bad number in attribution');
  return value;
}

function readAuthor(decoder: decoding.Decoder): AuthorKey {
  const by = decoding.readVarString(decoder);
  if (by.length === 0 || by.length > MAX_AUTHOR_KEY) throw new RangeError('bad author in attribution');
  return by;
}

/**
 * The attribution stored with one update: a stamp when everything it brought is its deliverer's
 * (the usual case), else a table (items held back from earlier deliveries integrated with it).
 */
export function encodeRecordAttribution(by: AuthorKey, at: number, attributed: readonly AttributedRange[]): Uint8Array {
  if (attributed.every((range) => range.by === by && range.at === at))
    return encodeStamp({ by, at, ranges: attributed.map(({ client, from, to }) => ({ client, from, to })) });
  return encodeTable({ ranges: attributed, sessions: [{ by, from: at, to: at, edits: 1 }] });
}
