/** Revokes an invite link (those who may manage access); nobody can accept it afterwards. */
import { getServices } from '../../../../../../lib/services';
import { documentIdParam } from '../../../../../_server/documentIdParam';
import { assertSameOrigin, handle } from '../../../../../_server/http';
import { actorOf } from '../../../../../_server/readPrincipal';
import { requirePrincipal } from '../../../../../_server/requirePrincipal';
import { toInviteSummary } from '../../../../../_server/toInviteSummary';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; inviteId: string }> };

export function DELETE(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await requirePrincipal();
    const { id, inviteId } = await context.params;
    const invite = await getServices().sharing.revokeInvite(actorOf(principal), documentIdParam(id), inviteId);
    return Response.json({ invite: toInviteSummary(invite) });
  });
}
