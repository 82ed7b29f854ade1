/**
 * DELETE `{ password?, documents: { all?, each? } }`: delete one's own account (docs/API.md). The
 * password is required when the account has one; otherwise a sign-in within the last 10 minutes.
 * Answers what happened to the documents only the person owned, and clears the session cookie.
 */
import { deleteAccountSchema } from '../../../lib/account/schemas';
import { getServices } from '../../../lib/services';
import { clientIp } from '../../_server/clientIp';
import { assertSameOrigin, handle, readJson } from '../../_server/http';
import { PRIVATE_NO_STORE } from '../../_server/noStore';
import { requirePrincipal } from '../../_server/requirePrincipal';
import { clearSessionCookie } from '../../_server/sessionCookie';

export const dynamic = 'force-dynamic';

/** Room for a choice per document (up to a thousand). */
const MAX_BODY_BYTES = 64 * 1024;

export function DELETE(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await requirePrincipal();
    const { password, documents } = await readJson(request, deleteAccountSchema, MAX_BODY_BYTES);
    const report = await getServices().selfService.deleteAccount({
      actorId: principal.personId,
      personId: principal.personId,
      ...(password !== undefined && { password }),
      sessionIdHash: principal.resolved.session.idHash,
      documents,
      ip: clientIp(request),
    });
    await clearSessionCookie(request);
    return Response.json(report, { headers: PRIVATE_NO_STORE });
  });
}
