/** GET: what removing the workspace would do now (`{ removal: { name, members, documents, madePrivate } }`), for the admin to confirm. */
import { getServices } from '../../../../../../lib/services';
import { handle } from '../../../../../_server/http';
import { requireAdmin } from '../../../../../_server/requireAdmin';
import { toRemovalCounts } from '../../../../../_server/toRemovalCounts';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const admin = await requireAdmin();
    const removal = await getServices().workspaces.removal(admin.personId, (await context.params).id);
    return Response.json({ removal: toRemovalCounts(removal) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
