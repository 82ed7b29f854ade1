/** POST: end this session on the server (its live sync connections close) and clear the cookie. */
import { getServices } from '../../../../lib/services';
import { assertSameOrigin, handle } from '../../../_server/http';
import { readSessionId } from '../../../_server/readPrincipal';
import { clearSessionCookie } from '../../../_server/sessionCookie';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const sessionId = await readSessionId();
    if (sessionId) await getServices().accounts.signOut(sessionId);
    await clearSessionCookie(request);
    return new Response(null, { status: 204 });
  });
}
