/** POST `{ email }`: an admin adds a person to a workspace. DELETE `{ personId }`: removes them. */
import { getServices } from '../../../../../../lib/services';
import { addMemberSchema, removeMemberSchema } from '../../../../../_shared/adminSchemas';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../../../_server/http';
import { toAdminWorkspace } from '../../../../../_server/loadAdminWorkspaces';
import { personByEmail } from '../../../../../_server/personByEmail';
import { requireAdmin } from '../../../../../_server/requireAdmin';

export const dynamic = 'force-dynamic';

async function workspaceId(context: { params: Promise<{ id: string }> }): Promise<string> {
  const { id } = await context.params;
  if (!(await getServices().workspaces.get(id))) throw new HttpError(404, 'workspace_not_found');
  return id;
}

export function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    const { email } = await readJson(request, addMemberSchema);
    const id = await workspaceId(context);
    const person = await personByEmail(email);
    const workspace = await getServices().workspaces.addMember(admin.personId, id, person.id);
    return Response.json({ workspace: await toAdminWorkspace(workspace) }, { status: 201 });
  });
}

export function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    const { personId } = await readJson(request, removeMemberSchema);
    const id = await workspaceId(context);
    // Removal re-checks the person's live connections to the workspace's documents.
    await getServices().workspaces.removeMember(admin.personId, id, personId);
    return new Response(null, { status: 204 });
  });
}
