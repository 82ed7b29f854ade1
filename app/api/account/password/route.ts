/** POST: change one's password; every other session of the person ends. */
import { changePasswordSchema } from '../../../../lib/people/schemas';
import { getServices } from '../../../../lib/services';
import { clientIp } from '../../../_server/clientIp';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../_server/http';
import { readPrincipal, readSessionId } from '../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const { currentPassword, newPassword } = await readJson(request, changePasswordSchema);
    await getServices().accounts.changePassword(
      principal.personId,
      currentPassword,
      newPassword,
      (await readSessionId()) ?? '',
      clientIp(request),
    );
    return new Response(null, { status: 204 });
  });
}
