/**
 * A document's invite links, for those who may manage access. GET lists them (role, expiry, uses,
 * status); POST creates one and answers with its path, the only place the token ever appears.
 */
import { getServices } from '../../../../../lib/services';
import { createInviteSchema } from '../../../../_shared/schemas';
import { documentIdParam } from '../../../../_server/documentIdParam';
import { assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { actorOf } from '../../../../_server/readPrincipal';
import { requirePrincipal } from '../../../../_server/requirePrincipal';
import { toInviteSummary } from '../../../../_server/toInviteSummary';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export function GET(_request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const principal = await requirePrincipal();
    const invites = await getServices().sharing.listInvites(actorOf(principal), documentIdParam((await context.params).id));
    return Response.json({ invites: invites.map((invite) => toInviteSummary(invite)) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

export function POST(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await requirePrincipal();
    const { id } = await context.params;
    const { role, expiresInDays } = await readJson(request, createInviteSchema);
    const { token, invite } = await getServices().sharing.createInvite(actorOf(principal), documentIdParam(id), role, expiresInDays);
    return Response.json(
      { invite: toInviteSummary(invite), path: `/invitation/${token}` },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    );
  });
}
