/**
 * Presence shows who someone IS, not who they claim to be: every awareness state a connection
 * sends gets `user.name` from the actor decided at the upgrade, and `user.preferredColor` (the
 * actor's stable colour, which tells one person's tabs apart from another person's). `user.color`
 * is the browser's choice among the palette (so people in one document can have different colours,
 * lib/sync/presenceColour.ts); anything else becomes the actor's colour. Each state is parsed once
 * and stringified once here; the room stores and relays the resulting JSON as is.
 */
import * as encoding from 'lib0/encoding';
import type { SyncActor } from '../../lib/auth/authorizeSync';
import { isPersonColour } from '../../lib/auth/colourFor';
import { DecodeError, StrictReader } from './strictDecoding';

export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  /** The state as JSON ("null" when the client removes its state). */
  readonly json: string;
}

type Actor = Pick<SyncActor, 'name' | 'color'>;

/** Decodes an awareness update (y-protocols format) and forces the actor's name (and a palette colour) into every state. */
export function rewriteAwarenessUpdate(
  update: Uint8Array,
  actor: Actor,
): { ok: true; entries: AwarenessEntry[] } | { ok: false; error: string } {
  const reader = new StrictReader(update);
  try {
    const count = reader.varUint();
    // An entry takes at least three bytes (client, clock, string length).
    if (count * 3 > reader.remaining) return { ok: false, error: 'bad-awareness' };
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = reader.varUint();
      const clock = reader.varUint();
      const json = reader.varString();
      entries.push({ clientId, clock, json: rewriteState(json, actor) });
    }
    reader.end();
    return { ok: true, entries };
  } catch (error) {
    if (error instanceof DecodeError || error instanceof SyntaxError) return { ok: false, error: 'bad-awareness' };
    throw error;
  }
}

function rewriteState(json: string, actor: Actor): string {
  const state: unknown = JSON.parse(json);
  if (state === null) return 'null';
  // y-protocols allows any JSON value; every real client sends an object, and a bare value gets one.
  const base = isPlainObject(state) ? state : {};
  const user = isPlainObject(base.user) ? base.user : {};
  const color = isPersonColour(user.color) ? user.color.toLowerCase() : actor.color;
  return JSON.stringify({ ...base, user: { ...user, name: actor.name, color, preferredColor: actor.color } });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Encodes entries as a y-protocols awareness update (the payload of a `MessageType.awareness` frame). */
export function encodeAwarenessEntries(entries: Iterable<AwarenessEntry>, count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, count);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}
