import type { Authorship } from '../../lib/authorship/Authorship';
import type { Translate } from '../../lib/i18n/t';
import type { AuthorHighlight } from './AuthorHighlights';
import { authorKey, authorLabel } from './authorLabel';

export interface LegendEntry {
  readonly key: string;
  readonly name: string;
  readonly style: number | null;
  readonly chars: number;
}

/**
 * The highlights and their legend: authors styled in the contributors' order (most text first), so
 * the legend and the text agree; unknown authorship gets its own neutral style.
 */
export function highlightsOf(authorship: Authorship, t: Translate): { highlights: AuthorHighlight[]; legend: LegendEntry[] } {
  const styles = new Map<string, number>();
  const legend: LegendEntry[] = [];
  for (const contributor of authorship.contributors) {
    if (contributor.chars === 0) continue;
    const key = authorKey(contributor);
    if (styles.has(key)) continue;
    styles.set(key, styles.size);
    legend.push({ key, name: authorLabel(t, contributor), style: styles.get(key)!, chars: contributor.chars });
  }
  let unknownChars = 0;
  const highlights = authorship.ranges.map((range) => {
    const style = range.kind === 'unknown' ? null : (styles.get(authorKey(range)) ?? null);
    if (style === null) unknownChars += range.to - range.from;
    return { from: range.from, to: range.to, style, name: authorLabel(t, range) };
  });
  if (unknownChars > 0) legend.push({ key: 'unknown', name: t('authorship.kind.unknown'), style: null, chars: unknownChars });
  return { highlights, legend };
}

/** The names of the authors of [from, to) (the characters around the caret when empty), from the ranges as fetched. */
export function authorsBetween(authorship: Authorship, from: number, to: number, t: Translate): string[] {
  const end = Math.max(to, from + 1);
  const start = to > from ? from : Math.max(0, from - 1);
  const names = authorship.ranges.filter((range) => range.from < end && range.to > start).map((range) => authorLabel(t, range));
  return [...new Set(names)];
}
