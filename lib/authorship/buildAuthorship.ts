/**
 * Who wrote which part of the body now, from the document's state and its folded attribution:
 * the body walked as ProseMirror sees it (walkBody), each item's id looked up in the table, runs
 * of one author joined. Pure: names come resolved (resolveAuthors) by the caller.
 */
import type { Schema } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import type { AuthorshipTable } from './AuthorshipTable';
import type { AuthorKey } from './model';
import { AUTHOR_NAMES, type AuthorRef, type Authorship, type AuthorshipRange, type Contributor } from './Authorship';
import { walkBody } from './walkBody';

const UNKNOWN: AuthorRef = { kind: 'unknown', personId: null, name: AUTHOR_NAMES.unknown };
const iso = (ms: number): string => new Date(ms).toISOString();

/** Every author key the table names (ranges and sessions), to resolve before building. */
export function authorKeysOf(table: AuthorshipTable): Set<AuthorKey> {
  const keys = new Set<AuthorKey>();
  for (const range of table.ranges()) keys.add(range.by);
  for (const session of table.sessions()) keys.add(session.by);
  return keys;
}

export function buildAuthorship(
  fragment: Y.XmlFragment,
  schema: Schema,
  table: AuthorshipTable,
  authors: ReadonlyMap<AuthorKey, AuthorRef>,
): Authorship {
  const refOf = (by: AuthorKey | null): AuthorRef => (by === null ? UNKNOWN : (authors.get(by) ?? UNKNOWN));
  // Per position run: the author key (null: unknown) and when.
  const runs: Array<{ from: number; to: number; by: AuthorKey | null; at: number | null }> = [];
  const chars = new Map<AuthorKey | null, number>();
  const push = (from: number, to: number, by: AuthorKey | null, at: number | null): void => {
    chars.set(by, (chars.get(by) ?? 0) + (to - from));
    const last = runs[runs.length - 1];
    if (last && last.to === from && last.by === by) {
      last.to = to;
      if (at !== null && (last.at === null || at < last.at)) last.at = at;
    } else runs.push({ from, to, by, at });
  };
  walkBody(fragment, schema, (run) => {
    let offset = 0;
    while (offset < run.length) {
      const range = table.authorOf(run.client, run.clock + offset);
      // The rest of this run the same attributed range covers (or, unattributed, up to the next range).
      const end = range ? Math.min(run.length, range.to - run.clock) : unattributedEnd(table, run.client, run.clock, offset, run.length);
      push(run.pos + offset, run.pos + end, range?.by ?? null, range?.at ?? null);
      offset = end;
    }
  });

  const ranges: AuthorshipRange[] = runs.map((run) => ({
    ...refOf(run.by),
    from: run.from,
    to: run.to,
    at: run.at === null ? null : iso(run.at),
  }));

  const sessions = table
    .sessions()
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((session) => ({ ...refOf(session.by), from: iso(session.from), to: iso(session.to), edits: session.edits }));

  // One contributor per resolved author (two keys may resolve alike: never, but a deleted person's are joined as "former").
  const byAuthor = new Map<string, { ref: AuthorRef; chars: number; first: number; last: number }>();
  // A person on behalf of an organisation is another author than the same person on their own.
  const keyOf = (ref: AuthorRef): string => `${ref.kind}:${ref.personId ?? ref.name}${ref.organisation ? `:${ref.organisation}` : ''}`;
  const note = (ref: AuthorRef, count: number, first: number, last: number): void => {
    const key = keyOf(ref);
    const known = byAuthor.get(key);
    if (!known) byAuthor.set(key, { ref, chars: count, first, last });
    else {
      known.chars += count;
      known.first = Math.min(known.first, first);
      known.last = Math.max(known.last, last);
    }
  };
  for (const session of table.sessions()) note(refOf(session.by), 0, session.from, session.to);
  for (const [by, count] of chars) {
    if (by === null) continue;
    const ref = refOf(by);
    const known = byAuthor.get(keyOf(ref));
    if (known) known.chars += count;
    else {
      // Attributed text without a session entry (cannot happen with stamps; a table merged from elsewhere may).
      const stamped = table.ranges().filter((range) => range.by === by);
      note(ref, count, Math.min(...stamped.map((r) => r.at)), Math.max(...stamped.map((r) => r.last)));
    }
  }
  const contributors: Contributor[] = [...byAuthor.values()]
    .sort((a, b) => b.chars - a.chars || a.first - b.first)
    .map(({ ref, chars: count, first, last }) => ({ ...ref, chars: count, firstAt: iso(first), lastAt: iso(last) }));
  return { ranges, contributors, sessions };
}

/** Where an unattributed stretch of a run ends: at the next attributed clock of the client, or the run's end. */
function unattributedEnd(table: AuthorshipTable, client: number, clock: number, offset: number, length: number): number {
  for (let end = offset + 1; end < length; end++) if (table.authorOf(client, clock + end)) return end;
  return length;
}
