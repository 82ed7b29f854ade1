/** PATCH: rename a document (needs edit access, as decided by can()). */
import { can } from '../../../../lib/access/can';
import { isValidDocumentId } from '../../../../lib/documentId';
import { getServices } from '../../../../lib/services';
import { renameDocumentSchema } from '../../../_shared/schemas';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../_server/http';
import { actorOf, readPrincipal } from '../../../_server/readPrincipal';
import { toDocumentSummary } from '../../../_server/toDocumentSummary';

export const dynamic = 'force-dynamic';

export function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const { id } = await context.params;
    const { documents } = getServices();
    const resource = isValidDocumentId(id) ? await documents.resource(id) : null;
    // A document the person may not even see is "not found", so its existence is not revealed.
    if (!resource || !can(actorOf(principal), 'view', resource).allowed) throw new HttpError(404, 'not_found');
    if (!can(actorOf(principal), 'edit', resource).allowed) throw new HttpError(403, 'forbidden');
    const { title } = await readJson(request, renameDocumentSchema);
    const meta = await documents.rename(id, title);
    if (!meta) throw new HttpError(404, 'not_found');
    return Response.json({ document: toDocumentSummary(meta) });
  });
}
