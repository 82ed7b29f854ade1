/**
 * The `<head>` of a version's public page: its title, the canonical stable address (also from
 * `/p/<id>`, which shows whichever version is latest), Open Graph and Twitter cards for sharing,
 * and the Atom feeds as alternates. Absolute addresses start at PUBLIC_URL when it is set.
 */
import type { Metadata } from 'next';
import { getT } from '../_server/requestLocale';
import type { VersionSummary } from '../../lib/versions/model';
import { versionPath } from '../../lib/versions/versionPaths';
import type { FeedLink } from './feedLinks';

/** Sharing previews show a line or two; a long summary is cut at a word. */
const DESCRIPTION_MAX = 300;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= DESCRIPTION_MAX) return flat;
  const cut = flat.slice(0, DESCRIPTION_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

export async function versionMetadata(version: VersionSummary, origin: string, feeds: readonly FeedLink[]): Promise<Metadata> {
  const t = await getT();
  const url = `${origin}${versionPath(version.documentId, version.number)}`;
  const title = t('publicVersion.feed.entryTitle', { title: version.title, number: version.number });
  const description = shorten(version.summary) || t('publicVersion.meta.description', { number: version.number, title: version.title });
  return {
    title,
    description,
    alternates: { canonical: url, types: feedAlternates(origin, feeds) },
    openGraph: {
      type: 'article',
      title,
      description,
      url,
      siteName: t('app.name'),
      locale: 'da_DK',
      publishedTime: version.publishedAt,
      authors: [version.publishedBy.name],
    },
    twitter: { card: 'summary', title, description },
  };
}

export function feedAlternates(origin: string, feeds: readonly FeedLink[]): Record<string, { url: string; title: string }[]> {
  return { 'application/atom+xml': feeds.map((feed) => ({ url: `${origin}${feed.path}`, title: feed.title })) };
}
