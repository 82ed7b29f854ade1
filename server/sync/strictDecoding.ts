/**
 * Bounds-checked readers for hostile input. lib0's `readVarUint` returns NaN for an overlong
 * varint (0x80 × ~150 then 0x00) instead of throwing, so frames are read with these instead:
 * every reader throws `DecodeError` with a short code that is safe to log.
 */

export type DecodeErrorCode =
  | 'empty'
  | 'truncated-varint'
  | 'varint-too-long'
  | 'length-exceeds-frame'
  | 'unknown-message-type'
  | 'unknown-sync-type'
  | 'trailing-bytes'
  | 'bad-state-vector'
  | 'bad-awareness'
  | 'bad-update';

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(readonly code: DecodeErrorCode) {
    super(code);
  }
}

/** A cursor over one frame. */
export class StrictReader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  /** An unsigned LEB128 integer of at most 8 bytes (53 bits, JavaScript's safe range). */
  varUint(): number {
    const { bytes } = this;
    let value = 0;
    let multiplier = 1;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= bytes.length) throw new DecodeError('truncated-varint');
      const byte = bytes[this.pos++] as number;
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) throw new DecodeError('varint-too-long');
        return value;
      }
      multiplier *= 128;
    }
    throw new DecodeError('varint-too-long');
  }

  /** A varuint length, then that many bytes, as a view (no copy) that cannot reach past the frame. */
  varBytes(): Uint8Array {
    const length = this.varUint();
    if (length > this.remaining) throw new DecodeError('length-exceeds-frame');
    // A plain Uint8Array even when the frame is a Buffer (whose slice() would not copy).
    const view = new Uint8Array(this.bytes.buffer, this.bytes.byteOffset + this.pos, length);
    this.pos += length;
    return view;
  }

  varString(): string {
    return textDecoder.decode(this.varBytes());
  }

  end(): void {
    if (this.pos !== this.bytes.length) throw new DecodeError('trailing-bytes');
  }
}

const textDecoder = new TextDecoder();
