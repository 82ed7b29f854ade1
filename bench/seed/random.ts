/**
 * A seeded pseudo-random source (mulberry32), so one `--seed` gives the same data set every time:
 * a bench run and a test can name exactly what they measured.
 */
export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A UUID-shaped string (version 4 layout), for ids of the same form the app makes. */
  uuid(): string;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const hex = (digits: number) => {
    let s = '';
    for (let i = 0; i < digits; i++) s += '0123456789abcdef'[int(16)];
    return s;
  };
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    chance: (p) => next() < p,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`,
  };
}

/**
 * How many of `total` items each of `buckets` gets, skewed like real attention (Zipf, exponent
 * `skew`): the first buckets get most. `hotShare`, when given, pins the first bucket's share exactly.
 */
export function skewedCounts(total: number, buckets: number, skew = 1.1, hotShare?: number): number[] {
  if (buckets <= 0) return [];
  const counts = new Array<number>(buckets).fill(0);
  let rest = total;
  let from = 0;
  if (hotShare !== undefined) {
    counts[0] = Math.round(total * hotShare);
    rest = total - counts[0];
    from = 1;
  }
  if (from >= buckets) {
    counts[0]! += rest;
    return counts;
  }
  const weights: number[] = [];
  let sum = 0;
  for (let i = from; i < buckets; i++) {
    const w = 1 / Math.pow(i - from + 1, skew);
    weights.push(w);
    sum += w;
  }
  let given = 0;
  for (let i = from; i < buckets; i++) {
    const n = Math.floor((rest * weights[i - from]!) / sum);
    counts[i] = n;
    given += n;
  }
  // The remainder, one each, to the tail: most documents get a comment or two, not none.
  for (let i = buckets - 1; given < rest; i = i <= from ? buckets - 1 : i - 1) {
    counts[i]!++;
    given++;
  }
  return counts;
}
