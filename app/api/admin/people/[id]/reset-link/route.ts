/**
 * POST: an admin issues a one-time password-reset link (1 hour) for a person, to hand over without
 * a mail server. Earlier links of that person stop working. The link is in the response only.
 */
import { getServices } from '../../../../../../lib/services';
import { HttpError, assertSameOrigin, handle } from '../../../../../_server/http';
import { readPrincipal } from '../../../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

export function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    // The service asks can(actor, 'administer', platform) and refuses with `forbidden`.
    const token = await getServices().accounts.createResetToken(principal.personId, (await context.params).id);
    const origin = request.headers.get('origin') ?? '';
    return Response.json({ link: `${origin}/konto/nulstil?token=${token}` }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  });
}
