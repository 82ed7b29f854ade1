/**
 * A document's person grants, for those allowed to manage access (its owners, as can() decides).
 * GET lists them, POST grants a role to a person by e-mail (replacing their earlier role), DELETE
 * revokes a person's grant. Live sync connections are re-checked at once (closed within seconds).
 */
import type { Grant } from '../../../../../lib/access/model';
import { getServices } from '../../../../../lib/services';
import { grantAccessSchema, revokeAccessSchema } from '../../../../_shared/schemas';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { documentActs } from '../../../../_server/documentActs';
import { actorOf } from '../../../../_server/readPrincipal';
import { requireDocumentAccess } from '../../../../_server/requireDocumentAccess';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** An owner may not demote or remove themselves here (a document keeps the owner who shares it). */
const isOwnerGrantOf = (grants: readonly Grant[], personId: string) =>
  grants.some((grant) => grant.subject === 'person' && grant.personId === personId && grant.role === 'owner');

async function listed(grants: readonly Grant[]) {
  const { accountStore } = getServices();
  const people = [];
  for (const grant of grants) {
    if (grant.subject !== 'person') continue;
    const person = await accountStore.getPerson(grant.personId);
    if (person) people.push({ personId: person.id, name: person.name, email: person.email, role: grant.role });
  }
  return people;
}

export function GET(_request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const { resource } = await requireDocumentAccess((await context.params).id, 'manage_access');
    return Response.json({ grants: await listed(resource.grants) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

export function POST(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id } = await context.params;
    const { principal, resource, id: documentId } = await requireDocumentAccess(id, 'manage_access');
    const { email, role } = await readJson(request, grantAccessSchema);
    const { accountStore } = getServices();
    const person = await accountStore.getPersonByEmail(email);
    // Owners learn whether an e-mail has an account; invite links (later) avoid that.
    if (!person) throw new HttpError(404, 'person_not_found');
    if (isOwnerGrantOf(resource.grants, person.id) && person.id === principal.personId) throw new HttpError(409, 'own_access');
    const others = resource.grants.filter((grant) => !(grant.subject === 'person' && grant.personId === person.id));
    const meta = await documentActs().setGrants(actorOf(principal), documentId, [
      ...others,
      { subject: 'person', personId: person.id, role },
    ]);
    return Response.json({ grants: await listed(meta.grants) }, { status: 201 });
  });
}

export function DELETE(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id } = await context.params;
    const { principal, resource, id: documentId } = await requireDocumentAccess(id, 'manage_access');
    const { personId } = await readJson(request, revokeAccessSchema);
    if (isOwnerGrantOf(resource.grants, personId) && personId === principal.personId) throw new HttpError(409, 'own_access');
    const kept = resource.grants.filter((grant) => !(grant.subject === 'person' && grant.personId === personId));
    const meta = await documentActs().setGrants(actorOf(principal), documentId, kept);
    return Response.json({ grants: await listed(meta.grants) });
  });
}
