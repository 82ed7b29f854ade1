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
import * as encoding from 'lib0/encoding';
import { NotALog, Reader, skipStruct } from './updateReader';

/** A client's structs so far: where they start, where they end, and the byte ranges that hold them. */
interface ClientRun {
  readonly start: number;
  end: number;
  structs: number;
  readonly parts: Uint8Array[];
}

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
    // Headers encoded, the runs copied once into a buffer of the exact size (ten thousand small
    // writes into a growing encoder cost more than the reading did).
    const pieces: Uint8Array[] = [];
    const count = encoding.createEncoder();
    encoding.writeVarUint(count, this.runs.size);
    pieces.push(encoding.toUint8Array(count));
    for (const [client, run] of this.runs) {
      const header = encoding.createEncoder();
      encoding.writeVarUint(header, run.structs);
      encoding.writeVarUint(header, client);
      encoding.writeVarUint(header, run.start);
      pieces.push(encoding.toUint8Array(header));
      for (const part of run.parts) pieces.push(part);
    }
    const deleteSet = encoding.createEncoder();
    encoding.writeVarUint(deleteSet, this.deletes.size);
    for (const [client, ranges] of this.deletes) {
      const merged = mergeRanges(ranges);
      encoding.writeVarUint(deleteSet, client);
      encoding.writeVarUint(deleteSet, merged.length);
      for (const [clock, length] of merged) {
        encoding.writeVarUint(deleteSet, clock);
        encoding.writeVarUint(deleteSet, length);
      }
    }
    pieces.push(encoding.toUint8Array(deleteSet));
    let total = 0;
    for (const piece of pieces) total += piece.byteLength;
    const out = new Uint8Array(total);
    let offset = 0;
    for (const piece of pieces) {
      out.set(piece, offset);
      offset += piece.byteLength;
    }
    return out;
  }
}

export function concatUpdates(updates: readonly Uint8Array[]): Uint8Array | null {
  const joined = new UpdateConcatenation();
  for (const update of updates) if (!joined.add(update)) return null;
  return joined.encode();
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
