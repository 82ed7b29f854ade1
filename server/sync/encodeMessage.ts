/**
 * Outbound frames, each built once into an exact-size buffer (no growable encoder, no copy at
 * the end) so a broadcast hands the very same bytes to every socket. They are Node Buffers
 * (typed as Uint8Array) because `ws` wraps any other view in a new Buffer on every send.
 */
import { MessageType, SyncStep } from '../../lib/protocol';

const varUintSize = (n: number): number => {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
};

function writeVarUint(target: Uint8Array, pos: number, n: number): number {
  while (n >= 0x80) {
    target[pos++] = (n % 128) | 0x80;
    n = Math.floor(n / 128);
  }
  target[pos++] = n;
  return pos;
}

/** `type [, subtype]`, then `payload` as a varUint8Array. Types and subtypes are single bytes (< 128). */
function frame(type: number, subtype: number | null, payload: Uint8Array): Uint8Array {
  const head = subtype === null ? 1 : 2;
  const out: Uint8Array = Buffer.allocUnsafe(head + varUintSize(payload.length) + payload.length);
  out[0] = type;
  if (subtype !== null) out[1] = subtype;
  out.set(payload, writeVarUint(out, head, payload.length));
  return out;
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array => frame(MessageType.sync, SyncStep.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => frame(MessageType.sync, SyncStep.step2, update);
export const encodeSyncUpdate = (update: Uint8Array): Uint8Array => frame(MessageType.sync, SyncStep.update, update);
export const encodeAwareness = (awarenessUpdate: Uint8Array): Uint8Array => frame(MessageType.awareness, null, awarenessUpdate);

/** The `saved` ack (see lib/protocol.ts): a state vector of the clocks now durable. */
export function encodeSaved(clocks: ReadonlyMap<number, number>): Uint8Array {
  let size = varUintSize(clocks.size);
  for (const [client, clock] of clocks) size += varUintSize(client) + varUintSize(clock);
  const stateVector = new Uint8Array(size);
  let pos = writeVarUint(stateVector, 0, clocks.size);
  for (const [client, clock] of clocks) {
    pos = writeVarUint(stateVector, pos, client);
    pos = writeVarUint(stateVector, pos, clock);
  }
  return frame(MessageType.saved, null, stateVector);
}

/** The `commentsChanged` notice (see lib/protocol.ts): varuint 101, varuint revision. */
export function encodeCommentsChanged(revision: number): Uint8Array {
  const out: Uint8Array = Buffer.allocUnsafe(1 + varUintSize(revision));
  out[0] = MessageType.commentsChanged;
  writeVarUint(out, 1, revision);
  return out;
}
