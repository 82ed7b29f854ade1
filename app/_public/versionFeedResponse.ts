/**
 * An Atom feed of the newest published versions a reader may view, as the HTTP answer. The version
 * service hands the newest versions across documents (or across the feed's own documents); can() on
 * each document as it stands now decides what the reader gets (lib/versions/feedVersions.ts).
 */
import type { Actor, DocumentResource } from '../../lib/access/model';
import { getT, requestLocale } from '../_server/requestLocale';
import { getServices } from '../../lib/services';
import { feedVersions } from '../../lib/versions/feedVersions';
import { renderAtomFeed } from '../../lib/versions/renderAtomFeed';
import { pathOf } from '../../lib/versions/versionPaths';

/** Entries a feed shows. */
export const FEED_ENTRIES = 50;
/** Versions looked at to find them: the newest across the feed's documents, some of which the reader may not see. */
export const FEED_SCAN = 500;

export interface VersionFeedRequest {
  /** Absolute, without a trailing slash. */
  readonly origin: string;
  /** The feed's own path (its id and rel=self). */
  readonly selfPath: string;
  readonly title: string;
  readonly reader: Actor;
  readonly include?: (resource: DocumentResource) => boolean;
  /** The feed's documents (a workspace's), so versions elsewhere cannot crowd theirs out of the scan; all when absent. */
  readonly documentIds?: readonly string[];
  /** Private feeds (a workspace's) must not be kept by shared caches. */
  readonly cacheControl: string;
}

export async function versionFeedResponse(request: VersionFeedRequest): Promise<Response> {
  const t = await getT();
  const locale = await requestLocale();
  const documents = getServices().documents;
  const versions = await feedVersions({
    candidates: await getServices().versions.recentPublished(FEED_SCAN, request.documentIds),
    reader: request.reader,
    resourceOf: (id) => documents.resource(id),
    include: request.include,
    limit: FEED_ENTRIES,
  });
  const self = `${request.origin}${request.selfPath}`;
  const body = renderAtomFeed({
    id: self,
    title: request.title,
    selfUrl: self,
    alternateUrl: `${request.origin}/`,
    author: t('app.name'),
    lang: locale,
    entries: versions.map((version) => {
      const url = `${request.origin}${pathOf(version)}`;
      return {
        id: url,
        title: t('publicVersion.feed.entryTitle', { title: version.title, number: version.number }),
        url,
        updated: version.publishedAt,
        author: version.publishedBy.name,
        summary: version.summary,
      };
    }),
  });
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': request.cacheControl,
      // In the reader's language (app/_server/requestLocale.ts): a shared cache keeps one per language.
      Vary: 'Accept-Language, Cookie',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
