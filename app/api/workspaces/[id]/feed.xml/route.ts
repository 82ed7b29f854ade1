/**
 * GET: the Atom feed of newly published versions of one workspace's documents, for those who may
 * view the workspace by can() (its members; moderators and admins as elsewhere), signed in with the
 * session cookie. Each entry is a document the reader may view. Signed out: 401; an unknown
 * workspace or one the reader may not view: 404 (its existence is not revealed).
 */
import { can } from '../../../../../lib/access/can';
import { getServices } from '../../../../../lib/services';
import { workspaceFeedResponse } from '../../../../_public/workspaceFeedResponse';
import { HttpError, handle } from '../../../../_server/http';
import { readPrincipal } from '../../../../_server/readPrincipal';
import { requestOrigin } from '../../../../_server/siteOrigin';

export const dynamic = 'force-dynamic';

/** Workspace ids are `w_<uuid>`; anything else (or longer) names none. */
const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const { id } = await context.params;
    const workspace = WORKSPACE_ID.test(id) ? await getServices().workspaces.get(id) : null;
    if (!workspace || !can(principal.actor, 'view', { kind: 'workspace', id: workspace.id, memberIds: workspace.memberIds }).allowed) {
      throw new HttpError(404, 'workspace_not_found');
    }
    return workspaceFeedResponse(workspace, principal.actor, requestOrigin(request));
  });
}
