/**
 * Sets a document's visibility (private / workspace / public) for those who may manage access.
 * Through DocumentService, so live sync connections that lose access are closed within seconds.
 */
import { visibilitySchema } from '../../../../_shared/schemas';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { documentActs } from '../../../../_server/documentActs';
import { actorOf } from '../../../../_server/readPrincipal';
import { requireDocumentAccess } from '../../../../_server/requireDocumentAccess';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export function PUT(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id } = await context.params;
    const { principal, resource, id: documentId } = await requireDocumentAccess(id, 'manage_access');
    const { visibility } = await readJson(request, visibilitySchema);
    // Workspace visibility needs a workspace: otherwise it would mean the same as private, silently.
    if (visibility === 'workspace' && resource.workspaceId === null) throw new HttpError(409, 'no_workspace');
    const meta = await documentActs().setVisibility(actorOf(principal), documentId, visibility);
    return Response.json({ visibility: meta.visibility, workspaceId: meta.workspaceId });
  });
}
