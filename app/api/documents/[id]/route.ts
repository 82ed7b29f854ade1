/** PATCH: rename a document (needs edit access, as decided by can()). */
import { renameDocumentSchema } from '../../../_shared/schemas';
import { assertSameOrigin, handle, readJson } from '../../../_server/http';
import { documentActs } from '../../../_server/documentActs';
import { actorOf } from '../../../_server/readPrincipal';
import { requireDocumentAccess } from '../../../_server/requireDocumentAccess';
import { toDocumentSummary } from '../../../_server/toDocumentSummary';

export const dynamic = 'force-dynamic';

export function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id } = await context.params;
    const { principal, id: documentId } = await requireDocumentAccess(id, 'edit');
    const { title } = await readJson(request, renameDocumentSchema);
    const meta = await documentActs().rename(actorOf(principal), documentId, title);
    return Response.json({ document: toDocumentSummary(meta, true) });
  });
}
