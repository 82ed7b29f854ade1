/**
 * PATCH `{ name, description? }`: an admin renames a workspace and changes (or, left out or empty,
 * clears) its description, checked as at creation. DELETE: removes it: its documents are never
 * deleted but move out of any workspace (those visible to its members become private; owners and
 * grants keep access) and its members' live connections are re-checked. GET `./removal` previews it.
 */
import { workspaceUpdateSchema } from '../../../../../lib/people/workspaceSchema';
import { getServices } from '../../../../../lib/services';
import { assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { toAdminWorkspace } from '../../../../_server/loadAdminWorkspaces';
import { requireAdmin } from '../../../../_server/requireAdmin';
import { toRemovalCounts } from '../../../../_server/toRemovalCounts';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    const input = await readJson(request, workspaceUpdateSchema);
    const workspace = await getServices().workspaces.update(admin.personId, (await context.params).id, input);
    return Response.json({ workspace: await toAdminWorkspace(workspace) }, { headers: NO_STORE });
  });
}

export function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    const removed = await getServices().workspaces.remove(admin.personId, (await context.params).id);
    return Response.json({ removed: toRemovalCounts(removed) }, { headers: NO_STORE });
  });
}
