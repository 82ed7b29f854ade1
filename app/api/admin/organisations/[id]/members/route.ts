/** POST `{ email }`: an admin adds a person to an organisation. DELETE `{ personId }`: removes them. */
import { getServices } from '../../../../../../lib/services';
import { addMemberSchema, removeMemberSchema } from '../../../../../_shared/adminSchemas';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../../../_server/http';
import { personByEmail } from '../../../../../_server/personByEmail';
import { requireAdmin } from '../../../../../_server/requireAdmin';

export const dynamic = 'force-dynamic';

async function organisationId(context: { params: Promise<{ id: string }> }): Promise<string> {
  const { id } = await context.params;
  if (!(await getServices().organisations.get(id))) throw new HttpError(404, 'organisation_not_found');
  return id;
}

export function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    const { email } = await readJson(request, addMemberSchema);
    const id = await organisationId(context);
    const person = await personByEmail(email);
    const added = await getServices().organisations.join(admin.personId, person.id, id);
    return Response.json({ member: { id: person.id, name: person.name, email: person.email }, added }, { status: added ? 201 : 200 });
  });
}

export function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    const { personId } = await readJson(request, removeMemberSchema);
    const id = await organisationId(context);
    // Leaving re-checks the person's live connections: the organisation's grants no longer reach them.
    await getServices().organisations.leave(admin.personId, personId, id);
    return new Response(null, { status: 204 });
  });
}
