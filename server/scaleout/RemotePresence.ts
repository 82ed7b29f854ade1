/**
 * Presence states of one document's clients on OTHER nodes, so a joiner here is shown who is
 * there without waiting for their next renewal (~15 s). y-protocols' rules: a higher clock wins,
 * a null state removes (kept as a tombstone with its clock, so a late older message cannot bring it
 * back). A state nobody renewed within the timeout is left out (its node may be gone).
 */
import { encodeAwarenessEntries, type AwarenessEntry } from '../sync/awarenessRewrite';
import { encodeAwareness } from '../sync/encodeMessage';
import { DecodeError, StrictReader } from '../sync/strictDecoding';

interface Remote extends AwarenessEntry {
  readonly bytes: number;
  readonly seenAt: number;
}

export interface RemotePresenceLimits {
  readonly timeoutMs: number;
  /** What a joiner is sent at most, in bytes of state. */
  readonly replayMaxBytes: number;
}

export class RemotePresence {
  private readonly states = new Map<number, Remote>();

  constructor(
    private readonly limits: RemotePresenceLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes an awareness update from another node; false (and nothing taken) when it is malformed. */
  apply(update: Uint8Array): boolean {
    const entries = decodeAwarenessEntries(update);
    if (!entries) return false;
    const now = this.clock();
    for (const entry of entries) {
      const current = this.states.get(entry.clientId);
      if (current && current.clock > entry.clock) continue;
      if (current && current.clock === entry.clock && entry.json !== 'null') continue;
      this.states.set(entry.clientId, { ...entry, bytes: Buffer.byteLength(entry.json), seenAt: now });
    }
    return true;
  }

  /** A frame with the live states (up to the replay limit), or null. */
  encodeAll(): Uint8Array | null {
    const cutoff = this.clock() - this.limits.timeoutMs;
    const live: AwarenessEntry[] = [];
    let budget = this.limits.replayMaxBytes;
    for (const [clientId, state] of this.states) {
      if (state.seenAt <= cutoff) {
        this.states.delete(clientId);
        continue;
      }
      if (state.json === 'null' || state.bytes > budget) continue;
      budget -= state.bytes;
      live.push({ clientId, clock: state.clock, json: state.json });
    }
    return live.length === 0 ? null : encodeAwareness(encodeAwarenessEntries(live, live.length));
  }
}

/** A y-protocols awareness update's entries, read strictly; null when it is not one. */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] | null {
  const reader = new StrictReader(update);
  try {
    const count = reader.varUint();
    if (count * 3 > reader.remaining) return null;
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) entries.push({ clientId: reader.varUint(), clock: reader.varUint(), json: reader.varString() });
    reader.end();
    return entries;
  } catch (error) {
    if (error instanceof DecodeError) return null;
    throw error;
  }
}
