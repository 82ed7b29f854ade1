/** POST: create a document from a template; the body is seeded on the server and the creator owns it. */
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
    const meta = await getServices().documents.create({
      title: input.title,
      template: input.template,
      createdBy: { id: principal.personId, name: principal.label },
    });
    return Response.json({ document: toDocumentSummary(meta) }, { status: 201, headers: { Location: `/d/${meta.id}` } });
  });
}
