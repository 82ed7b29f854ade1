/** One bench:data figure: a JSON line with its value, the target and whether it meets it. */
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
