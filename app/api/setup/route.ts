/** POST: create the first admin with the one-time link printed at the first start, and sign in. */
import { setupSchema } from '../../../lib/people/schemas';
import { getServices } from '../../../lib/services';
import { assertSameOrigin, handle, readJson } from '../../_server/http';
import { signInAndSetCookie } from '../../_server/signInAndSetCookie';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { token, ...person } = await readJson(request, setupSchema);
    await getServices().setup.completeSetup(token, person);
    // The admin just chose this password: signed in with it even where admins sign in through single sign-on only.
    const signedIn = await signInAndSetCookie(request, person.email, person.password, { anyRole: true });
    return Response.json({ person: signedIn }, { status: 201 });
  });
}
