/**
 * "By passage" order: document order of the resolved passages (by start; of two passages starting
 * at the same place, the longer, enclosing one first), orphaned ones (and items without an anchor)
 * last. Stable: ties keep their given order.
 */
import type { ResolvedAnchor } from './resolveAnchor';

/** Sort comparator for resolved anchors; `null` (no anchor) sorts like orphaned. */
export function comparePassages(a: ResolvedAnchor | null, b: ResolvedAnchor | null): number {
  const aPlaced = a !== null && a.status !== 'orphaned';
  const bPlaced = b !== null && b.status !== 'orphaned';
  if (!aPlaced || !bPlaced) return aPlaced === bPlaced ? 0 : aPlaced ? -1 : 1;
  return a.from - b.from || b.to - a.to;
}

export function orderByPassage(resolved: readonly ResolvedAnchor[]): ResolvedAnchor[];
export function orderByPassage<T>(items: readonly T[], resolvedOf: (item: T) => ResolvedAnchor | null): T[];
export function orderByPassage<T>(items: readonly T[], resolvedOf?: (item: T) => ResolvedAnchor | null): T[] {
  const of = resolvedOf ?? ((item: T) => item as unknown as ResolvedAnchor);
  // Array.prototype.sort is stable.
  return [...items].sort((a, b) => comparePassages(of(a), of(b)));
}
