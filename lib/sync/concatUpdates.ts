/**
 * Joins v1 updates into one without decoding their content, when that is exactly what merging
 * them would describe: a document's log, where each record is what the document emitted for one
 * transaction, holds per client a run of structs that starts where that client's previous run
 * ended. Then the joined update is each client's runs one after the other (a v1 struct is
 * self-contained: its origins are absolute ids) and the records' delete sets, merged.
 *
 * Cheap where `Y.mergeUpdates` is not: it skips over each struct's bytes (a few varuints and one
 * length per struct) instead of building and re-encoding Items, so ten thousand records take
 * milliseconds, not a hundred of them. Adjacent items are not merged into one, so the result is
 * larger than a merge's; applying it gives the same document.
 *
 * Returns null when the updates are not such a log (a client's run starts before or after where
 * its previous one ended: records stored twice, or left out, or from another writer), or cannot
 * be read: the caller merges them properly then (Y.mergeUpdates, which also throws on bad bytes).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** A client's structs so far: where they start, where they end, and the byte ranges that hold them. */
interface ClientRun {
  readonly start: number;
  end: number;
  structs: number;
  readonly parts: Uint8Array[];
}

const BITS5 = 0x1f;
const ORIGIN = 0x80;
const RIGHT_ORIGIN = 0x40;
const PARENT_SUB = 0x20;
/** Content types that carry a key after their type ref (YXmlElement, YXmlHook). */
const KEYED_TYPE_REFS = new Set([3, 5]);

class NotALog extends Error {}

/** The joined update, built one update at a time (so a caller can spread the work over turns). */
export class UpdateConcatenation {
  private readonly runs = new Map<number, ClientRun>();
  private readonly deletes = new Map<number, Array<[number, number]>>();
  private failed = false;

  /** Adds the next update; false (and nothing is added from then on) when they are not a log. */
  add(update: Uint8Array): boolean {
    if (this.failed) return false;
    try {
      readInto(update, this.runs, this.deletes);
      return true;
    } catch {
      this.failed = true;
      return false;
    }
  }

  /** The updates added so far as one; null after `add` returned false. */
  encode(): Uint8Array | null {
    if (this.failed) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, this.runs.size);
    for (const [client, run] of this.runs) {
      encoding.writeVarUint(encoder, run.structs);
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, run.start);
      for (const part of run.parts) encoding.writeUint8Array(encoder, part);
    }
    encoding.writeVarUint(encoder, this.deletes.size);
    for (const [client, ranges] of this.deletes) {
      const merged = mergeRanges(ranges);
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, merged.length);
      for (const [clock, length] of merged) {
        encoding.writeVarUint(encoder, clock);
        encoding.writeVarUint(encoder, length);
      }
    }
    return encoding.toUint8Array(encoder);
  }
}

export function concatUpdates(updates: readonly Uint8Array[]): Uint8Array | null {
  const joined = new UpdateConcatenation();
  for (const update of updates) if (!joined.add(update)) return null;
  return joined.encode();
}

/** A read position in one update; every read is bounds-checked (a bad length throws NotALog). */
class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  byte(): number {
    if (this.pos >= this.bytes.length) throw new NotALog();
    return this.bytes[this.pos++] as number;
  }

  varUint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
      if (scale > 2 ** 53) throw new NotALog();
    }
  }

  /** A varuint length and that many bytes; returns where they start. */
  skipBytes(): number {
    const length = this.varUint();
    const from = this.pos;
    if (from + length > this.bytes.length) throw new NotALog();
    this.pos = from + length;
    return from;
  }
}

function readInto(update: Uint8Array, runs: Map<number, ClientRun>, deletes: Map<number, Array<[number, number]>>): void {
  const reader = new Reader(update);
  const blocks = reader.varUint();
  for (let b = 0; b < blocks; b++) {
    const structs = reader.varUint();
    const client = reader.varUint();
    const clock = reader.varUint();
    const from = reader.pos;
    let length = 0;
    for (let i = 0; i < structs; i++) length += skipStruct(reader);
    if (structs === 0) continue;
    let run = runs.get(client);
    if (run === undefined) {
      run = { start: clock, end: clock, structs: 0, parts: [] };
      runs.set(client, run);
    } else if (run.end !== clock) throw new NotALog();
    run.end += length;
    run.structs += structs;
    run.parts.push(update.subarray(from, reader.pos));
  }
  const clients = reader.varUint();
  for (let c = 0; c < clients; c++) {
    const client = reader.varUint();
    const count = reader.varUint();
    let ranges = deletes.get(client);
    if (ranges === undefined) deletes.set(client, (ranges = []));
    for (let i = 0; i < count; i++) {
      const clock = reader.varUint();
      const length = reader.varUint();
      if (length > 0) ranges.push([clock, length]);
    }
  }
  if (reader.pos !== update.length) throw new NotALog();
}

/** Reads past one struct; returns how many clocks it spans. */
function skipStruct(reader: Reader): number {
  const info = reader.byte();
  const ref = info & BITS5;
  // GC and Skip: a length.
  if (ref === 0 || ref === 10) return reader.varUint();
  if (info & ORIGIN) skipId(reader);
  if (info & RIGHT_ORIGIN) skipId(reader);
  if ((info & (ORIGIN | RIGHT_ORIGIN)) === 0) {
    // Parent: a root type's name, or an item's id; then the key in a map, if any.
    if (reader.varUint() === 1) reader.skipBytes();
    else skipId(reader);
    if (info & PARENT_SUB) reader.skipBytes();
  }
  switch (ref) {
    case 1: // deleted
      return reader.varUint();
    case 2: {
      // JSON: a count of strings
      const count = reader.varUint();
      for (let i = 0; i < count; i++) reader.skipBytes();
      return count;
    }
    case 3: // binary
    case 5: // embed (JSON string)
      reader.skipBytes();
      return 1;
    case 4: {
      // string: its length in UTF-16 code units
      const from = reader.skipBytes();
      return utf16Length(reader.bytes, from, reader.pos);
    }
    case 6: // format: key, JSON value
      reader.skipBytes();
      reader.skipBytes();
      return 1;
    case 7: // a shared type
      if (KEYED_TYPE_REFS.has(reader.varUint())) reader.skipBytes();
      return 1;
    case 8: {
      // any: a count of values (rare in a body: read with lib0)
      const count = reader.varUint();
      const decoder = decoding.createDecoder(reader.bytes);
      decoder.pos = reader.pos;
      for (let i = 0; i < count; i++) decoding.readAny(decoder);
      reader.pos = decoder.pos;
      return count;
    }
    case 9: {
      // a subdocument: guid, options
      reader.skipBytes();
      const decoder = decoding.createDecoder(reader.bytes);
      decoder.pos = reader.pos;
      decoding.readAny(decoder);
      reader.pos = decoder.pos;
      return 1;
    }
    default:
      throw new NotALog();
  }
}

function skipId(reader: Reader): void {
  reader.varUint();
  reader.varUint();
}

/** What `string.length` is for UTF-8 bytes `[from, to)` (lib0 writes them well-formed). */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [clock, length] of ranges) {
    const last = merged.at(-1);
    if (last && clock <= last[0] + last[1]) last[1] = Math.max(last[1], clock + length - last[0]);
    else merged.push([clock, length]);
  }
  return merged;
}
