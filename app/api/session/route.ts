/** POST: start a session with a display name (sets the signed cookie). DELETE: end it. */
import { cookies } from 'next/headers';
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, displayNameSchema, encodeSession, newSession } from '../../../lib/auth/session';
import { getServices } from '../../../lib/services';
import { startSessionSchema, firstIssueCode } from '../../_shared/schemas';
import { HttpError, assertSameOrigin, handle, isHttps, readJson } from '../../_server/http';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const body = await readJson(request, startSessionSchema);
    const name = displayNameSchema.safeParse(body.name);
    if (!name.success) throw new HttpError(400, firstIssueCode(name.error));
    const session = newSession(name.data);
    const store = await cookies();
    store.set(SESSION_COOKIE, encodeSession(session, getServices().secret), {
      httpOnly: true,
      sameSite: 'lax',
      secure: isHttps(request),
      path: '/',
      maxAge: SESSION_MAX_AGE_SECONDS,
    });
    return Response.json({ session: { name: session.name, color: session.color } }, { status: 201 });
  });
}

export function DELETE(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const store = await cookies();
    store.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: isHttps(request), path: '/', maxAge: 0 });
    return new Response(null, { status: 204 });
  });
}
