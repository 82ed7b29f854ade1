/**
 * Where an anchor's passage is now, in plain-text offsets (documentText).
 *
 * 1. The relative positions are resolved. A side fails when its ids are unknown to the document,
 *    it names a type other than the body, or its type was deleted (a paragraph merge deletes the
 *    merged paragraph: its text lives on as new text in the one before).
 * 2. If both sides resolve to a non-empty range, it is **anchored** when
 *    - its text equals the quote canonically (block separators dropped, whitespace runs collapsed;
 *      see canonicalText), or
 *    - the range is intact: the characters the positions stick to (the passage's first and last)
 *      still exist. Edits strictly inside an intact range are edits to the passage, so the comment
 *      stays on it, whatever the text has become.
 *    An edge character gone means the range may have been cut short: by deleting at the edge, or
 *    by a split, which moves the rest of the paragraph into new text. Then an occurrence of the
 *    quote overlapping the range wins (**reanchored**, typically across the new "\n"); without one
 *    the shortened range stays **anchored**, as long as some non-whitespace is left in it.
 * 3. Otherwise (a side failed, the range collapsed or holds no text) the quote is searched for in
 *    the whole body, canonically, so a "\n" inserted or removed inside the passage does not matter.
 *    Among the occurrences, the one whose surroundings best match the quote's prefix and suffix
 *    wins, then the one closest to where the surviving positions point. An occurrence counts only
 *    if its surroundings agree on at least 8 characters (or all the context the quote has), or it
 *    touches where the positions point: a deleted passage is not re-anchored onto the same words in
 *    another place. Found: **reanchored**; not found: **orphaned** (from = to = -1, text = the quote).
 *
 * Limits: the quote is matched exactly (canonically), never fuzzily. A passage whose positions
 * broke (split, merge) and whose words were also changed is either kept, shortened, by its
 * surviving positions or, if none survive, orphaned. A deleted passage whose exact words and
 * surroundings occur elsewhere (a duplicated paragraph) re-anchors there.
 *
 * Never throws on a well-formed anchor (parseAnchor), even one from another document.
 * resolveAnchors reads the body once for many anchors.
 */
import * as Y from 'yjs';
import type { Anchor, AnchorStatus, RelativePositionJson } from '../model';
import { BODY_FRAGMENT } from '../../protocol';
import { canonicalIndex, canonicalText, type CanonicalIndex } from './canonicalText';
import { documentText, type DocumentText } from './documentText';
import { commonPrefix, commonSuffix } from './contextAgreement';

export interface ResolvedAnchor {
  readonly status: AnchorStatus;
  /** Plain-text offsets of the passage now, [from, to); -1 when orphaned. */
  readonly from: number;
  readonly to: number;
  /** The passage's current text (with "\n" between blocks); the quote when orphaned. */
  readonly text: string;
}

/** Agreement with the quote's context (in canonical characters) that makes a distant occurrence count. */
const MIN_CONTEXT_AGREEMENT = 8;
/** Occurrences of the quote examined at most (a one-letter quote in a long body). */
const MAX_OCCURRENCES = 10_000;

interface Side {
  readonly offset: number;
  /** The character the position sticks to still exists (or the position sticks to a type's end). */
  readonly alive: boolean;
}

function itemAlive(ydoc: Y.Doc, id: Y.ID): boolean {
  try {
    let struct = Y.getItem(ydoc.store, id);
    // Undo/redo re-creates deleted content; a position follows it there, and so do we.
    for (let hops = 0; struct instanceof Y.Item && struct.deleted && struct.redone && hops < 1000; hops++) {
      struct = Y.getItem(ydoc.store, struct.redone);
    }
    return struct instanceof Y.Item && !struct.deleted;
  } catch {
    return false;
  }
}

function resolveSide(ydoc: Y.Doc, model: DocumentText, json: RelativePositionJson): Side | null {
  try {
    const position = Y.createRelativePositionFromJSON(json);
    // A root type by name: only the body. (Y.Doc.get would create any other name as a side effect.)
    if (position.tname !== null && position.tname !== BODY_FRAGMENT) return null;
    if (position.tname === null && position.type === null) return null;
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, ydoc);
    if (!absolute) return null;
    // null unless the type is a live part of the body: deleted types and other root types are not.
    const offset = model.offsetOf(absolute.type, absolute.index);
    if (offset === null) return null;
    return { offset, alive: position.item === null || itemAlive(ydoc, position.item) };
  } catch {
    return null;
  }
}

