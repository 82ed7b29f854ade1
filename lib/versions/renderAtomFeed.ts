/**
 * An Atom 1.0 feed (RFC 4287) of published versions, as text. Every value is escaped as XML and
 * stripped of characters XML 1.0 cannot hold (control characters, lone surrogates), so a title
 * like `</title><script>` stays text and a stray control character cannot break a feed reader.
 */
export interface AtomEntry {
  /** A permanent, absolute IRI: the version's stable URL. */
  readonly id: string;
  readonly title: string;
  /** The page the entry links to (rel=alternate), absolute. */
  readonly url: string;
  /** ISO 8601. */
  readonly updated: string;
  readonly author: string;
  /** Plain text; omitted when empty. */
  readonly summary: string;
}

export interface AtomFeed {
  /** A permanent, absolute IRI for the feed. */
  readonly id: string;
  readonly title: string;
  /** Where the feed itself is (rel=self), absolute. */
  readonly selfUrl: string;
  /** The HTML page the feed belongs to, absolute; omitted when there is none. */
  readonly alternateUrl?: string;
  /** Feed-level author (Atom needs one where an entry has none): the site's name. */
  readonly author: string;
  /** `xml:lang` of the texts. */
  readonly lang: string;
  /** Newest first. */
  readonly entries: readonly AtomEntry[];
}

/** RFC 4287 wants `updated` even for an empty feed: then the epoch (no entry has changed). */
const NOTHING_YET = '1970-01-01T00:00:00.000Z';

const NOT_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(value: string): string {
  return value
    .replace(NOT_IN_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An RFC 3339 timestamp in UTC; the epoch for a value that is not a date. */
function timestamp(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? NOTHING_YET : new Date(time).toISOString();
}

function newest(entries: readonly AtomEntry[]): string {
  let latest = Number.NaN;
  for (const entry of entries) {
    const time = Date.parse(entry.updated);
    if (!Number.isNaN(time) && !(time <= latest)) latest = time;
  }
  return Number.isNaN(latest) ? NOTHING_YET : new Date(latest).toISOString();
}

function renderEntry(entry: AtomEntry): string {
  const lines = [
    '  <entry>',
    `    <id>${escapeXml(entry.id)}</id>`,
    `    <title type="text">${escapeXml(entry.title)}</title>`,
    `    <updated>${timestamp(entry.updated)}</updated>`,
    `    <author><name>${escapeXml(entry.author.trim() === '' ? '–' : entry.author)}</name></author>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
  ];
  if (entry.summary.trim() !== '') lines.push(`    <summary type="text">${escapeXml(entry.summary)}</summary>`);
  lines.push('  </entry>');
  return lines.join('\n');
}

export function renderAtomFeed(feed: AtomFeed): string {
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <updated>${newest(feed.entries)}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
  ];
  if (feed.alternateUrl !== undefined) head.push(`  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`);
  return [...head, ...feed.entries.map(renderEntry), '</feed>', ''].join('\n');
}
