/** The owner approves (the requester becomes an editor) or declines a pending co-author request. */
import { getServices } from '../../../../../../lib/services';
import { decideRequestSchema } from '../../../../../_shared/schemas';
import { documentIdParam } from '../../../../../_server/documentIdParam';
import { assertSameOrigin, handle, readJson } from '../../../../../_server/http';
import { actorOf } from '../../../../../_server/readPrincipal';
import { requirePrincipal } from '../../../../../_server/requirePrincipal';
import { toRequestSummaries } from '../../../../../_server/toRequestSummaries';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; requestId: string }> };

export function PATCH(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await requirePrincipal();
    const { id, requestId } = await context.params;
    const { decision } = await readJson(request, decideRequestSchema);
    const actor = actorOf(principal);
    const { sharing } = getServices();
    const documentId = documentIdParam(id);
    await sharing.decideRequest(actor, documentId, requestId, decision);
    return Response.json({ requests: await toRequestSummaries(await sharing.listRequests(actor, documentId)) });
  });
}
