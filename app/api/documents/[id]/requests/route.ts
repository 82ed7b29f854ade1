/**
 * "Ask to co-author". GET: those who manage access get every request, others their own latest
 * (or null). POST: a reader who cannot edit asks, with an optional plain-text message; one
 * pending request per person and document (409 otherwise).
 */
import { can } from '../../../../../lib/access/can';
import { getServices } from '../../../../../lib/services';
import { coAuthorRequestSchema } from '../../../../_shared/schemas';
import { documentIdParam } from '../../../../_server/documentIdParam';
import { assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { actorOf } from '../../../../_server/readPrincipal';
import { requireDocumentAccess } from '../../../../_server/requireDocumentAccess';
import { requirePrincipal } from '../../../../_server/requirePrincipal';
import { toRequestSummaries } from '../../../../_server/toRequestSummaries';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export function GET(_request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const { id } = await context.params;
    const { principal, resource, id: documentId } = await requireDocumentAccess(id, 'view');
    const actor = actorOf(principal);
    const { sharing } = getServices();
    const headers = { 'Cache-Control': 'no-store' };
    if (can(actor, 'manage_access', resource).allowed) {
      return Response.json({ requests: await toRequestSummaries(await sharing.listRequests(actor, documentId)) }, { headers });
    }
    const own = await sharing.ownRequest(actor, documentId);
    return Response.json({ own: own ? ((await toRequestSummaries([own]))[0] ?? null) : null }, { headers });
  });
}

export function POST(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await requirePrincipal();
    const { id } = await context.params;
    const { message } = await readJson(request, coAuthorRequestSchema);
    const created = await getServices().sharing.requestCoAuthorship(actorOf(principal), documentIdParam(id), message);
    return Response.json({ own: (await toRequestSummaries([created]))[0] }, { status: 201 });
  });
}
