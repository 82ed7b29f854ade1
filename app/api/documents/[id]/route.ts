/** PATCH: rename a document. */
import { isValidDocumentId } from '../../../../lib/documentId';
import { getServices } from '../../../../lib/services';
import { renameDocumentSchema } from '../../../_shared/schemas';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../_server/http';
import { readSession } from '../../../_server/readSession';
import { toDocumentSummary } from '../../../_server/toDocumentSummary';

export const dynamic = 'force-dynamic';

export function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    if (!(await readSession())) throw new HttpError(401, 'unauthenticated');
    const { id } = await context.params;
    if (!isValidDocumentId(id)) throw new HttpError(404, 'not_found');
    const { title } = await readJson(request, renameDocumentSchema);
    const meta = await getServices().documents.rename(id, title);
    if (!meta) throw new HttpError(404, 'not_found');
    return Response.json({ document: toDocumentSummary(meta) });
  });
}
