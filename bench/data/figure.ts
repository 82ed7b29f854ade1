/** One bench:data figure: a JSON line with its value, the target and whether it meets it. */
import { percentile } from '../lib/stats';

export interface Figure {
  readonly figure: string;
  readonly backend: string;
  readonly value: number;
  readonly unit: 'ms' | 'MB' | 'ratio';
  /** The most (`≤`) the value may be. */
  readonly target: number;
  readonly pass: boolean;
  readonly [detail: string]: unknown;
}

export function figure(
  name: string,
  backend: string,
  value: number,
  unit: Figure['unit'],
  target: number,
  details: Record<string, unknown> = {},
): Figure {
  const rounded = Math.round(value * 100) / 100;
  return { figure: name, backend, value: rounded, unit, target, pass: Number.isFinite(value) && value <= target, ...details };
}

/** p50 and p99 of latencies in ms, and how many there were. */
export function latencies(samples: readonly number[]): { p50: number; p99: number; samples: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), samples: sorted.length };
}

/**
 * Runs `act` from `workers` concurrent loops until `total` acts were issued or `seconds` passed
 * (then the ones in flight finish): each act's latency in ms, and acts completed per second.
 */
export async function measure(options: { workers: number; total: number; seconds: number }, act: (n: number) => Promise<unknown>) {
  const samples: number[] = [];
  const begun = performance.now();
  const deadline = begun + options.seconds * 1000;
  let issued = 0;
  const worker = async () => {
    while (issued < options.total && performance.now() < deadline) {
      const n = issued++;
      const started = performance.now();
      await act(n);
      samples.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: options.workers }, worker));
  const perSecond = Math.round((samples.length / ((performance.now() - begun) / 1000)) * 10) / 10;
  return { samples, truncated: issued < options.total, perSecond };
}
