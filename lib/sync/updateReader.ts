/**
 * Reads v1 updates at the byte level: client blocks and struct boundaries, without building Items
 * (Yjs's own readers decode and allocate every struct, which costs ten times as much). Shared by
 * concatUpdates and diffStoredUpdate. Every read is bounds-checked; bad bytes throw NotALog.
 */
import * as decoding from 'lib0/decoding';

const BITS5 = 0x1f;
const ORIGIN = 0x80;
const RIGHT_ORIGIN = 0x40;
const PARENT_SUB = 0x20;
/** Content types that carry a key after their type ref (YXmlElement, YXmlHook). */
const KEYED_TYPE_REFS = new Set([3, 5]);
/** A Skip struct's info (a gap in a merged update). */
export const SKIP_REF = 10;

export class NotALog extends Error {}

/** A read position in one update; every read is bounds-checked (a bad length throws NotALog). */
export class Reader {
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

/** Reads past one struct; returns how many clocks it spans. */
export function skipStruct(reader: Reader): number {
  const info = reader.byte();
  const ref = info & BITS5;
  // GC and Skip: a length.
  if (ref === 0 || ref === SKIP_REF) return reader.varUint();
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
