/**
 * The shortest edit script between two token sequences (Myers' O((N+M)·D) algorithm), as the runs
 * where they differ. Exact (no merging of nearby runs): the comparison relies on that to mark
 * exactly the words that changed. Gives up (null) beyond `maxEdits`, where the caller marks the
 * whole range instead, so a pathological pair of bodies cannot take unbounded time or memory
 * (the kept frontiers grow with the square of the edits).
 */

/** `a[fromA, toA)` was replaced by `b[fromB, toB)` (one side may be empty). */
export interface DiffRun {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

export function diffSequences(a: readonly string[], b: readonly string[], maxEdits: number): DiffRun[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ fromA: start, toA: endA, fromB: start, toB: endB }];

  const limit = Math.min(n + m, maxEdits);
  // frontiers[d][k + d]: the furthest x reached on diagonal k (x - y) with d edits.
  const frontiers: Int32Array[] = [];
  let previous = new Int32Array(1);
  for (let d = 0; d <= limit; d++) {
    const frontier = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (d === 0) x = 0;
      else if (k === -d || (k !== d && (previous[k - 1 + d - 1] as number) < (previous[k + 1 + d - 1] as number)))
        x = previous[k + 1 + d - 1] as number; // down: an insertion from b
      else x = (previous[k - 1 + d - 1] as number) + 1; // right: a deletion from a
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      frontier[k + d] = x;
      if (x >= n && y >= m) {
        frontiers.push(frontier);
        return runsOf(frontiers, d, k, start);
      }
    }
    frontiers.push(frontier);
    previous = frontier;
  }
  return null;
}

/** Walks the frontiers back from the end, collecting single edits, then joins adjacent ones into runs. */
function runsOf(frontiers: Int32Array[], edits: number, endK: number, start: number): DiffRun[] {
  const runs: DiffRun[] = [];
  let k = endK;
  for (let d = edits; d > 0; d--) {
    const before = frontiers[d - 1] as Int32Array;
    const down = k === -d || (k !== d && (before[k - 1 + d - 1] as number) < (before[k + 1 + d - 1] as number));
    const previousK = down ? k + 1 : k - 1;
    const previousX = before[previousK + d - 1] as number;
    const previousY = previousX - previousK;
    // The edit itself sits right after (previousX, previousY); the rest of the way back is a match.
    const editX = down ? previousX : previousX + 1;
    const editY = down ? previousY + 1 : previousY;
    const run: DiffRun = down
      ? { fromA: previousX, toA: previousX, fromB: previousY, toB: editY }
      : { fromA: previousX, toA: editX, fromB: previousY, toB: previousY };
    const last = runs[runs.length - 1];
    // Collected back to front: an edit touching the run after it joins that run.
    if (last && last.fromA === run.toA && last.fromB === run.toB) {
      last.fromA = run.fromA;
      last.fromB = run.fromB;
    } else runs.push(run);
    k = previousK;
  }
  runs.reverse();
  for (const run of runs) {
    run.fromA += start;
    run.toA += start;
    run.fromB += start;
    run.toB += start;
  }
  return runs;
}
