/**
 * Which history a local copy belongs to, and what the editor does with it. The server bumps a
 * document's epoch when its history is reset or restored (DocumentService.resetHistory); a copy of
 * another epoch must never be connected, or its old history would merge back in. Pure.
 */

export type LocalCopyDecision =
  /** No usable local copy: open from the server, and stay read-only until it has answered. */
  | { readonly kind: 'fresh' }
  /** Open from the local copy at once (editable), then connect naming its epoch. */
  | { readonly kind: 'local'; readonly epoch: number }
  /**
   * The copy belongs to another history (or to none we can tell): keep its text for the person to
   * copy, delete it, and open afresh from the server.
   */
  | { readonly kind: 'stale'; readonly localEpoch: number | null; readonly serverEpoch: number | null };

export interface LocalCopyFacts {
  /** The epoch the local copy was synced under (set after its first sync with the server); null: never synced. */
  readonly storedEpoch: number | null;
  /** The server's current epoch as the page was rendered; null when unknown (a page from the offline cache). */
  readonly pageEpoch: number | null;
  /** Whether the local copy holds any of the document. */
  readonly hasContent: boolean;
}

export function decideLocalCopy({ storedEpoch, pageEpoch, hasContent }: LocalCopyFacts): LocalCopyDecision {
  if (storedEpoch === null) {
    // Content without an epoch (the epoch is recorded before the first connect, so this is a copy
    // written some other way): its history is unknown and it is not merged blindly.
    return hasContent ? { kind: 'stale', localEpoch: null, serverEpoch: pageEpoch } : { kind: 'fresh' };
  }
  if (pageEpoch !== null && pageEpoch !== storedEpoch) return { kind: 'stale', localEpoch: storedEpoch, serverEpoch: pageEpoch };
  // An empty copy is a first open that never got the server's content: wait for the server (the
  // server seeds templates; an offline first open must not start a blank document of its own).
  return hasContent ? { kind: 'local', epoch: storedEpoch } : { kind: 'fresh' };
}

/**
 * Before each connect the editor learns the server's epoch (from the sync-token answer). The
 * epoch to name at connect, or 'stale' when the open copy belongs to another history.
 * `pinned`: the epoch the open doc's history belongs to (the local copy's, or that of its first
 * accepted connection); null while nothing has pinned it (a fresh doc that never connected).
 */
export function epochForConnect(pinned: number | null, serverEpoch: number | null): number | 'stale' | null {
  if (pinned === null) return serverEpoch;
  if (serverEpoch !== null && serverEpoch !== pinned) return 'stale';
  return pinned;
}

/** A valid epoch: an integer from 1 up (as the sync server accepts it). */
export function isEpoch(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}
