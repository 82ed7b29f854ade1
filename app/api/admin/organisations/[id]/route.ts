/**
 * PATCH `{ name }`: an admin renames an organisation (checked as at creation). DELETE: removes it:
 * its memberships and its document grants go, members acting for it act for themselves again,
 * and what was written on its behalf keeps its name. GET `./removal` previews what DELETE does.
 */
import { organisationRenameSchema } from '../../../../../lib/people/schemas';
import { getServices } from '../../../../../lib/services';
import { assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { requireAdmin } from '../../../../_server/requireAdmin';
import { toRemovalCounts } from '../../../../_server/toRemovalCounts';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    const { name } = await readJson(request, organisationRenameSchema);
    const organisation = await getServices().organisations.rename(admin.personId, (await context.params).id, { name });
    return Response.json({ organisation: { id: organisation.id, name: organisation.name } }, { headers: NO_STORE });
  });
}

export function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    // The service asks can() again, removes the grants, then the organisation, and re-checks members' live connections.
    const removed = await getServices().organisations.remove(admin.personId, (await context.params).id);
    return Response.json({ removed: toRemovalCounts(removed) }, { headers: NO_STORE });
  });
}
