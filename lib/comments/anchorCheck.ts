/**
 * The comment service's one door to the anchor functions (lib/comments/anchors): validating an
 * anchor a client sent, finding its passage in the current body, and putting passages in document
 * order. Kept in one place so that the service and the report never depend on how anchors work.
 */
import type * as Y from 'yjs';
import type { Anchor } from './model';
import { orderByPassage } from './anchors/orderByPassage';
import { parseAnchor } from './anchors/parseAnchor';
import { resolveAnchors, type ResolvedAnchor } from './anchors/resolveAnchor';

export type Passage = ResolvedAnchor;

/** The anchor when `value` is a well-formed one (relative positions and a quote), else null. */
export function readAnchor(value: unknown): Anchor | null {
  return parseAnchor(value);
}

/** Where each anchor's passage is in the body now (reading the body once). */
export function passagesOf(ydoc: Y.Doc, anchors: readonly Anchor[]): Passage[] {
  return resolveAnchors(ydoc, anchors);
}

/** True when the anchor still finds its passage (by its positions or, re-anchored, by its quote). */
export function passageExists(ydoc: Y.Doc, anchor: Anchor): boolean {
  return passagesOf(ydoc, [anchor])[0]!.status !== 'orphaned';
}

/** Items in document order of their passages; orphaned ones (and those without a passage) last, in the given order. */
export function inPassageOrder<T>(items: readonly T[], passageOf: (item: T) => Passage | null): T[] {
  return orderByPassage(items, passageOf);
}
