/**
 * A document's attribution, folded from its stamps: per Yjs client, which author first delivered
 * each clock range (the first stamp that claims a clock wins: a client re-sending items, or another
 * connection reusing its client id, never takes over what is already attributed), and per author
 * the sessions (stored updates less than SESSION_GAP_MS apart). Folding is deterministic, so a
 * room that folds its stored stamps at load has exactly the table it had before a restart.
 */
import { decodeAttribution, encodeTable } from './stampCodec';
import { SESSION_GAP_MS, type AttributedRange, type AuthorKey, type AuthorSession, type Stamp } from './model';

interface MutableRange {
  readonly client: number;
  from: number;
  to: number;
  readonly by: AuthorKey;
  at: number;
  last: number;
}

interface MutableSession {
  readonly by: AuthorKey;
  from: number;
  to: number;
  edits: number;
}

export class AuthorshipTable {
  private readonly byClient = new Map<number, MutableRange[]>();
  private readonly byAuthor = new Map<AuthorKey, MutableSession[]>();

  /** A table folded from stored attribution bytes (stamps and tables, in stored order). */
  static fromStored(stored: Iterable<Uint8Array>, onBad?: (error: unknown) => void): AuthorshipTable {
    const table = new AuthorshipTable();
    for (const bytes of stored) table.foldStored(bytes, onBad);
    return table;
  }

  /** Folds one stamp: its ranges (where not yet attributed) and one edit in its author's sessions. */
  add(stamp: Stamp): void {
    for (const range of stamp.ranges) this.addRange({ ...range, by: stamp.by, at: stamp.at, last: stamp.at });
    this.addSession({ by: stamp.by, from: stamp.at, to: stamp.at, edits: 1 });
  }

  /** Folds stored bytes (a stamp or a table). Malformed bytes are reported and skipped: unknown, never wrong. */
  foldStored(bytes: Uint8Array, onBad?: (error: unknown) => void): void {
    let decoded: ReturnType<typeof decodeAttribution>;
    try {
      decoded = decodeAttribution(bytes);
    } catch (error) {
      onBad?.(error);
      return;
    }
    if (decoded.kind === 'stamp') return this.add(decoded.stamp);
    for (const range of decoded.table.ranges) this.addRange(range);
    for (const session of decoded.table.sessions) this.addSession(session);
  }

  /** The attributed range holding clock `clock` of `client`, or null (unknown: written before stamps, or never stamped). */
  authorOf(client: number, clock: number): AttributedRange | null {
    const list = this.byClient.get(client);
    if (!list) return null;
    const index = firstEndingAfter(list, clock);
    const range = list[index];
    return range && range.from <= clock ? range : null;
  }

  ranges(): AttributedRange[] {
    return [...this.byClient.values()].flatMap((list) => list.map((range) => ({ ...range })));
  }

  sessions(): AuthorSession[] {
    return [...this.byAuthor.values()].flatMap((list) => list.map((session) => ({ ...session })));
  }

  encode(): Uint8Array {
    return encodeTable({ ranges: this.ranges(), sessions: this.sessions() });
  }

  private addRange(range: AttributedRange): void {
    if (range.to <= range.from) return;
    let list = this.byClient.get(range.client);
    if (!list) this.byClient.set(range.client, (list = []));
    const tail = list[list.length - 1];
    if (!tail || range.from >= tail.to) {
      // The usual case: a client's clocks only grow, so its new ranges come after what is known.
      if (tail && tail.to === range.from && tail.by === range.by && range.at >= tail.at && range.at - tail.last < SESSION_GAP_MS) {
        tail.to = range.to;
        tail.last = Math.max(tail.last, range.last);
      } else {
        list.push({ ...range });
      }
      return;
    }
    // Out of order (tables merged from several nodes): only the clocks nobody claimed yet.
    const gaps: MutableRange[] = [];
    let cursor = range.from;
    for (let i = firstEndingAfter(list, range.from); cursor < range.to && i < list.length && list[i]!.from < range.to; i++) {
      const known = list[i]!;
      if (known.from > cursor) gaps.push({ ...range, from: cursor, to: known.from });
      cursor = Math.max(cursor, known.to);
    }
    if (cursor < range.to) gaps.push({ ...range, from: cursor, to: range.to });
    for (const gap of gaps) list.splice(firstEndingAfter(list, gap.from), 0, gap);
  }

  private addSession(session: AuthorSession): void {
    let list = this.byAuthor.get(session.by);
    if (!list) this.byAuthor.set(session.by, (list = []));
    const tail = list[list.length - 1];
    if (!tail || session.from >= tail.from) {
      if (tail && session.from - tail.to < SESSION_GAP_MS) {
        tail.to = Math.max(tail.to, session.to);
        tail.edits += session.edits;
      } else {
        list.push({ ...session });
      }
      return;
    }
    // Out of order: insert, then join what now lies within the gap of each other.
    list.push({ ...session });
    list.sort((a, b) => a.from - b.from);
    const joined: MutableSession[] = [];
    for (const next of list) {
      const last = joined[joined.length - 1];
      if (last && next.from - last.to < SESSION_GAP_MS) {
        last.to = Math.max(last.to, next.to);
        last.edits += next.edits;
      } else joined.push(next);
    }
    this.byAuthor.set(session.by, joined);
  }
}

/** The index of the first range whose end lies after `clock` (ranges are sorted and disjoint). */
function firstEndingAfter(list: readonly MutableRange[], clock: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.to <= clock) low = mid + 1;
    else high = mid;
  }
  return low;
}
