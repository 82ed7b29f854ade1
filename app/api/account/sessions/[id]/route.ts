/** DELETE: ends one of the signed-in person's own sessions (by the id the list shows); 404 for any other. */
import { sessionRefSchema } from '../../../../../lib/account/schemas';
import { getServices } from '../../../../../lib/services';
import { HttpError, assertSameOrigin, handle } from '../../../../_server/http';
import { requirePrincipal } from '../../../../_server/requirePrincipal';
import { clearSessionCookie } from '../../../../_server/sessionCookie';
import { sessionRef } from '../../../../../lib/account/sessionRef';

export const dynamic = 'force-dynamic';

export function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await requirePrincipal();
    const ref = sessionRefSchema.safeParse((await context.params).id);
    if (!ref.success) throw new HttpError(400, 'session_ref_invalid');
    await getServices().selfService.endSession(principal.personId, ref.data);
    // Ending the session this browser uses is signing out.
    if (ref.data === sessionRef(principal.resolved.session.idHash)) await clearSessionCookie(request);
    return new Response(null, { status: 204 });
  });
}
