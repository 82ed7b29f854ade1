/**
 * The Atom feed of one workspace's newly published versions (the route checked who may read it):
 * the version service looks only at the workspace's documents, so other workspaces publishing a
 * lot cannot push its versions out of the scan; can() still judges each document for the reader.
 */
import type { Actor } from '../../lib/access/model';
import { getT } from '../_server/requestLocale';
import { getServices } from '../../lib/services';
import type { Workspace } from '../../lib/people/AccountStore';
import { workspaceFeedPath } from '../../lib/versions/versionPaths';
import { versionFeedResponse } from './versionFeedResponse';

export async function workspaceFeedResponse(workspace: Pick<Workspace, 'id' | 'name'>, reader: Actor, origin: string): Promise<Response> {
  const t = await getT();
  const documentIds = (await getServices().documents.list()).filter((meta) => meta.workspaceId === workspace.id).map((meta) => meta.id);
  return versionFeedResponse({
    origin,
    selfPath: workspaceFeedPath(workspace.id),
    title: t('publicVersion.feed.workspaceTitle', { site: t('app.name'), workspace: workspace.name }),
    reader,
    include: (resource) => resource.workspaceId === workspace.id,
    documentIds,
    cacheControl: 'private, no-store',
  });
}
