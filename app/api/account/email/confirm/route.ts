/** POST `{ token }`: use an e-mail confirmation link (the page at /konto/e-mail shows the button). No session needed. */
import { emailConfirmSchema } from '../../../../../lib/account/schemas';
import { getServices } from '../../../../../lib/services';
import { assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { PRIVATE_NO_STORE } from '../../../../_server/noStore';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { token } = await readJson(request, emailConfirmSchema);
    const person = await getServices().selfService.confirmEmailChange(token);
    return Response.json({ email: person.email }, { headers: PRIVATE_NO_STORE });
  });
}
