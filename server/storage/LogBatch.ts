/**
 * The records of one group commit. Each append frames its update straight into the batch's
 * buffer (header and checksum computed once, into the bytes that are written), so the write
 * needs no concatenation; and every append of the batch returns the batch's one promise, which
 * settles when the write does (reactions run in the order they were attached, i.e. call order).
 */
import { RECORD_HEADER_BYTES, writeRecord } from '../../lib/storage/logRecord';

const INITIAL_CAPACITY = 4096;
/** A buffer grown past this by one large batch is dropped afterwards rather than kept. */
export const REUSABLE_CAPACITY = 64 * 1024;

export class LogBatch {
  readonly kind = 'batch';
  /** Framed records in `buffer[0, bytes)`. */
  buffer: Uint8Array;
  bytes = 0;
  readonly done: Promise<void>;
  private resolveDone: () => void = noop;
  private rejectDone: (error: unknown) => void = noop;

  /** `spare`: an earlier batch's buffer, written and free again. */
  constructor(spare: Uint8Array | null) {
    this.buffer = spare ?? new Uint8Array(INITIAL_CAPACITY);
    this.done = new Promise<void>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
  }

  /** Frames a copy of `update` after the records already in the batch. */
  add(update: Uint8Array): void {
    const end = this.bytes + RECORD_HEADER_BYTES + update.byteLength;
    if (end > this.buffer.byteLength) {
      const grown = new Uint8Array(Math.max(end, this.buffer.byteLength * 2));
      grown.set(this.buffer.subarray(0, this.bytes));
      this.buffer = grown;
    }
    this.bytes = writeRecord(this.buffer, this.bytes, update);
  }

  resolve(): void {
    this.resolveDone();
  }

  reject(error: unknown): void {
    this.rejectDone(error);
  }
}

function noop(): void {}
