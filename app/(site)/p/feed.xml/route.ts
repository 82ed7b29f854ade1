/**
 * GET: the Atom feed of newly published versions of public documents (those a signed-out visitor
 * may view, judged by can() for an anonymous reader whoever asks, so the feed is the same for all).
 */
import { getT } from '../../../_server/requestLocale';
import { PUBLIC_FEED_PATH } from '../../../../lib/versions/versionPaths';
import { versionFeedResponse } from '../../../_public/versionFeedResponse';
import { handle } from '../../../_server/http';
import { requestOrigin } from '../../../_server/siteOrigin';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const t = await getT();
  return handle(() =>
    versionFeedResponse({
      origin: requestOrigin(request),
      selfPath: PUBLIC_FEED_PATH,
      title: t('publicVersion.feed.title', { site: t('app.name') }),
      reader: { kind: 'anonymous' },
      cacheControl: 'public, max-age=60',
    }),
  );
}
