/**
 * POST: create a document from a template; the body is seeded on the server and the creator owns
 * it. In one of the creator's workspaces it is visible to the workspace's members; otherwise private.
 */
import { placeDocument } from '../../../lib/documents/placeDocument';
import { getServices } from '../../../lib/services';
import { createDocumentSchema } from '../../_shared/schemas';
import { HttpError, assertSameOrigin, handle, readJson } from '../../_server/http';
import { readPrincipal } from '../../_server/readPrincipal';
import { toDocumentSummary } from '../../_server/toDocumentSummary';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const input = await readJson(request, createDocumentSchema);
    const placement = placeDocument(principal.resolved.actor, input.workspaceId);
    if (!placement) throw new HttpError(403, 'workspace_invalid');
    const meta = await getServices().documents.create({
      title: input.title,
      template: input.template,
      ...placement,
      createdBy: { id: principal.personId, name: principal.label },
    });
    return Response.json({ document: toDocumentSummary(meta) }, { status: 201, headers: { Location: `/d/${meta.id}` } });
  });
}
