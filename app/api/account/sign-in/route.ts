/** POST: sign in with e-mail and password. Unknown e-mail and wrong password get the same answer. */
import { signInSchema } from '../../../../lib/people/schemas';
import { assertSameOrigin, handle, readJson } from '../../../_server/http';
import { signInAndSetCookie } from '../../../_server/signInAndSetCookie';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { email, password } = await readJson(request, signInSchema);
    const person = await signInAndSetCookie(request, email, password);
    return Response.json({ person });
  });
}
