/** GET: what deleting the signed-in person's account would do: `{ soleDocuments, heir, lastAdmin, hasPassword }`. */
import { getServices } from '../../../../lib/services';
import { handle } from '../../../_server/http';
import { PRIVATE_NO_STORE } from '../../../_server/noStore';
import { requirePrincipal } from '../../../_server/requirePrincipal';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return handle(async () => {
    const principal = await requirePrincipal();
    const plan = await getServices().selfService.deletionPlan(principal.personId, principal.personId);
    return Response.json(plan, { headers: PRIVATE_NO_STORE });
  });
}
