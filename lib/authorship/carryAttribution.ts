/**
 * A history reset (lib/documents/freshBody.ts) copies the body into a new Y.Doc: the same content,
 * none of the old item ids, so the old attribution no longer names any of it. This carries it over:
 * the old body and the fresh one are walked as ProseMirror sees them (walkBody: the copy has the
 * same positions), and each fresh item takes the author and times of the old item at its position.
 * The old sessions (the timeline) are kept as they were. Pure; the result is a folded table to
 * store beside the fresh body (DocumentStore.compact's attribution).
 */
import type { Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../protocol';
import { AuthorshipTable } from './AuthorshipTable';
import type { AttributedRange, AuthorKey } from './model';
import { encodeTable } from './stampCodec';
import { walkBody } from './walkBody';

interface Segment {
  readonly from: number;
  readonly to: number;
  readonly by: AuthorKey;
  readonly at: number;
  readonly last: number;
}

/**
 * The attribution of `fresh` (the reset's body, one update) from the old history: `stored` (its
 * updates) and `attribution` (what was stored with them). Null when nothing of the body is attributed.
 */
export function carryAttribution(
  stored: readonly Uint8Array[],
  attribution: readonly Uint8Array[],
  fresh: Uint8Array,
  schema: Schema,
): Uint8Array | null {
  const table = AuthorshipTable.fromStored(attribution);
  const old = new Y.Doc();
  const next = new Y.Doc();
  try {
    if (stored.length > 0) Y.applyUpdate(old, Y.mergeUpdates([...stored]));
    Y.applyUpdate(next, fresh);
    // The old body by position: runs of one attributed range (unattributed stretches left out).
    const segments: Segment[] = [];
    walkBody(old.getXmlFragment(BODY_FRAGMENT), schema, (run) => {
      for (let offset = 0; offset < run.length;) {
        const range = table.authorOf(run.client, run.clock + offset);
        if (!range) {
          offset += 1;
          continue;
        }
        const end = Math.min(run.length, range.to - run.clock);
        segments.push({ from: run.pos + offset, to: run.pos + end, by: range.by, at: range.at, last: range.last });
        offset = end;
      }
    });
    if (segments.length === 0) return null;
    // The fresh body's runs in the same order: each takes what lies at its positions.
    const ranges: AttributedRange[] = [];
    let index = 0;
    walkBody(next.getXmlFragment(BODY_FRAGMENT), schema, (run) => {
      const end = run.pos + run.length;
      while (index < segments.length && segments[index]!.to <= run.pos) index += 1;
      for (let i = index; i < segments.length && segments[i]!.from < end; i++) {
        const segment = segments[i]!;
        const from = Math.max(segment.from, run.pos);
        const to = Math.min(segment.to, end);
        ranges.push({
          client: run.client,
          from: run.clock + (from - run.pos),
          to: run.clock + (to - run.pos),
          by: segment.by,
          at: segment.at,
          last: segment.last,
        });
      }
    });
    if (ranges.length === 0) return null;
    return encodeTable({ ranges, sessions: table.sessions() });
  } finally {
    old.destroy();
    next.destroy();
  }
}
