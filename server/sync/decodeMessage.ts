/**
 * Defensive decoding of one inbound frame of the y-websocket protocol. Never throws: a malformed
 * frame becomes `{ ok: false, error }` with a short code, and the caller closes that connection.
 * Payloads are views into the frame (no copies); they end where the frame ends, and every later
 * read goes through lib0's bounds-checked views, so nothing can be read beyond them.
 */
import { MessageType, SyncStep } from '../../lib/protocol';
import { DecodeError, StrictReader, type DecodeErrorCode } from './strictDecoding';

export type SyncMessage =
  | { readonly type: 'syncStep1'; readonly stateVector: Uint8Array }
  | { readonly type: 'syncStep2'; readonly update: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array }
  | { readonly type: 'queryAwareness' };

export type DecodeResult = { readonly ok: true; readonly message: SyncMessage } | { readonly ok: false; readonly error: DecodeErrorCode };

export function decodeMessage(frame: Uint8Array): DecodeResult {
  try {
    return { ok: true, message: read(new StrictReader(frame)) };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, error: error.code };
    throw error;
  }
}

function read(reader: StrictReader): SyncMessage {
  if (reader.remaining === 0) throw new DecodeError('empty');
  const type = reader.varUint();
  switch (type) {
    case MessageType.sync: {
      const step = reader.varUint();
      const payload = reader.varBytes();
      reader.end();
      if (step === SyncStep.step1) {
        checkStateVector(payload);
        return { type: 'syncStep1', stateVector: payload };
      }
      if (step === SyncStep.step2) return { type: 'syncStep2', update: payload };
      if (step === SyncStep.update) return { type: 'update', update: payload };
      throw new DecodeError('unknown-sync-type');
    }
    case MessageType.awareness: {
      const payload = reader.varBytes();
      reader.end();
      return { type: 'awareness', update: payload };
    }
    case MessageType.queryAwareness:
      reader.end();
      return { type: 'queryAwareness' };
    default:
      // `auth` and `saved` flow server → client only; anything else is not ours.
      throw new DecodeError('unknown-message-type');
  }
}

/** A state vector: count, then (client, clock) pairs of safe integers, nothing after. */
function checkStateVector(bytes: Uint8Array): void {
  const reader = new StrictReader(bytes);
  try {
    const count = reader.varUint();
    // Each pair takes at least two bytes: a larger count is a lie about the length.
    if (count * 2 > reader.remaining) throw new DecodeError('bad-state-vector');
    for (let i = 0; i < count; i++) {
      reader.varUint();
      reader.varUint();
    }
    reader.end();
  } catch {
    throw new DecodeError('bad-state-vector');
  }
}
