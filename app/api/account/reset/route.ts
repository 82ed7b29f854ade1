/** POST: set a new password with a one-time reset link; every session of the person ends. */
import { resetPasswordSchema } from '../../../../lib/people/schemas';
import { getServices } from '../../../../lib/services';
import { assertSameOrigin, handle, readJson } from '../../../_server/http';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { token, newPassword } = await readJson(request, resetPasswordSchema);
    await getServices().accounts.resetPassword(token, newPassword);
    return new Response(null, { status: 204 });
  });
}
