/**
 * The Atom feeds a document's public page points to (visibly and as `<link rel="alternate">`): the
 * site's public feed, and the feed of the document's workspace when the visitor is a member of it.
 */
import type { Actor, DocumentResource } from '../../lib/access/model';
import { getT } from '../_server/requestLocale';
import { getServices } from '../../lib/services';
import { PUBLIC_FEED_PATH, workspaceFeedPath } from '../../lib/versions/versionPaths';

export interface FeedLink {
  readonly path: string;
  readonly title: string;
}

export async function feedLinks(actor: Actor, resource: DocumentResource): Promise<FeedLink[]> {
  const t = await getT();
  const site = t('app.name');
  const links: FeedLink[] = [{ path: PUBLIC_FEED_PATH, title: t('publicVersion.feed.title', { site }) }];
  const workspaceId = resource.workspaceId;
  if (workspaceId !== null && actor.kind === 'person' && actor.workspaceIds.includes(workspaceId)) {
    const workspace = await getServices().workspaces.get(workspaceId);
    if (workspace)
      links.push({
        path: workspaceFeedPath(workspaceId),
        title: t('publicVersion.feed.workspaceTitle', { site, workspace: workspace.name }),
      });
  }
  return links;
}
