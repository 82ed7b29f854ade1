/** PATCH: rename a document (needs edit access, as decided by can()). */
import { getServices } from '../../../../lib/services';
import { renameDocumentSchema } from '../../../_shared/schemas';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../_server/http';
import { requireDocumentAccess } from '../../../_server/requireDocumentAccess';
import { toDocumentSummary } from '../../../_server/toDocumentSummary';

export const dynamic = 'force-dynamic';

export function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id } = await context.params;
    await requireDocumentAccess(id, 'edit');
    const { title } = await readJson(request, renameDocumentSchema);
    const meta = await getServices().documents.rename(id, title);
    if (!meta) throw new HttpError(404, 'not_found');
    return Response.json({ document: toDocumentSummary(meta, true) });
  });
}
