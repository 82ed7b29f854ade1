/**
 * What a cold room (server/sync/Room.ts) needs from its stored bytes to answer a client that holds
 * part of the document, read at the byte level (lib/sync/updateReader.ts) instead of through Yjs's
 * struct readers, which build every Item: for a large snapshot that is most of the first sync.
 *
 * - diffStoredUpdate: per client, the structs from the first one that ends after the client's
 *   clock on, as they are stored, and the whole delete set (as Y.diffUpdate sends). The first
 *   struct may start before that clock: Yjs integrates such a struct from the clock it lacks on
 *   (the part it has is skipped), so this is not cut to the exact clock as Y.diffUpdate does.
 * - stateVectorOfStored: as stateVectorOfUpdates (lib/sync/stateVectorCodec.ts).
 *
 * Both return null when the bytes cannot be read so (the caller uses Yjs then, which throws on
 * bytes that are really bad).
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Reader, skipStruct } from './updateReader';

interface Block {
  readonly client: number;
  readonly structs: number;
  readonly clock: number;
  readonly bytes: Uint8Array;
}

/** `stateVector` must be well-formed (Y.decodeStateVector throws on it otherwise, as Y.diffUpdate would). */
export function diffStoredUpdate(update: Uint8Array, stateVector: Uint8Array): Uint8Array | null {
  const known = Y.decodeStateVector(stateVector);
  const blocks: Block[] = [];
  let deleteSetStart: number;
  try {
    const reader = new Reader(update);
    const count = reader.varUint();
    for (let b = 0; b < count; b++) {
      const structs = reader.varUint();
      const client = reader.varUint();
      let clock = reader.varUint();
      const has = known.get(client) ?? 0;
      let cut: { at: number; clock: number; left: number } | null = null;
      for (let i = 0; i < structs; i++) {
        const at = reader.pos;
        const length = skipStruct(reader);
        if (cut === null && clock + length > has) cut = { at, clock, left: structs - i };
        clock += length;
      }
      if (cut) blocks.push({ client, structs: cut.left, clock: cut.clock, bytes: update.subarray(cut.at, reader.pos) });
    }
    deleteSetStart = reader.pos;
    skipDeleteSet(reader);
  } catch {
    return null;
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, blocks.length);
  for (const block of blocks) {
    encoding.writeVarUint(encoder, block.structs);
    encoding.writeVarUint(encoder, block.client);
    encoding.writeVarUint(encoder, block.clock);
    encoding.writeUint8Array(encoder, block.bytes);
  }
  encoding.writeUint8Array(encoder, update.subarray(deleteSetStart));
  return encoding.toUint8Array(encoder);
}

export function stateVectorOfStored(updates: readonly Uint8Array[]): Uint8Array | null {
  const clocks = new Map<number, number>();
  try {
    for (const update of updates) {
      const reader = new Reader(update);
      const count = reader.varUint();
      for (let b = 0; b < count; b++) {
        const structs = reader.varUint();
        const client = reader.varUint();
        const start = reader.varUint();
        // As Y.parseUpdateMeta: from the block's first clock to the end of its last struct.
        let end = start;
        for (let i = 0; i < structs; i++) end += skipStruct(reader);
        const reached = clocks.get(client) ?? 0;
        if (start <= reached && end > reached) clocks.set(client, end);
      }
      skipDeleteSet(reader);
    }
  } catch {
    return null;
  }
  return Y.encodeStateVector(clocks);
}

/** Reads past a v1 delete set, which must end the update. */
function skipDeleteSet(reader: Reader): void {
  const clients = reader.varUint();
  for (let c = 0; c < clients; c++) {
    reader.varUint();
    const ranges = reader.varUint();
    for (let i = 0; i < ranges; i++) {
      reader.varUint();
      reader.varUint();
    }
  }
  if (reader.pos !== reader.bytes.length) throw new Error('bytes after the delete set');
}
