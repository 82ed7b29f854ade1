/**
 * GET: the signed-in person's sessions `{ sessions: [{ id, createdAt, lastSeenAt, device, current }] }`.
 * DELETE: ends every session but this one, `{ ended }`.
 */
import { getServices } from '../../../../lib/services';
import { assertSameOrigin, handle } from '../../../_server/http';
import { PRIVATE_NO_STORE } from '../../../_server/noStore';
import { requirePrincipal } from '../../../_server/requirePrincipal';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return handle(async () => {
    const principal = await requirePrincipal();
    const sessions = await getServices().selfService.listSessions(principal.personId, principal.resolved.session.idHash);
    return Response.json({ sessions }, { headers: PRIVATE_NO_STORE });
  });
}

export function DELETE(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await requirePrincipal();
    const ended = await getServices().selfService.endOtherSessions(principal.personId, principal.resolved.session.idHash);
    return Response.json({ ended }, { headers: PRIVATE_NO_STORE });
  });
}
