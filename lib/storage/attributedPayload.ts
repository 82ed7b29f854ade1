/**
 * How an update and its attribution (lib/authorship) share ONE stored record, so they are durable
 * together: `MAGIC | varuint length | attribution | update`. A record without the magic is a bare
 * update (everything stored before attribution existed, and appends that carry none).
 *
 * The magic cannot begin a Yjs (v1) update: read as one, its first varuint says 2^35 - 1 client
 * groups follow, each at least 3 bytes, far beyond MAX_RECORD_BYTES and the u32 framing; and the
 * record stores' JSON payloads are UTF-8, where 0xff never occurs.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const MAGIC = [0xff, 0xff, 0xff, 0xff, 0x7f] as const;

export interface AttributedPayload {
  readonly update: Uint8Array;
  /** null: stored without attribution. */
  readonly attribution: Uint8Array | null;
}

export function encodeAttributedPayload(update: Uint8Array, attribution: Uint8Array | undefined): Uint8Array {
  if (!attribution || attribution.byteLength === 0) return update;
  const encoder = encoding.createEncoder();
  for (const byte of MAGIC) encoding.writeUint8(encoder, byte);
  encoding.writeVarUint8Array(encoder, attribution);
  encoding.writeUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Splits a stored payload; a bare update comes back as it is (no copy). */
export function decodeAttributedPayload(payload: Uint8Array): AttributedPayload {
  if (!hasMagic(payload)) return { update: payload, attribution: null };
  const decoder = decoding.createDecoder(payload);
  decoder.pos = MAGIC.length;
  const attribution = decoding.readVarUint8Array(decoder);
  return { update: payload.subarray(decoder.pos), attribution };
}

function hasMagic(payload: Uint8Array): boolean {
  if (payload.byteLength <= MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (payload[i] !== MAGIC[i]) return false;
  return true;
}
