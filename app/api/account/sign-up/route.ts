/** POST: create an account (a citizen) and sign in to it. */
import { signUpSchema } from '../../../../lib/people/schemas';
import { getServices } from '../../../../lib/services';
import { assertSameOrigin, handle, readJson } from '../../../_server/http';
import { signInAndSetCookie } from '../../../_server/signInAndSetCookie';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const input = await readJson(request, signUpSchema);
    await getServices().accounts.signUp(input);
    const person = await signInAndSetCookie(request, input.email, input.password);
    return Response.json({ person }, { status: 201 });
  });
}