interface Occurrence {
  readonly from: number;
  readonly to: number;
  readonly context: number;
  readonly distance: number;
}

interface Search {
  readonly canonical: CanonicalIndex;
  readonly anchor: Anchor;
  /** Where the surviving positions point, if any: [from, to]. */
  readonly near: readonly [number, number] | null;
  /** Only occurrences overlapping `near` count. */
  readonly overlapOnly: boolean;
}

/** The best occurrence of the quote (see the header), or null. */
function findQuote({ canonical, anchor, near, overlapOnly }: Search): Occurrence | null {
  const exact = canonicalText(anchor.quote.exact);
  if (exact.trim() === '') return null;
  const prefix = canonicalText(anchor.quote.prefix);
  const suffix = canonicalText(anchor.quote.suffix);
  const needed = Math.min(MIN_CONTEXT_AGREEMENT, prefix.length + suffix.length);
  const { text, source } = canonical;
  let best: Occurrence | null = null;
  let seen = 0;
  for (let at = text.indexOf(exact); at >= 0 && seen < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1), seen++) {
    const from = source[at]!;
    const to = source[at + exact.length - 1]! + 1;
    const context = commonSuffix(text, at, prefix) + commonPrefix(text, at + exact.length, suffix);
    const distance = near ? Math.max(0, near[0] - to, from - near[1]) : Infinity;
    if (overlapOnly ? !(near && from < near[1] && to > near[0]) : !(context >= needed || distance <= 1)) continue;
    if (!best || context > best.context || (context === best.context && distance < best.distance)) {
      best = { from, to, context, distance };
    }
  }
  return best;
}

function resolveWith(ydoc: Y.Doc, model: DocumentText, canonical: () => CanonicalIndex, anchor: Anchor): ResolvedAnchor {
  const { text } = model;
  const found = (status: AnchorStatus, from: number, to: number): ResolvedAnchor => ({ status, from, to, text: text.slice(from, to) });
  const start = resolveSide(ydoc, model, anchor.start);
  const end = resolveSide(ydoc, model, anchor.end);

  if (start && end && start.offset < end.offset) {
    const current = text.slice(start.offset, end.offset);
    if ((start.alive && end.alive) || canonicalText(current) === canonicalText(anchor.quote.exact)) {
      return found('anchored', start.offset, end.offset);
    }
    const match = findQuote({ canonical: canonical(), anchor, near: [start.offset, end.offset], overlapOnly: true });
    if (match) return found('reanchored', match.from, match.to);
    if (/\S/.test(current)) return found('anchored', start.offset, end.offset);
  }

  const pointed = [start, end].filter((side): side is Side => side !== null).map((side) => side.offset);
  const near = pointed.length > 0 ? ([Math.min(...pointed), Math.max(...pointed)] as const) : null;
  const match = findQuote({ canonical: canonical(), anchor, near, overlapOnly: false });
  if (match) return found('reanchored', match.from, match.to);
  return { status: 'orphaned', from: -1, to: -1, text: anchor.quote.exact };
}

/** Resolves many anchors against the body of `ydoc`, reading it once. */
export function resolveAnchors(ydoc: Y.Doc, anchors: readonly Anchor[]): ResolvedAnchor[] {
  const model = documentText(ydoc.getXmlFragment(BODY_FRAGMENT));
  let index: CanonicalIndex | undefined;
  const canonical = () => (index ??= canonicalIndex(model.text));
  return anchors.map((anchor) => resolveWith(ydoc, model, canonical, anchor));
}

/** Where `anchor`'s passage is in the body of `ydoc` now (see the header for the rules). */
export function resolveAnchor(ydoc: Y.Doc, anchor: Anchor): ResolvedAnchor {
  return resolveAnchors(ydoc, [anchor])[0]!;
}
