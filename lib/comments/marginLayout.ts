/**
 * Where comment threads go in the margin beside the text (wide screens): each as near the top of
 * its passage as it can be, in the list's order, never overlapping, never above the column's top.
 * The active thread (if it has a passage) gets its passage's very line when there is room above
 * it: the threads before it move up (above their own passages if need be, as in the editors people
 * know), as far as the column's top allows.
 * Pure: positions in, positions out (the same unit and origin for all, e.g. viewport pixels).
 */
export interface MarginItem {
  /** The top of the item's passage; null when it has none (orphaned): it follows the one before. */
  readonly want: number | null;
  /** The item's height. */
  readonly height: number;
}

export interface MarginOptions {
  /** The top of the column (no item above it). */
  readonly start: number;
  /** The space between two items. */
  readonly gap: number;
  /** The index of the active item, if any. */
  readonly active?: number | null;
}

/** The top of each item, in order. */
export function marginLayout(items: readonly MarginItem[], { start, gap, active = null }: MarginOptions): number[] {
  // Everyone pushed down only: the earliest each can be.
  const tops: number[] = [];
  let next = start;
  for (const item of items) {
    const top = Math.max(next, item.want ?? next);
    tops.push(top);
    next = top + item.height + gap;
  }
  const pinned = active === null ? undefined : items[active];
  if (active === null || !pinned || pinned.want === null || tops[active]! <= pinned.want) return tops;

  // The active one on its line: those before it go up just enough to make room, if the column's
  // top leaves it.
  const lifted = [...tops];
  lifted[active] = pinned.want;
  for (let index = active - 1; index >= 0; index -= 1) {
    const below = lifted[index + 1]!;
    lifted[index] = Math.min(lifted[index]!, below - gap - items[index]!.height);
  }
  // Not enough room: everything goes down by what sticks out above the column.
  const overshoot = start - lifted[0]!;
  if (overshoot > 0) for (let index = 0; index <= active; index += 1) lifted[index]! += overshoot;
  // And those after it down again where they would overlap.
  for (let index = active + 1; index < items.length; index += 1) {
    const above = lifted[index - 1]! + items[index - 1]!.height + gap;
    lifted[index] = Math.max(above, items[index]!.want ?? above);
  }
  // (Before the active one nothing ends lower than it was: the lift only moves up, and a shift
  // happens only when they are stacked tight from the column's top, the highest they can be.)
  return lifted;
}
