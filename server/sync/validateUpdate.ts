/**
 * Checks a client's Yjs update before it may touch a room's Y.Doc or the store. `Y.applyUpdate`
 * on garbage can fail halfway through a transaction, and lib0 decodes an overlong varint as NaN,
 * which Yjs then stores as a client id; so the whole update is decoded first and every id,
 * clock and length must be a safe integer.
 *
 * Then the update must stay inside the document (UpdateScope): a new root type can only begin with
 * an item that names its root, so refusing unknown root names there keeps every other root out.
 * And nothing may come from, or refer to, a client whose history a reset retired: a stock client
 * that kept its pre-reset copy sends exactly that, and merging it would bring the old history back.
 * All of it reads only the decoded update (its structs and delete set): O(update size), never the document.
 */
import * as Y from 'yjs';
import { BODY_FRAGMENT, WORKSHOP_MAP } from '../../lib/protocol';

export type ValidatedUpdate =
  { readonly ok: true; readonly structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip> } | { readonly ok: false; readonly error: string };

export interface UpdateScope {
  /** Root names an item may name as its parent (DOCUMENT_ROOTS in production). */
  readonly roots: ReadonlySet<string>;
  /** Client ids of histories retired by resets: no struct, reference or deletion may name one. */
  readonly retired: ReadonlySet<number>;
}

/** Error codes of an update that is well-formed but outside its document. */
export const OUT_OF_SCOPE = { unknownRoot: 'unknown-shared-type', retired: 'pre-reset-state' } as const;

const isClock = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;
const isId = (id: Y.ID | null): boolean => id === null || (isClock(id.client) && isClock(id.clock));
const isPlainValue = (content: Y.Item['content']): boolean => content instanceof Y.ContentAny || content instanceof Y.ContentDeleted;

export function validateUpdate(update: Uint8Array, scope: UpdateScope): ValidatedUpdate {
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
      // The body is a list: a keyed entry on it (the root taken as a Y.Map) would be stored and shown nowhere.
      if (
        typeof struct.parent === 'string' &&
        (!scope.roots.has(struct.parent) || (struct.parent === BODY_FRAGMENT && struct.parentSub !== null))
      )
        return { ok: false, error: OUT_OF_SCOPE.unknownRoot };
      // The workshop map holds keyed plain values only: list items or nested types there are read by nobody.
      if ((struct.parent as unknown) === WORKSHOP_MAP && (struct.parentSub === null || !isPlainValue(struct.content)))
        return { ok: false, error: OUT_OF_SCOPE.unknownRoot };
    }
  }
  for (const [client, deletes] of decoded.ds.clients) {
    if (!isClock(client)) return { ok: false, error: 'bad-delete-set' };
    for (const item of deletes) {
      if (!isClock(item.clock) || !isClock(item.len) || !Number.isSafeInteger(item.clock + item.len))
        return { ok: false, error: 'bad-delete-set' };
    }
  }
  if (scope.retired.size > 0 && touchesRetired(decoded, scope.retired)) return { ok: false, error: OUT_OF_SCOPE.retired };
  return { ok: true, structs: decoded.structs };
}

/** Whether a (validated) update holds a retired client's struct, refers to one, or deletes from one. */
function touchesRetired(decoded: ReturnType<typeof Y.decodeUpdate>, retired: ReadonlySet<number>): boolean {
  for (const struct of decoded.structs) {
    if (retired.has(struct.id.client)) return true;
    if (!(struct instanceof Y.Item)) continue;
    if (struct.origin && retired.has(struct.origin.client)) return true;
    if (struct.rightOrigin && retired.has(struct.rightOrigin.client)) return true;
    if (struct.parent instanceof Y.ID && retired.has(struct.parent.client)) return true;
  }
  for (const client of decoded.ds.clients.keys()) if (retired.has(client)) return true;
  return false;
}

/** Whether a sync step 1's state vector (checked by decodeMessage) names a retired client: the sender holds pre-reset history. */
export function namesRetired(stateVector: Uint8Array, retired: ReadonlySet<number>): boolean {
  if (retired.size === 0) return false;
  for (const client of Y.decodeStateVector(stateVector).keys()) if (retired.has(client)) return true;
  return false;
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
