/**
 * Checks a client's Yjs update before it may touch a room's Y.Doc or the store. `Y.applyUpdate`
 * on garbage can fail halfway through a transaction, and lib0 decodes an overlong varint as NaN,
 * which Yjs then stores as a client id; so the whole update is decoded first and every id,
 * clock and length must be a safe integer.
 */
import * as Y from 'yjs';

export type ValidatedUpdate =
  { readonly ok: true; readonly structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip> } | { readonly ok: false; readonly error: string };

const isClock = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;
const isId = (id: Y.ID | null): boolean => id === null || (isClock(id.client) && isClock(id.clock));

export function validateUpdate(update: Uint8Array): ValidatedUpdate {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { ok: false, error: 'undecodable' };
  }
  for (const struct of decoded.structs) {
    if (!isId(struct.id) || !Number.isSafeInteger(struct.length) || struct.length < 1) return { ok: false, error: 'bad-struct-id' };
    if (!Number.isSafeInteger(struct.id.clock + struct.length)) return { ok: false, error: 'bad-struct-id' };
    if (struct instanceof Y.Item) {
      if (!isId(struct.origin) || !isId(struct.rightOrigin)) return { ok: false, error: 'bad-origin' };
      if (struct.parent instanceof Y.ID && !isId(struct.parent)) return { ok: false, error: 'bad-parent' };
      // Samskriv documents have no subdocuments; a client must not plant one.
      if (struct.content instanceof Y.ContentDoc) return { ok: false, error: 'subdocument' };
    }
  }
  for (const [client, deletes] of decoded.ds.clients) {
    if (!isClock(client)) return { ok: false, error: 'bad-delete-set' };
    for (const item of deletes) {
      if (!isClock(item.clock) || !isClock(item.len) || !Number.isSafeInteger(item.clock + item.len))
        return { ok: false, error: 'bad-delete-set' };
    }
  }
  return { ok: true, structs: decoded.structs };
}

/**
 * For the `saved` ack: the clock just past the last struct of each client in the update, as
 * `Y.encodeStateVectorFromUpdate` would give it if it did not ignore updates that start above
 * clock 0 (every incremental edit does).
 */
export function endClocks(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>): Map<number, number> {
  const ends = new Map<number, number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const end = struct.id.clock + struct.length;
    if (end > (ends.get(struct.id.client) ?? 0)) ends.set(struct.id.client, end);
  }
  return ends;
}
