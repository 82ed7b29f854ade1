/** DELETE `{ password, documents }`: an admin deletes a person's account, confirmed with the admin's own password. */
import { deleteAccountSchema } from '../../../../../../lib/account/schemas';
import { getServices } from '../../../../../../lib/services';
import { clientIp } from '../../../../../_server/clientIp';
import { assertSameOrigin, handle, readJson } from '../../../../../_server/http';
import { PRIVATE_NO_STORE } from '../../../../../_server/noStore';
import { requireAdmin } from '../../../../../_server/requireAdmin';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 64 * 1024;

export function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    const { password, documents } = await readJson(request, deleteAccountSchema, MAX_BODY_BYTES);
    const report = await getServices().selfService.deleteAccount({
      actorId: admin.personId,
      personId: (await context.params).id,
      ...(password !== undefined && { password }),
      sessionIdHash: admin.resolved.session.idHash,
      documents,
      ip: clientIp(request),
    });
    return Response.json(report, { headers: PRIVATE_NO_STORE });
  });
}
