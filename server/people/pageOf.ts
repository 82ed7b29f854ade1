import type { Page, PageQuery } from '../../lib/people/AccountStore';

// Danish order (… x y z æ ø å), case and accents ignored only where Danish ignores them.
const collator = new Intl.Collator('da');

/**
 * One page of `items` whose `searchable` texts contain the query (case-insensitive), sorted by
 * name then id so that paging is stable. Copies nothing: the caller copies what it hands out.
 */
export function pageOf<T extends { readonly id: string; readonly name: string }>(
  items: Iterable<T>,
  { query, offset, limit }: PageQuery,
  searchable: (item: T) => readonly string[],
): Page<T> {
  const needle = query?.trim().toLocaleLowerCase('da') ?? '';
  const matching = [...items].filter(
    (item) => needle === '' || searchable(item).some((text) => text.toLocaleLowerCase('da').includes(needle)),
  );
  matching.sort(byName);
  return { items: matching.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit)), total: matching.length };
}

export function byName(a: { readonly id: string; readonly name: string }, b: { readonly id: string; readonly name: string }): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
