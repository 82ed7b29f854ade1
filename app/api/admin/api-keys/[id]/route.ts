/** DELETE: an admin revokes an API key; requests with it are refused (401) from then on. */
import { getServices } from '../../../../../lib/services';
import { HttpError, assertSameOrigin, handle } from '../../../../_server/http';
import { readPrincipal } from '../../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

export function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const revoked = await getServices().apiKeys.revoke(principal.personId, (await context.params).id);
    if (!revoked) throw new HttpError(404, 'api_key_not_found');
    return Response.json({ apiKey: revoked });
  });
}
