/**
 * Which clock ranges an incoming update brings FIRST, and to whom the ranges that a transaction
 * integrated belong. Attribution goes to the connection that first delivered the items: compared
 * with the document's state before applying, so items the document already holds (a client
 * re-sending, or another connection reusing a client id for clocks already stored) are never
 * attributed again; new clocks of a reused client id go to whoever sent them.
 *
 * Items Yjs holds back (a missing dependency) are remembered as offers of their deliverer and
 * claimed when a later update lets them integrate.
 */
import * as Y from 'yjs';
import type { AttributedRange, AuthorKey, ClockRange } from './model';

export interface Offer extends ClockRange {
  readonly by: AuthorKey;
  readonly at: number;
}

export interface Offered {
  /** Per client, the clock ranges of the update at or above the document's state. */
  readonly ranges: ClockRange[];
  /** The document's state before applying, for each client in the update. */
  readonly before: Map<number, number>;
}

/** Before applying: the ranges of `structs` (a decoded update) the document does not hold yet. */
export function offeredRanges(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>, stateOf: (client: number) => number): Offered {
  const before = new Map<number, number>();
  const ranges: ClockRange[] = [];
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const client = struct.id.client;
    let state = before.get(client);
    if (state === undefined) before.set(client, (state = stateOf(client)));
    const from = Math.max(struct.id.clock, state);
    const to = struct.id.clock + struct.length;
    if (from >= to) continue;
    const last = ranges[ranges.length - 1];
    if (last && last.client === client && last.to === from) ranges[ranges.length - 1] = { client, from: last.from, to };
    else ranges.push({ client, from, to });
  }
  return { ranges, before };
}

/** After applying: what grew for the clients in `before` (enough when nothing was pending before). */
export function grownRanges(before: ReadonlyMap<number, number>, stateOf: (client: number) => number): ClockRange[] {
  const grown: ClockRange[] = [];
  for (const [client, from] of before) {
    const to = stateOf(client);
    if (to > from) grown.push({ client, from, to });
  }
  return grown;
}

/** The ranges of an update the document emitted (a transaction's integrated structs), per client. */
export function rangesOfUpdate(update: Uint8Array): ClockRange[] {
  const { from, to } = Y.parseUpdateMeta(update);
  const ranges: ClockRange[] = [];
  for (const [client, start] of from) {
    const end = to.get(client) ?? start;
    if (end > start) ranges.push({ client, from: start, to: end });
  }
  return ranges;
}

/** Offers still waiting to integrate, kept per room; beyond this many the oldest are forgotten (unknown, never wrong). */
const MAX_PENDING_OFFERS = 10_000;

export class DeliveryLedger {
  private pending: Offer[] = [];

  /**
   * Attributes what integrated: each clock to the earliest offer that covers it (waiting offers
   * first, then this delivery's). Offers above what integrated are kept for later.
   */
  settle(
    integrated: readonly ClockRange[],
    offered: readonly ClockRange[],
    by: AuthorKey,
    at: number,
    stateOf: (client: number) => number,
  ): AttributedRange[] {
    const offers: Offer[] = this.pending.length === 0 ? [] : [...this.pending];
    for (const range of offered) offers.push({ ...range, by, at });
    const attributed: AttributedRange[] = [];
    for (const range of integrated) {
      // Clocks of this range not yet given to an offer, as [from, to) pieces.
      let open: Array<[number, number]> = [[range.from, range.to]];
      for (const offer of offers) {
        if (offer.client !== range.client || open.length === 0) continue;
        const next: Array<[number, number]> = [];
        for (const [from, to] of open) {
          const start = Math.max(from, offer.from);
          const end = Math.min(to, offer.to);
          if (start >= end) {
            next.push([from, to]);
            continue;
          }
          attributed.push({ client: range.client, from: start, to: end, by: offer.by, at: offer.at, last: offer.at });
          if (from < start) next.push([from, start]);
          if (end < to) next.push([end, to]);
        }
        open = next;
      }
    }
    attributed.sort((a, b) => a.client - b.client || a.from - b.from);
    const waiting: Offer[] = [];
    for (const offer of offers) {
      const from = Math.max(offer.from, stateOf(offer.client));
      if (from < offer.to) waiting.push(from === offer.from ? offer : { ...offer, from });
    }
    this.pending = waiting.length > MAX_PENDING_OFFERS ? waiting.slice(waiting.length - MAX_PENDING_OFFERS) : waiting;
    return attributed;
  }

  get waiting(): number {
    return this.pending.length;
  }
}
