/** GET: what deleting this person's account would do (for the admin's confirmation step). */
import { getServices } from '../../../../../../lib/services';
import { handle } from '../../../../../_server/http';
import { PRIVATE_NO_STORE } from '../../../../../_server/noStore';
import { requireAdmin } from '../../../../../_server/requireAdmin';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const admin = await requireAdmin();
    const plan = await getServices().selfService.deletionPlan(admin.personId, (await context.params).id);
    return Response.json(plan, { headers: PRIVATE_NO_STORE });
  });
}
