/**
 * The compare page's query (`?from=<n>&to=<m|current>&view=inline|side`) against the document's
 * version numbers. Absent values default (from: the newest version, to: the current draft, view:
 * inline); a value that names no version, or anything else malformed, is an error naming it.
 */
import type { ComparisonView } from './renderComparison';

export type CompareTarget = number | 'current';

export type CompareQuery =
  | { readonly ok: true; readonly from: number; readonly to: CompareTarget; readonly view: ComparisonView }
  | { readonly ok: false; readonly error: 'params'; readonly value: string }
  | { readonly ok: false; readonly error: 'same' };

type RawQuery = Readonly<Record<string, string | string[] | undefined>>;

const NUMBER = /^[1-9][0-9]{0,8}$/;
/** How much of a bad value the message repeats. */
const ECHO_MAX = 40;

const echo = (value: string | string[]): string => {
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text.length > ECHO_MAX ? `${text.slice(0, ECHO_MAX)}…` : text;
};

export function parseCompareQuery(query: RawQuery, numbers: readonly number[]): CompareQuery {
  const known = new Set(numbers);
  const target = (value: string | string[] | undefined, current: boolean): CompareTarget | string | string[] | null => {
    if (value === undefined) return null;
    if (Array.isArray(value)) return value;
    if (current && value === 'current') return 'current';
    return NUMBER.test(value) && known.has(Number(value)) ? Number(value) : value;
  };
  const from = target(query.from, false) ?? Math.max(...numbers);
  if (typeof from !== 'number') return { ok: false, error: 'params', value: echo(from as string | string[]) };
  const to = target(query.to, true) ?? 'current';
  if (typeof to !== 'number' && to !== 'current') return { ok: false, error: 'params', value: echo(to) };
  const view = query.view ?? 'inline';
  if (view !== 'inline' && view !== 'side') return { ok: false, error: 'params', value: echo(view) };
  if (from === to) return { ok: false, error: 'same' };
  return { ok: true, from, to, view };
}
