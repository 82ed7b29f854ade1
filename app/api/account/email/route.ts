/**
 * POST `{ email, currentPassword? }`: change one's e-mail. With mail configured: 202
 * `{ status: 'confirmation_sent' }` (a link goes to the new address; a taken address is answered the
 * same). Without: the current password is required and the change is immediate, 200 `{ status: 'changed' }`.
 */
import { emailChangeSchema } from '../../../../lib/account/schemas';
import { getServices } from '../../../../lib/services';
import { clientIp } from '../../../_server/clientIp';
import { assertSameOrigin, handle, readJson } from '../../../_server/http';
import { PRIVATE_NO_STORE } from '../../../_server/noStore';
import { requirePrincipal } from '../../../_server/requirePrincipal';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await requirePrincipal();
    const input = await readJson(request, emailChangeSchema);
    const outcome = await getServices().selfService.requestEmailChange(principal.personId, input, clientIp(request));
    return Response.json(outcome, { status: outcome.status === 'confirmation_sent' ? 202 : 200, headers: PRIVATE_NO_STORE });
  });
}
