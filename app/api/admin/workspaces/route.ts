/** GET: every workspace with its members. POST `{ name, description?, kind?: 'team' | 'forum' }`: an admin creates one. */
import { getServices } from '../../../../lib/services';
import { workspaceSchema } from '../../../../lib/people/workspaceSchema';
import { assertSameOrigin, handle, readJson } from '../../../_server/http';
import { loadAdminWorkspaces, toAdminWorkspace } from '../../../_server/loadAdminWorkspaces';
import { requireAdmin } from '../../../_server/requireAdmin';

export const dynamic = 'force-dynamic';

const createWorkspaceSchema = workspaceSchema.pick({ name: true, description: true, kind: true });

export function GET(): Promise<Response> {
  return handle(async () => {
    await requireAdmin();
    return Response.json({ workspaces: await loadAdminWorkspaces() }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    const input = await readJson(request, createWorkspaceSchema);
    const workspace = await getServices().workspaces.create(admin.personId, input);
    return Response.json({ workspace: await toAdminWorkspace(workspace) }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  });
}
