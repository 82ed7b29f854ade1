/**
 * PUT `{ organisationId | null }`: act on behalf of one of one's organisations ("Navn (Organisation)"
 * on carets, presence and new documents) or as oneself. Editors opened afterwards carry the new name.
 */
import { getServices } from '../../../../lib/services';
import { actingForSchema } from '../../../_shared/adminSchemas';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../_server/http';
import { readSessionId } from '../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

export function PUT(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const sessionId = await readSessionId();
    if (!sessionId) throw new HttpError(401, 'unauthenticated');
    const { organisationId } = await readJson(request, actingForSchema);
    const { sessions, resolvePrincipal } = getServices();
    await sessions.setActingFor(sessionId, organisationId);
    const principal = await resolvePrincipal(sessionId);
    return Response.json({ label: principal?.label ?? null }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
