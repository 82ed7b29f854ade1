/** GET: an admin downloads a person's data (the same zip as GET /api/account/export). */
import { getServices } from '../../../../../../lib/services';
import { handle } from '../../../../../_server/http';
import { requireAdmin } from '../../../../../_server/requireAdmin';
import { zipResponse } from '../../../../../_server/zipResponse';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const admin = await requireAdmin();
    const id = (await context.params).id;
    return zipResponse(await getServices().selfService.exportData(admin.personId, id));
  });
}
